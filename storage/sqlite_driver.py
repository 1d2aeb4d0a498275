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
Inside a greenlet (everything else SQLAlchemy does) they behave as before. Those prebuilt
statements even skip SQLAlchemy's execution machinery (`DirectStatements`), BEGIN goes
straight to sqlite3 (`InlineAdaptedConnection.begin`), and a transaction that has begun
commits and closes without a greenlet (`Store.transaction`).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Coroutine, Generator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

import aiosqlite
from sqlalchemy import Connection, Dialect
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.engine.cursor import _NO_RESULT_METADATA
from sqlalchemy.engine.result import IteratorResult, ResultMetaData, SimpleResultMetaData
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
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


logger = logging.getLogger(__name__)

# What InlineConnection.begin_now returns when another connection holds the write lock.
LOCKED = object()


def _waits_for_lock(args: tuple[Any, ...]) -> bool:
    """Whether a cursor call starts a transaction (which may wait for the write lock)."""
    return bool(args) and isinstance(args[0], str) and args[0].lstrip()[:5].upper() == "BEGIN"


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection whose calls run on the event loop's thread (BEGIN excepted)."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _InlineQueue()  # type: ignore[assignment]
        self._busy_timeout: int | None = None  # ms, read from the connection at the first BEGIN
        self._keeps_no_timeout = False  # WAL mode: the timeout stays 0 but for waiting BEGINs
        # A BEGIN still waiting on its thread after the wait was cancelled: until it returns,
        # the connection is the thread's (sqlite3 would block the loop on its mutex).
        self._abandoned: asyncio.Future[Any] | None = None
        # Set by begin_ahead: the transaction SQLAlchemy begins next has begun already.
        self.begun_ahead = False

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        if self._in_thread():
            # SQLAlchemy invalidates a connection whose BEGIN was cancelled, so nothing should
            # come here meanwhile; if something does, it fails instead of holding the loop.
            raise sqlite3.OperationalError("connection still waiting for the write lock")
        if _waits_for_lock(args):
            return await self._begin(fn, *args, **kwargs)
        return fn(*args, **kwargs)

    async def _begin(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """BEGIN at once when the lock is free (the usual case); else wait on a thread."""
        result = self.begin_now(fn, *args, **kwargs)
        if result is LOCKED:
            result = await self.begin_waiting(fn, *args, **kwargs)
        return result

    def begin_now(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a BEGIN at once; LOCKED (and nothing begun) when another connection holds the lock.

        The try at once must not wait, so it runs with a busy timeout of 0. In WAL mode the
        connection keeps that timeout: once BEGIN IMMEDIATE holds the write lock, nothing in
        the transaction (COMMIT included) waits for another connection, so two PRAGMAs per
        transaction are saved. The wait on the thread runs with the configured timeout.
        """
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        connection = self._connection
        if self._busy_timeout is None:
            self._busy_timeout = int(connection.execute("PRAGMA busy_timeout").fetchone()[0])
            mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
            self._keeps_no_timeout = str(mode).lower() == "wal"
            if self._keeps_no_timeout:
                connection.execute("PRAGMA busy_timeout=0")
        if not self._keeps_no_timeout:
            connection.execute("PRAGMA busy_timeout=0")
        try:
            return fn(*args, **kwargs)
        except sqlite3.OperationalError as error:
            if connection.in_transaction or "locked" not in str(error).lower():
                raise
            return LOCKED
        finally:
            if not self._keeps_no_timeout:
                connection.execute(f"PRAGMA busy_timeout={self._busy_timeout}")

    async def begin_waiting(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a BEGIN on a thread, waiting for the lock up to the configured busy timeout."""
        connection = self._conn
        keeps_no_timeout = self._keeps_no_timeout
        if keeps_no_timeout:
            connection.execute(f"PRAGMA busy_timeout={self._busy_timeout}")
        thread = asyncio.get_running_loop().run_in_executor(None, partial(fn, *args, **kwargs))
        try:
            # Shielded: a cancelled wait must not lose track of the thread, which goes on.
            result = await asyncio.shield(thread)
        except Exception:
            if keeps_no_timeout:
                connection.execute("PRAGMA busy_timeout=0")  # the thread is done with it
            raise
        except BaseException:
            # Cancelled: the thread may still be waiting on the connection, which must not be
            # touched until it returns (see _execute and stop). It keeps the timeout; later
            # BEGINs set and reset it each time.
            self._keeps_no_timeout = False
            self._abandoned = thread
            thread.add_done_callback(_retrieve)
            raise
        if keeps_no_timeout:
            connection.execute("PRAGMA busy_timeout=0")
        return result

    def _in_thread(self) -> bool:
        """Whether a cancelled BEGIN's thread still has the connection."""
        return self._abandoned is not None and not self._abandoned.done()

    async def _connect(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        return self._connect().__await__()  # no worker thread to start

    def stop(self) -> None:
        """Close the sqlite3 connection (there is no worker thread to stop).

        While a cancelled BEGIN still waits on its thread, closing now would hold the loop
        until the BEGIN gives up (the busy timeout); the connection is closed when it returns,
        which also rolls back a transaction it may have begun meanwhile.
        """
        self._running = False
        connection, self._connection = self._connection, None
        if connection is None:
            return
        abandoned = self._abandoned
        if abandoned is not None and not abandoned.done():
            abandoned.add_done_callback(lambda _: connection.close())
        else:
            connection.close()

    async def close(self) -> None:
        """Close the connection."""
        self.stop()


def _retrieve(future: asyncio.Future[Any]) -> None:
    """Read a finished future's outcome, so a BEGIN that failed after its wait was cancelled
    is not reported as an exception nobody retrieved."""
    if not future.cancelled():
        future.exception()


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
    """SQLAlchemy's adapted aiosqlite connection, handing out InlineCursors.

    Outside a greenlet, commit, rollback and close run at once too (none of them waits for
    a lock), so a transaction that has begun can also end without one (see Store.transaction).
    """

    __slots__ = ()
    _cursor_cls = InlineCursor

    def commit(self) -> None:
        """Commit (at once when outside a greenlet)."""
        if in_greenlet():
            super().commit()
        elif self._connection._connection:
            self._now(self._connection.commit())

    def rollback(self) -> None:
        """Roll back (at once when outside a greenlet)."""
        if in_greenlet():
            super().rollback()
        elif self._connection._connection:
            self._now(self._connection.rollback())

    def close(self) -> None:
        """Close the connection (at once when outside a greenlet)."""
        if in_greenlet():
            super().close()
            return
        try:
            _at_once(self._connection.close())
        except ValueError:  # closed twice: ignored, as the parent does
            pass
        except Exception as error:
            self._handle_exception(error)

    def _now(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        try:
            _at_once(coroutine)
        except Exception as error:
            self._handle_exception(error)

    def begin(self, sql: str) -> None:
        """Run a BEGIN straight on sqlite3: at once when the write lock is free, else waiting
        on a thread (which needs a greenlet). No cursor: those layers cost more than it."""
        driver = self._connection
        assert isinstance(driver, InlineConnection)
        if driver.begun_ahead:  # by begin_ahead, just before: SQLAlchemy only records it
            driver.begun_ahead = False
            return
        try:
            if driver.begin_now(driver._conn.execute, sql) is LOCKED:
                await_(driver.begin_waiting(driver._conn.execute, sql))
        except Exception as error:
            self._handle_exception(error)


async def begin_ahead(connection: Connection, sql: str) -> None:
    """Run `sql` (a BEGIN) on an inline connection's sqlite3 connection before SQLAlchemy
    begins its transaction, which then only records it (see InlineAdaptedConnection.begin).

    SQLAlchemy's own begin can wait for the write lock only inside a greenlet; begun here, it
    waits as a coroutine, and SQLAlchemy's begin that follows needs no greenlet. Errors are
    raised as a failed BEGIN's are (wrapped; a cancelled wait invalidates the connection,
    whose BEGIN may still be going on on its thread).
    """
    adapted = connection.connection.dbapi_connection
    assert isinstance(adapted, InlineAdaptedConnection)
    driver = adapted._connection
    assert isinstance(driver, InlineConnection)
    try:
        if driver.begin_now(driver._conn.execute, sql) is LOCKED:
            await driver.begin_waiting(driver._conn.execute, sql)
    except BaseException as error:
        connection._handle_dbapi_exception(error, sql, (), None, None)
    driver.begun_ahead = True


class InlineDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """SQLAlchemy's aiosqlite DB-API module for `create_async_engine(module=...)`."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)
        # Statements compiled for execute_direct, by (statement, parameter names, many).
        self.plans: dict[Any, Any] = {}

    def connect(self, *arg: Any, **kw: Any) -> InlineAdaptedConnection:
        """Open a connection through the engine's `async_creator` (see inline_creator)."""
        creator = kw.pop("async_creator_fn")
        return InlineAdaptedConnection(self, await_(creator(*arg, **kw)))


def runs_inline(connection: Connection) -> bool:
    """Whether statements on this connection may be executed directly, without a greenlet."""
    return isinstance(connection.dialect.loaded_dbapi, InlineDBAPI)


# ---------------------------------------------------------------------------------------------
# Prebuilt statements without SQLAlchemy's execution machinery
#
# Executing a compiled Core statement through a Connection builds an execution context, runs
# the parameters through `construct_params`, dispatches events and builds a CursorResult:
# several times the CPU of the sqlite3 call itself. The repositories' prebuilt statements are
# the same objects every time, so each is compiled here once (per set of parameter names) into
# a plan: the SQL string, where each positional value comes from with its bind processor, and
# the result's keys with their result processors. Running a plan converts the values exactly
# as `DefaultExecutionContext._init_compiled` does, calls sqlite3 directly and returns the rows
# as SQLAlchemy Rows. Anything a plan does not cover takes SQLAlchemy's own path.

_REQUIRED = object()  # a parameter without a value of its own: the caller must pass one
_UNPLANNED = object()
_MAX_PLANS = 500  # prebuilt statements only; anything beyond is not ours to cache


class DirectResult(IteratorResult[Any]):
    """The rows of a directly executed statement (all fetched), with the cursor's rowcount."""

    rowcount: int

    @property
    def returns_rows(self) -> bool:
        """Whether the statement returns rows (as CursorResult.returns_rows)."""
        return self._metadata is not _NO_RESULT_METADATA


@dataclass(frozen=True, slots=True)
class _Bind:
    """Where one positional value comes from: the caller's key (or the compiled name), else
    the statement's own value; `item` picks one element of an expanded IN list."""

    key: str
    name: str
    default: Any
    process: Callable[[Any], Any] | None
    item: int | None = None


@dataclass(frozen=True, slots=True)
class _Plan:
    """A statement compiled for SQLite, ready to run on the sqlite3 connection."""

    sql: str
    binds: tuple[_Bind, ...]
    metadata: ResultMetaData  # _NO_RESULT_METADATA for statements that return no rows
    returns_rows: bool
    # Expanding IN parameters (name -> caller's key): the SQL depends on the lists' lengths.
    expanding: tuple[tuple[str, str], ...] = ()
    compiled: SQLCompiler | None = None


def _binds(compiled: SQLCompiler, positions: Any, processors: Any) -> tuple[_Bind, ...] | None:
    """The positional values' sources, or None when one needs something a plan lacks."""
    by_name = {name: bind for bind, name in compiled.bind_names.items()}
    found = []
    for name in positions:
        bind = by_name.get(name)
        if bind is None or bind.callable is not None:
            return None
        default = _REQUIRED if bind.required else bind.value
        found.append(_Bind(bind.key, name, default, cast(Any, processors.get(name))))
    return tuple(found)


def _plan(dialect: Dialect, statement: Any, keys: tuple[str, ...], many: bool) -> _Plan | None:
    """Compile a statement as Connection.execute would (same column keys); None if unfit."""
    if not isinstance(statement, ClauseElement) or getattr(statement, "_execution_options", None):
        return None
    compiled = statement.compile(dialect=dialect, column_keys=sorted(keys), for_executemany=many)
    if not isinstance(compiled, SQLCompiler) or not compiled.positional:
        return None
    if compiled.insert_prefetch or compiled.update_prefetch or compiled.literal_execute_params:
        return None  # Python-side defaults or values rendered into the SQL
    if compiled.schema_translate_map or compiled._collected_params or compiled.implicit_returning:
        return None
    if many and (compiled._result_columns or compiled._insertmanyvalues):
        return None
    returns_rows = bool(compiled._result_columns)
    metadata: ResultMetaData = _NO_RESULT_METADATA
    if returns_rows:
        names = [column.keyname for column in compiled._result_columns]
        converters = [
            column.type._cached_result_processor(dialect, None)
            for column in compiled._result_columns
        ]
        metadata = SimpleResultMetaData(names, _processors=converters if any(converters) else None)
    expanding = []
    for bind in compiled.post_compile_params:
        if not bind.expanding or bind.type._is_tuple_type:
            return None
        expanding.append((compiled.bind_names[bind], bind.key))
    if expanding:
        # Rendered per call from the lengths of the lists (see _expanded).
        return _Plan("", (), metadata, returns_rows, tuple(expanding), compiled)
    binds = _binds(compiled, compiled.positiontup or (), compiled._bind_processors)
    if binds is None:
        return None
    return _Plan(compiled.string, binds, metadata, returns_rows)


def _expanded(plan: _Plan, params: Mapping[str, Any]) -> _Plan | None:
    """The plan of an IN-list statement for the lengths of the lists in `params`."""
    compiled = plan.compiled
    assert compiled is not None
    try:
        values = compiled.construct_params(params, escape_names=False)
    except Exception:  # a missing value: SQLAlchemy's own path says so properly
        return None
    for name, _key in plan.expanding:
        if not isinstance(values.get(name), list | tuple):
            return None
    state = compiled._process_parameters_for_postcompile(values)
    processors = {**compiled._bind_processors, **state.processors}
    origin = {
        element: (name, index)
        for name, elements in state.parameter_expansion.items()
        for index, element in enumerate(elements)
    }
    plain = [name for name in state.positiontup or () if name not in origin]
    binds = _binds(compiled, plain, processors)
    if binds is None:
        return None
    by_name = {bind.name: bind for bind in binds}
    by_key = {name: key for name, key in plan.expanding}
    ordered = []
    for name in state.positiontup or ():
        if name in origin:
            source, index = origin[name]
            process = cast(Any, processors.get(name))
            ordered.append(_Bind(by_key[source], source, _REQUIRED, process, index))
        else:
            ordered.append(by_name[name])
    return _Plan(state.statement, tuple(ordered), plan.metadata, plan.returns_rows)


def _values(binds: tuple[_Bind, ...], params: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The positional values for one parameter set, converted; None when one is missing."""
    values = []
    for bind in binds:
        if bind.key in params:
            value = params[bind.key]
        elif bind.name in params:
            value = params[bind.name]
        elif bind.default is _REQUIRED:
            return None
        else:
            value = bind.default
        if bind.item is not None:
            value = value[bind.item]
        values.append(value if bind.process is None else bind.process(value))
    return tuple(values)


def _plain(connection: Connection) -> bool:
    """Whether executing on this connection involves nothing but the statement itself."""
    if connection._echo or connection._execution_options:
        return False
    dispatch = connection.dispatch
    return not (
        dispatch.before_execute
        or dispatch.before_cursor_execute
        or dispatch.after_cursor_execute
        or dispatch.after_execute
    )


def _planned(make: Callable[..., _Plan | None], *args: Any) -> _Plan | None:
    """A plan, or None (SQLAlchemy's own path) when SQLAlchemy's internals have changed.

    Plans read private parts of SQLAlchemy's compiler (pinned to 2.1, whose internals they
    were written against; tests/test_sqlite_driver.py compares both paths statement by
    statement). Should a 2.1 release move one, statements stay correct, only slower.
    """
    try:
        return make(*args)
    except (AttributeError, TypeError, KeyError):
        logger.warning("running a statement the usual way: planning it failed", exc_info=True)
        return None


class DirectStatements:
    """Runs the prebuilt statements of one transaction straight on its sqlite3 connection."""

    __slots__ = ("_connection", "_fairy", "_plans", "_raw")

    def __init__(self, connection: Connection, raw: sqlite3.Connection, plans: dict[Any, Any]):
        self._connection = connection
        self._fairy = connection._dbapi_connection
        self._raw = raw
        self._plans = plans

    @classmethod
    def of(cls, connection: Connection) -> DirectStatements | None:
        """A runner for a connection of our inline driver, or None.

        Whether events listen or the engine logs is decided here, once per transaction: a
        listener added in the middle of one sees its statements from the next one on.
        """
        dbapi = connection.dialect.loaded_dbapi
        if not isinstance(dbapi, InlineDBAPI) or not _plain(connection):
            return None
        raw = getattr(connection.connection.driver_connection, "_connection", None)
        return None if raw is None else cls(connection, raw, dbapi.plans)

    def execute(
        self, statement: Any, params: Mapping[str, Any] | list[dict[str, Any]]
    ) -> DirectResult | None:
        """Run a prebuilt statement inside the begun transaction.

        None when it must go through `connection.execute` instead (not begun, not a plain
        statement, a parameter missing, ...). Errors are raised as `connection.execute` raises
        them (wrapped, the connection invalidated on a disconnect).
        """
        connection = self._connection
        if (
            not self._raw.in_transaction
            or connection._dbapi_connection is not self._fairy
            or not connection.in_transaction()
        ):
            return None
        raw = self._raw
        many = isinstance(params, list)
        if many:
            if not params:
                return None
            many = len(params) > 1
            first: Mapping[str, Any] = params[0]  # type: ignore[index]
        else:
            first = params  # type: ignore[assignment]
        key = (statement, tuple(first), many)
        plan = self._plans.get(key, _UNPLANNED)
        if plan is _UNPLANNED:
            plan = _planned(_plan, self._connection.dialect, statement, tuple(first), many)
            if len(self._plans) < _MAX_PLANS:
                self._plans[key] = plan
        if plan is None:
            return None
        assert isinstance(plan, _Plan)
        if plan.expanding:
            lengths = tuple(
                len(v) if isinstance(v := first.get(k), list | tuple) else -1
                for _, k in plan.expanding
            )
            sized_key = (key, lengths)
            sized = self._plans.get(sized_key, _UNPLANNED)
            if sized is _UNPLANNED:
                sized = _planned(_expanded, plan, first)
                if len(self._plans) < _MAX_PLANS:
                    self._plans[sized_key] = sized
            if sized is None:
                return None
            assert isinstance(sized, _Plan)
            plan = sized
        values: Any = None
        try:
            if many:
                values = [_values(plan.binds, p) for p in cast(list[dict[str, Any]], params)]
                if any(v is None for v in values):
                    return None
                cursor = raw.executemany(plan.sql, values)
            else:
                values = _values(plan.binds, first)
                if values is None:
                    return None
                cursor = raw.execute(plan.sql, values)
            rows = cursor.fetchall() if plan.returns_rows else []
        except Exception as error:
            self._connection._handle_dbapi_exception(error, plan.sql, values, None, None)
        result = DirectResult(plan.metadata, iter(rows))
        result.rowcount = cursor.rowcount
        if not plan.returns_rows:
            result._soft_close(hard=True)  # asking it for rows fails, as it does a CursorResult
        return result


def execute_direct(
    connection: Connection,
    statement: Any,
    params: Mapping[str, Any] | list[dict[str, Any]],
) -> DirectResult | None:
    """`DirectStatements.execute` on a connection, or None when it has no direct path."""
    runner = DirectStatements.of(connection)
    return None if runner is None else runner.execute(statement, params)
