"""SQLite for the async engine without a thread hop per statement.

aiosqlite runs each call on a worker thread and wakes the event loop with the result. An
event's transaction has some thirty statements of a few microseconds each; the hand-overs
(and the GIL each one waits for while the loop is busy with other chats) cost far more than
the work, and the write lock is held all that time. `InlineConnection` keeps aiosqlite's API,
which SQLAlchemy's aiosqlite dialect drives, but runs each call right away on the loop's
thread. Only a `BEGIN` that finds the write lock taken (by another process, or a reader of
this one) waits for it on a thread, so such a wait never freezes the loop.

Since nothing else ever waits, a statement inside a transaction that has begun needs no
greenlet either: `InlineDBAPI` hands SQLAlchemy cursors that, called outside a greenlet, run
aiosqlite's coroutines to their end at once instead of switching greenlets for each, so the
repositories can execute prebuilt statements on the connection directly (`runs_inline`).
Inside a greenlet (everything else SQLAlchemy does, BEGIN included) they behave as before.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Coroutine, Generator
from typing import Any

import aiosqlite
from sqlalchemy import Connection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util.concurrency import await_, in_greenlet


class _InlineQueue:
    """Stands in for aiosqlite's queue to its worker thread: runs the call at once.

    SQLAlchemy's adapter puts its isolation-level change on that queue directly.
    """

    def put_nowait(self, entry: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, function = entry
        try:
            result = function()
        except BaseException as error:  # handed to whoever awaits, as the worker does
            if future is not None and not future.done():
                future.set_exception(error)
            return
        if future is not None and not future.done():
            future.set_result(result)


def _waits_for_lock(args: tuple[Any, ...]) -> bool:
    """Whether a cursor call starts a transaction (which may wait for the write lock)."""
    return bool(args) and isinstance(args[0], str) and args[0].lstrip()[:5].upper() == "BEGIN"


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run on the event loop's thread (BEGIN excepted)."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _InlineQueue()  # type: ignore[assignment]
        self._busy_timeout: int | None = None  # ms, read from the connection at the first BEGIN

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        if _waits_for_lock(args):
            return await self._begin(fn, *args, **kwargs)
        return fn(*args, **kwargs)

    async def _begin(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """BEGIN at once when the lock is free (the usual case); else wait on a thread."""
        connection = self._conn
        if self._busy_timeout is None:
            self._busy_timeout = int(connection.execute("PRAGMA busy_timeout").fetchone()[0])
        connection.execute("PRAGMA busy_timeout=0")
        try:
            return fn(*args, **kwargs)
        except sqlite3.OperationalError as error:
            if connection.in_transaction or "locked" not in str(error).lower():
                raise
        finally:
            connection.execute(f"PRAGMA busy_timeout={self._busy_timeout}")
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def _connect(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        return self._connect().__await__()  # no worker thread to start

    def stop(self) -> None:
        """Close the sqlite3 connection (there is no worker thread to stop)."""
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        """Close the connection."""
        self.stop()


def inline_creator(database: str) -> Callable[[], Any]:
    """An `async_creator` for `create_async_engine` opening `database` with InlineConnection."""

    def connector() -> sqlite3.Connection:
        # Used from the loop's thread and, for BEGIN only, from a helper thread; calls on
        # one connection never overlap (SQLAlchemy awaits each), which is what sqlite3 needs.
        return sqlite3.connect(database, check_same_thread=False)

    async def creator() -> InlineConnection:
        return await InlineConnection(connector)

    return creator


def _at_once(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """The result of an InlineConnection call that finishes without waiting (outside greenlets)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    # Only a BEGIN (or a second statement on one connection at once) can wait; neither ever
    # comes this way. Were one to, failing loudly beats blocking the loop.
    coroutine.close()
    raise RuntimeError("an inline SQLite call had to wait outside a greenlet")


class InlineCursor(AsyncAdapt_aiosqlite_cursor):
    """SQLAlchemy's aiosqlite cursor that, outside a greenlet, runs its calls at once."""

    __slots__ = ()

    def _aenter_cursor(self, cursor: Any) -> Any:
        if in_greenlet():
            return super()._aenter_cursor(cursor)
        return self._now(cursor.__aenter__())

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        """Execute a statement (at once when outside a greenlet)."""
        if in_greenlet():
            return super().execute(operation, parameters)
        return self._now(self._execute_async(operation, parameters))

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        """Execute a statement for many parameter sets (at once when outside a greenlet)."""
        if in_greenlet():
            return super().executemany(operation, seq_of_parameters)
        return self._now(self._executemany_async(operation, seq_of_parameters))

    def _now(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        """Run a driver call at once; its errors become DB-API errors as on the greenlet path."""
        try:
            return _at_once(coroutine)
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def close(self) -> None:
        """Close the cursor (its rows were all fetched when it executed)."""
        if in_greenlet() or self._cursor is None or self._soft_closed_memoized:
            super().close()
            return
        self._rows.clear()
        _at_once(self._cursor.close())


class InlineAdaptedConnection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's adapted aiosqlite connection, handing out InlineCursors."""

    __slots__ = ()
    _cursor_cls = InlineCursor


class InlineDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """SQLAlchemy's aiosqlite DB-API module for `create_async_engine(module=...)`."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)

    def connect(self, *arg: Any, **kw: Any) -> InlineAdaptedConnection:
        """Open a connection through the engine's `async_creator` (see inline_creator)."""
        creator = kw.pop("async_creator_fn")
        return InlineAdaptedConnection(self, await_(creator(*arg, **kw)))


def runs_inline(connection: Connection) -> bool:
    """Whether statements on this connection may be executed directly, without a greenlet."""
    return isinstance(connection.dialect.loaded_dbapi, InlineDBAPI)
