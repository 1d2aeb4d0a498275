"""Database engine, one-transaction-per-event sessions, and migrations at start."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.json_codec import dumps_text, loads
from storage.repositories import Clock, Tx, attach_connection, utcnow
from storage.sqlite_checkpoint import Checkpointer
from storage.sqlite_driver import (
    InlineAdaptedConnection,
    InlineDBAPI,
    begin_ahead,
    inline_creator,
    runs_inline,
)

if TYPE_CHECKING:
    from alembic.config import Config

# How long a statement waits for another process's write lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration (tests/test_migrations.py checks it is Alembic's head). A database
# already there is opened without importing Alembic, which with Mako would stay loaded in the
# bot process for nothing (≈12 MB resident).
SCHEMA_HEAD = "0004"
# One advisory lock per schema (the search path's first), so separate schemas never wait.
MIGRATION_LOCK = (
    "SELECT pg_advisory_xact_lock("
    "hashtext('kringkoers-migrate:' || coalesce(current_schema(), '')))"
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers work while one writer commits; the busy timeout covers a second
    # process (a console next to the bot) instead of failing at once.
    # The driver must not open transactions by itself: it would start them only at the first
    # write, after our reads, and a second process could then overwrite what we read.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # The Store's Checkpointer copies the log into the file from a thread instead: an
    # automatic checkpoint would run inside some commit on the event loop's thread.
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Put the database file in WAL mode, waiting out another process doing the same."""
    # WAL is stored in the file, so only the very first connection to a new database switches.
    cursor.execute("PRAGMA journal_mode")
    if str(cursor.fetchone()[0]).lower() == "wal":
        return
    # Two processes switching a new file at once can deadlock on its locks; SQLite then
    # answers "database is locked" at once, without its busy handler. Try again shortly: the
    # other one finishes within milliseconds. This runs once per new file, so the short
    # sleeps on the connecting thread are harmless.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.fetchall()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() or time.monotonic() > deadline:
                raise
        time.sleep(0.01)


def _sqlite_begin(connection: Connection) -> None:
    # Take the write lock when the transaction starts (SQLAlchemy's documented pysqlite
    # recipe): every event's read-modify-write is then serialised, across processes too.
    # Issued on the DB-API connection: exec_driver_sql's execution context cost more than the
    # BEGIN. Its errors are raised as exec_driver_sql raises them (wrapped; a disconnect or
    # a cancelled wait invalidates the connection).
    cursor = None
    try:
        dbapi_connection = connection.connection.dbapi_connection
        if isinstance(dbapi_connection, InlineAdaptedConnection):
            dbapi_connection.begin("BEGIN IMMEDIATE")
            return
        cursor = connection.connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
    except BaseException as error:
        connection._handle_dbapi_exception(error, "BEGIN IMMEDIATE", (), cursor, None)
    cursor.close()


