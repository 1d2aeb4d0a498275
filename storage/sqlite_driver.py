"""SQLite for the async engine without a thread hop per statement.

aiosqlite runs each call on a worker thread and wakes the event loop with the result. An
event's transaction has some thirty statements of a few microseconds each; the hand-overs
(and the GIL each one waits for while the loop is busy with other chats) cost far more than
the work, and the write lock is held all that time. `InlineConnection` keeps aiosqlite's API,
which SQLAlchemy's aiosqlite dialect drives, but runs each call right away on the loop's
thread. Only a `BEGIN` that finds the write lock taken (by another process, or a reader of
this one) waits for it on a thread, so such a wait never freezes the loop.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Generator
from typing import Any

import aiosqlite


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