def alembic_config(url: str) -> Config:
    """An Alembic configuration pointing at our migrations, built in code (no ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Store:
    """The database: opens the engine, upgrades the schema, hands out transactions."""

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        self.url = url
        self.schema = schema  # PostgreSQL only: isolate (e.g. per test) in one database
        self.is_sqlite = make_url(url).get_backend_name() == "sqlite"
        self._engine: AsyncEngine | None = None
        self._sessions: async_sessionmaker[AsyncSession] | None = None
        # SQLite has one writer at a time; queueing here avoids "database is locked" churn.
        self._write_lock = asyncio.Lock() if self.is_sqlite else None
        self.checkpointer: Checkpointer | None = None  # a SQLite file's, while open
        # SQLite: one connection for all of this process's transactions, which take turns on
        # it anyway (the write lock): no pool checkout and check-in around each.
        self._held: AsyncConnection | None = None

    @property
    def engine(self) -> AsyncEngine:
        """The open SQLAlchemy engine."""
        if self._engine is None:
            raise RuntimeError("Store.open() was not called")
        return self._engine

    async def open(self, *, migrate: bool = True) -> None:
        """Connect and bring the schema up to date."""
        url = make_url(self.url)
        if self.is_sqlite and url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        # The conversation's cursor and draft columns are JSON, read and written every update.
        kwargs: dict[str, Any] = {"json_serializer": dumps_text, "json_deserializer": loads}
        if self.is_sqlite and url.database:
            kwargs["async_creator"] = inline_creator(url.database)
            kwargs["module"] = InlineDBAPI()
        if not self.is_sqlite:
            kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
            if self.schema:
                kwargs["connect_args"] = {"server_settings": {"search_path": self.schema}}
        self._engine = create_async_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self._engine.sync_engine, "connect", _sqlite_pragmas)
            event.listen(self._engine.sync_engine, "begin", _sqlite_begin)
            if url.database and url.database != ":memory:":
                self.checkpointer = Checkpointer(url.database)
                self.checkpointer.start()
        self._sessions = async_sessionmaker(self._engine, expire_on_commit=False)
        if migrate:
            await self.upgrade()

    async def upgrade(self, revision: str = "head") -> None:
        """Run Alembic migrations on our own connection (the cookbook's async pattern)."""
        if revision == "head" and await self.revision() == SCHEMA_HEAD:
            return  # every start but the first after a release: nothing to do
        from alembic import command

        config = alembic_config(self.url)

        def run(connection: Connection) -> None:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

        async with self.engine.begin() as connection:
            if not self.is_sqlite:
                # Processes started together would all create the tables; the first to get
                # this lock migrates, the others wait and then find the schema at head.
                # (SQLite's BEGIN IMMEDIATE serialises them already.) Held until commit.
                await connection.exec_driver_sql(MIGRATION_LOCK)
            await connection.run_sync(run)

    async def revision(self) -> str | None:
        """The migration the database is at; None before the first (no `alembic_version`)."""
        async with self.engine.connect() as connection:
            try:
                found = await connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            except DBAPIError:
                return None  # no such table yet: an empty database
            rows = found.scalars().all()
        # Alembic keeps one row per head; ours is a single line of migrations.
        return rows[0] if len(rows) == 1 else None

    async def close(self) -> None:
        """Dispose of the connection pool (and stop the checkpoints)."""
        if self.checkpointer is not None:
            self.checkpointer.stop()
            self.checkpointer = None
        if self._held is not None:
            await self._held.close()
            self._held = None
        if self._engine is not None:
            await self._engine.dispose()
            self._engine = None

    async def _held_connection(self) -> AsyncConnection:
        """The connection SQLite transactions run on (see `transaction`)."""
        held = self._held
        if held is None or held.closed or held.invalidated:
            if held is not None:
                # Invalidated (a disconnect, a cancelled BEGIN): closing hands it back to the
                # pool, which discards its sqlite3 connection.
                await held.close()
            held = self._held = await self.engine.connect()
        return held

    @asynccontextmanager
    async def transaction(self, clock: Clock = utcnow) -> AsyncIterator[Tx]:
        """One transaction: everything inside commits together or not at all."""
        if self._sessions is None:
            raise RuntimeError("Store.open() was not called")
        if self._write_lock is None:
            async with self._sessions() as session, session.begin():
                tx = Tx(session, clock)
                yield tx
                await tx.buttons.write()
            return
        async with self._write_lock:
            held = await self._held_connection()
            session = AsyncSession(bind=held, expire_on_commit=False)
            ended = False
            try:
                sync = held.sync_connection
                if sync is not None and runs_inline(sync):
                    # Begun here, where waiting for another process's write lock is a plain
                    # await; the session's begin then only records it, without a greenlet.
                    await begin_ahead(sync, "BEGIN IMMEDIATE")
                    try:
                        session.sync_session.connection()
                    except BaseException:
                        sync.invalidate()  # closing rolls back the BEGIN nobody recorded
                        raise
                    attach_connection(session, held)
                else:
                    session.sync_session.begin()  # no I/O: BEGIN comes with the first statement
                tx = Tx(session, clock, serialised=True)
                yield tx
                await tx.buttons.write()
                ended = _commit_at_once(session)
                if ended:
                    # Let other tasks run, as the usual close (in a task of its own) does: a
                    # round of many transactions must not hold the loop until its next I/O.
                    await asyncio.sleep(0)
                else:
                    await session.commit()
            finally:
                if not ended:
                    # Closing rolls back whatever was not committed; as `async with session`
                    # does, the close runs to its end even when this task is cancelled.
                    await session.__aexit__(None, None, None)


def _commit_at_once(session: AsyncSession) -> bool:
    """Commit and close the session without a greenlet, when nothing in that can wait.

    An AsyncSession commits and closes through greenlets (and closes in a task of its own),
    which cost more than the COMMIT itself on SQLite. With nothing left to flush and only
    inline connections inside their begun transaction, committing is a COMMIT on the loop's
    thread that never waits (see InlineAdaptedConnection), and closing only ends the session
    (the Store keeps its connection). Else (False) the caller commits the usual way.
    """
    sync = session.sync_session
    transaction = sync.get_transaction()
    if transaction is None or not sync._is_clean():
        return False
    for connection, *_ in transaction._connections.values():
        if not (
            runs_inline(connection) and connection.in_transaction() and not connection.invalidated
        ):
            return False
    sync.commit()
    sync.close()
    return True
