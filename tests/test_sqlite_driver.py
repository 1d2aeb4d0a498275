"""SQLite statements run on the event loop's thread, yet a wait for a lock never freezes it."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import sqlite3
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.ext.asyncio.engine as asyncio_engine
import sqlalchemy.ext.asyncio.session as asyncio_session
import sqlalchemy.util.concurrency as sqlalchemy_concurrency
from sqlalchemy import event, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from storage import sqlite_driver, statements
from storage.db import Store
from storage.sqlite_driver import (
    DirectResult,
    InlineConnection,
    _at_once,
    execute_direct,
    runs_inline,
)
from storage.tables import ConversationRow, ItemRow, PersonRow


class Ticks:
    """Turns of the event loop, one every 10 ms while it is free: a frozen loop stops counting."""

    def __init__(self) -> None:
        self.count = 0

    async def run(self) -> None:
        """Count until cancelled."""
        while True:
            self.count += 1
            await asyncio.sleep(0.01)


@contextlib.asynccontextmanager
async def ticking() -> AsyncIterator[Ticks]:
    """Count the loop's turns while the block runs."""
    ticks = Ticks()
    task = asyncio.create_task(ticks.run())
    try:
        yield ticks
    finally:
        task.cancel()


async def test_waiting_for_another_process_lock_leaves_the_loop_running(tmp_path: Path) -> None:
    path = tmp_path / "kringkoers.db"
    store = Store(f"sqlite+aiosqlite:///{path}")
    await store.open()

    async def write() -> None:
        async with store.transaction() as tx:
            await tx.people.get_or_create("test:an", "An", "nl")

    async with ticking() as ticks:
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")  # a console in a second process is writing
            writing = asyncio.create_task(write())
            await asyncio.sleep(0.3)
            assert not writing.done()  # waits for the lock …
            assert ticks.count >= 10  # … while the loop goes on serving everything else
            other.execute("ROLLBACK")
            await asyncio.wait_for(writing, 10)
    async with store.engine.connect() as connection:
        names = (await connection.execute(select(PersonRow.display_name))).scalars().all()
    assert names == ["An"]
    # With the lock free again, the next transaction starts at once, on the loop's thread.
    await asyncio.wait_for(write(), 5)
    await store.close()


async def _open_and_read_mode(path: Path, start: Any) -> str:
    """Open a Store on `path`, wait for the others, then connect and read the journal mode."""
    store = Store(f"sqlite+aiosqlite:///{path}")
    await store.open(migrate=False)  # connects lazily: nothing has touched the file yet
    start.wait()  # blocks this process's loop, which has nothing else to do
    try:
        async with store.engine.connect() as connection:
            return str(await connection.scalar(text("PRAGMA journal_mode")))
    finally:
        await store.close()


def _connect_to_each(paths: list[Path], start: Any, results: Any) -> None:
    """In a child process: connect to each new database in step with the other child."""
    for path in paths:
        try:
            results.put(asyncio.run(_open_and_read_mode(path, start)))
        except Exception as error:  # reported to the test, which shows it
            results.put(f"{type(error).__name__}: {error}")


def test_processes_opening_a_new_database_at_once_all_get_in(tmp_path: Path) -> None:
    # Deployed together, bot processes connect to a file nobody has opened yet, and each one
    # switches it to WAL. Their locks could deadlock, and SQLite then failed one of them at
    # once ("database is locked", without waiting). Seen in CI about once in twenty starts.
    context = multiprocessing.get_context("spawn")
    paths = [tmp_path / f"new-{n}.db" for n in range(100)]
    start = context.Barrier(2)
    results = context.Queue()
    children = [
        context.Process(target=_connect_to_each, args=(paths, start, results)) for _ in range(2)
    ]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * len(paths))]
    for child in children:
        child.join(timeout=30)
    assert [child.exitcode for child in children] == [0, 0]
    assert sorted(set(outcomes)) == ["wal"], [o for o in outcomes if o != "wal"][:3]


def _an() -> dict[str, Any]:
    """The values of a new person row (An)."""
    return {
        "external_id": "test:an",
        "display_name": "An",
        "language": "nl",
        "active_project_id": None,
        "created_at": datetime.now(UTC),
    }


async def test_statements_on_the_connection_run_inline_and_a_failing_one_rolls_back(
    tmp_path: Path,
) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    async with store.engine.connect() as connection:
        assert connection.sync_connection is not None
        assert runs_inline(connection.sync_connection)  # the repositories skip the greenlet
    person = _an()
    with pytest.raises(IntegrityError):
        async with store.transaction() as tx:
            await tx.people.get_or_create("test:bram", "Bram", "nl")
            connection = await tx.session.connection()
            assert connection.sync_connection is not None
            statement = statements.insert_returning_id(PersonRow)
            connection.sync_connection.execute(statement, person)  # no greenlet: runs at once
            connection.sync_connection.execute(statement, person)  # the same identity again
    async with store.engine.connect() as connection:
        names = (await connection.execute(select(PersonRow.display_name))).scalars().all()
    assert names == []  # Bram and the first An were rolled back with the failing statement
    async with store.transaction() as tx:
        _, created = await tx.people.get_or_create("test:an", "An", "nl")
    assert created
    await store.close()


async def test_a_call_that_would_wait_outside_a_greenlet_fails_loudly() -> None:
    with pytest.raises(RuntimeError, match="had to wait"):
        _at_once(asyncio.sleep(0.01))


# ---------------------------------------------------------------------------------------------
# prebuilt statements run straight on sqlite3 (execute_direct)


class Undo(Exception):
    """Raised to roll a transaction back on purpose."""


def _stored(sync: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table as SQLite stores it (text for datetimes and JSON)."""
    tables = [
        r[0]
        for r in sync.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    return {t: [tuple(r) for r in sync.exec_driver_sql(f'SELECT * FROM "{t}"')] for t in tables}


def _outcome(result: Any) -> tuple[Any, ...]:
    """What a caller can see of a result: keys, rows (with their Python values), rowcount."""
    if not result.returns_rows:
        return ("no rows", result.rowcount)
    rows = result.all()
    return (list(result.keys()), [(r._fields, tuple(r), dict(r._mapping)) for r in rows])


def _statements(w: Any, now: datetime) -> list[tuple[str, Any, Any]]:
    """Each prebuilt statement the repositories run, with realistic parameters."""
    later = datetime(2026, 12, 1, 8, 30, 15, 123456, tzinfo=UTC)
    conversation = {
        "person_id": w.an,
        "project_id": w.project,
        "flow_id": "stakeholders",
        "status": "active",
        "step": "longlist",
        "cursor": {"mode": "edit", "n": [1, 2.5, None, True]},
        "draft": {"naam": "Ëlsa ☃", "leeg": {}},
        "token": 1,
        "started_at": now,
        "updated_at": later,
    }
    item = {
        "project_id": w.project,
        "tool": "stakeholder",
        "key": None,
        "data": {"name": "IVAGO", "power": None, "list": ["a", 1]},
        "version": 1,
        "created_by": w.an,
        "created_at": now,
        "updated_by": w.bram,
        "updated_at": later,
        "deleted_at": None,
        "deleted_by": None,
    }
    change = {
        "item_id": w.item,
        "field": "power",
        "old": None,
        "new": {"level": "high"},
        "changed_by": w.an,
        "changed_at": later,
    }
    buttons = [
        {"ref": f"new{n}", "owner": "tg:1", "chat_id": "1", "value": f"m:{n}", "created_at": now}
        for n in range(3)
    ]
    s = statements
    return [
        ("person", s.person_by_external_id(), {"external_id": "test:An"}),
        ("nobody", s.person_by_external_id(), {"external_id": "test:nobody"}),
        ("names", s.names_of(), {"ids": [w.an, w.bram, w.cas]}),
        ("one name", s.names_of(), {"ids": [w.bram]}),
        ("no names", s.names_of(), {"ids": []}),
        ("role", s.role_of(), {"team_id": w.team, "person_id": w.an}),
        ("team", s.team_by_id(), {"team_id": w.team}),
        ("project", s.project_by_id(), {"project_id": w.project}),
        ("with team", s.project_team_role(), {"project_id": w.project, "actor_id": w.bram}),
        ("outsider", s.project_team_role(), {"project_id": w.project, "actor_id": w.cas}),
        ("lock", s.lock_project(), {"project_id": w.project}),
        ("item", s.item_by_id(), {"item_id": w.item}),
        ("item locked", s.item_for_update(), {"item_id": w.item}),
        ("items", s.live_items(), {"project_id": w.project, "tool": "stakeholder"}),
        ("singleton", s.singleton_item(), {"project_id": w.project, "tool": "t", "key": "k"}),
        ("count", s.count_items(), {"project_id": w.project, "tool": "stakeholder"}),
        ("last change", s.last_change(), {"item_id": w.item, "field": "power"}),
        ("active", s.active_conversation(), {"person_id": w.an}),
        ("conversation", s.conversation_by_id(), {"conversation_id": 1}),
        (
            "paused",
            s.paused_conversations(True),
            {"person_id": w.an, "flow_id": "x", "project_id": 1},
        ),
        ("paused, no project", s.paused_conversations(False), {"person_id": w.an, "flow_id": "x"}),
        ("latest", s.latest_conversation(True), {"person_id": w.an, "project_id": w.project}),
        ("latest, no project", s.latest_conversation(False), {"person_id": w.an}),
        ("button", s.button_by_ref(), {"ref": "ref1"}),
        (
            "new person",
            s.insert_returning_id(PersonRow),
            {
                "external_id": "test:Eva",
                "display_name": "Eva",
                "language": None,
                "active_project_id": None,
                "created_at": now,
            },
        ),
        ("new item", s.insert_returning_id(ItemRow), item),
        ("new conversation", s.insert_returning_id(ConversationRow), conversation),
        ("claim", s.claim_event(sqlite_insert), {"b_key": "update:1", "b_processed_at": later}),
        ("claim again", s.claim_event(sqlite_insert), {"b_key": "update:0", "b_processed_at": now}),
        ("rename", s.rename_person(), {"b_person_id": w.an, "b_display_name": "Anna"}),
        (
            "write item",
            s.write_item(),
            {
                "b_item_id": w.item,
                "b_data": {"name": "K", "x": [None, False, 1.5]},
                "b_version": 2,
                "b_updated_by": w.bram,
                "b_updated_at": later,
            },
        ),
        (
            "delete item",
            s.delete_item(),
            {
                "b_item_id": w.item,
                "b_deleted_at": later,
                "b_deleted_by": w.an,
                "b_version": 2,
            },
        ),
        ("change", s.insert_change(), change),
        ("pause", s.pause_active(), {"b_person_id": w.an, "b_updated_at": later}),
        ("pause others", s.pause_other_active(), {"b_person_id": w.an, "b_conversation_id": 1}),
        ("close", s.close_paused(True), {"b_person_id": w.an, "b_flow_id": "x", "b_project_id": 1}),
        ("close, no project", s.close_paused(False), {"b_person_id": w.an, "b_flow_id": "x"}),
        (
            "save",
            s.save_conversation(),
            {
                "b_conversation_id": 1,
                "b_status": "paused",
                "b_step": "s",
                "b_cursor": {},
                "b_draft": {"a": None},
                "b_token": 3,
                "b_updated_at": later,
            },
        ),
        ("buttons", s.insert_buttons(), buttons),
        ("one button", s.insert_buttons(), buttons[:1]),
    ]


async def test_prebuilt_statements_run_straight_on_sqlite3_with_identical_results(
    tmp_path: Path,
) -> None:
    from tests.test_repositories import seed

    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    w = await seed(store)
    now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    async with store.transaction() as tx:  # rows for the reads to find
        conversation = await tx.conversations.start(w.an, w.project, "x", "s")
        conversation.cursor, conversation.draft = {"a": [1, None]}, {"b": "ü"}
        await tx.conversations.save(conversation)
        await tx.items.set_field(w.item, "power", {"level": "low"}, w.an)
        assert await tx.events.claim("update:0")
        await tx.buttons.put_ref("ref1", "tg:1", "1", "m:1")

    async def run(statement: Any, params: Any, direct: bool) -> tuple[Any, ...]:
        with contextlib.suppress(Undo):
            async with store.transaction() as tx:
                sync = (await tx.session.connection()).sync_connection
                assert sync is not None
                result: Any
                if direct:
                    result = execute_direct(sync, statement, params)
                    assert isinstance(result, DirectResult)
                else:
                    result = sync.execute(statement, params)
                seen = (_outcome(result), _stored(sync))
                raise Undo  # each statement starts from the same database
        return seen

    for name, statement, params in _statements(w, now):
        expected = await run(statement, params, direct=False)
        assert await run(statement, params, direct=True) == expected, name
    await store.close()


async def test_a_failing_direct_statement_is_raised_as_sqlalchemy_does_and_rolls_back(
    tmp_path: Path,
) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    person = _an()
    statement = statements.insert_returning_id(PersonRow)
    with pytest.raises(IntegrityError) as raised:
        async with store.transaction() as tx:
            assert await tx.events.claim("update:1")
            sync = (await tx.session.connection()).sync_connection
            assert sync is not None
            assert execute_direct(sync, statement, person) is not None
            execute_direct(sync, statement, person)  # the same identity again
    assert isinstance(raised.value.orig, sqlite3.IntegrityError)
    assert "INSERT INTO people" in str(raised.value.statement)
    async with store.transaction() as tx:
        assert await tx.events.claim("update:1")  # the claim was rolled back too
        assert (await tx.people.get_or_create("test:an", "An", "nl"))[1]
    await store.close()


async def test_statements_take_sqlalchemys_path_when_someone_listens(tmp_path: Path) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    seen: list[str] = []
    params = {"external_id": "test:an"}
    async with store.transaction() as tx:
        sync = (await tx.session.connection()).sync_connection
        assert sync is not None
        assert execute_direct(sync, statements.person_by_external_id(), params) is not None
        # A value the caller forgot is reported by SQLAlchemy, so the direct path steps aside.
        assert execute_direct(sync, statements.person_by_external_id(), {}) is None

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(store.engine.sync_engine, "before_cursor_execute", record)
    async with store.transaction() as tx:
        sync = (await tx.session.connection()).sync_connection
        assert sync is not None
        assert execute_direct(sync, statements.person_by_external_id(), params) is None
        await tx.people.get_or_create("test:an", "An", "nl")
    assert any("FROM people" in s for s in seen)  # the listener saw the repository's select
    await store.close()


async def test_statements_take_sqlalchemys_path_when_planning_meets_changed_internals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()

    def moved(*_: Any) -> None:
        raise AttributeError("'SQLCompiler' object has no attribute '_result_columns'")

    monkeypatch.setattr(sqlite_driver, "_plan", moved)
    async with store.transaction() as tx:
        sync = (await tx.session.connection()).sync_connection
        assert sync is not None
        params = {"external_id": "test:an"}
        assert execute_direct(sync, statements.person_by_external_id(), params) is None
        an, created = await tx.people.get_or_create("test:an", "An", "nl")
    async with store.transaction() as tx:
        again, created_again = await tx.people.get_or_create("test:an", "An", None)
    assert created and not created_again and again.id == an.id and again.language == "nl"
    assert "planning it failed" in caplog.text
    await store.close()


# ---------------------------------------------------------------------------------------------
# transactions that begin and end without greenlets


async def test_in_wal_mode_only_a_waiting_begin_has_a_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "kringkoers.db"
    store = Store(f"sqlite+aiosqlite:///{path}")
    await store.open()
    async with store.transaction() as tx:
        await tx.people.get_or_create("test:an", "An", "nl")
        sync = (await tx.session.connection()).sync_connection
        assert sync is not None
        raw: Any = sync.connection.driver_connection
        raw = raw._connection
        # Nothing in a begun WAL transaction waits, so no timeout is set for it.
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 0
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")

        async def write() -> None:
            async with store.transaction() as tx:
                await tx.people.get_or_create("test:bram", "Bram", "nl")

        writing = asyncio.create_task(write())
        await asyncio.sleep(0.2)  # a BEGIN without a timeout would have failed by now
        assert not writing.done()
        other.execute("ROLLBACK")
        await asyncio.wait_for(writing, 10)
    assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 0  # back to none after the wait
    await store.close()


async def test_orm_changes_left_pending_at_the_end_are_committed(tmp_path: Path) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    async with store.transaction() as tx:  # nothing ran before: the commit connects and begins
        tx.session.add(
            PersonRow(external_id="test:an", display_name="An", created_at=datetime.now(UTC))
        )
    async with store.transaction() as tx:
        person, created = await tx.people.get_or_create("test:an", "An", None)
        row = await tx.session.get(PersonRow, person.id)
        assert row is not None and not created
        row.language = "fr"  # changed on the ORM row and left for the commit to flush
    async with store.transaction() as tx:
        assert (await tx.people.get(person.id)).language == "fr"
    await store.close()


async def test_a_transaction_cancelled_while_waiting_to_begin_leaves_nothing_behind(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kringkoers.db"
    store = Store(f"sqlite+aiosqlite:///{path}")
    await store.open()

    async def write(name: str) -> None:
        async with store.transaction() as tx:
            await tx.people.get_or_create(f"test:{name}", name, "nl")

    loop = asyncio.get_running_loop()
    async with ticking() as ticks:
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            waiting = asyncio.create_task(write("An"))
            await asyncio.sleep(0.1)
            waiting.cancel()
            cancelled_at, ticked = loop.time(), ticks.count
            with pytest.raises(asyncio.CancelledError):
                await waiting
            await asyncio.sleep(0.3)
            # Let go at once, and the loop went on, while the BEGIN still waits on its thread
            # (closing its connection then would hold the loop for the whole busy timeout).
            assert loop.time() - cancelled_at < 1.0
            assert ticks.count - ticked >= 10
            other.execute("ROLLBACK")
    await asyncio.wait_for(write("Bram"), 10)
    # The connection of the cancelled BEGIN went back to the pool; a new one took its place.
    assert store.engine.sync_engine.pool.checkedout() == 1  # type: ignore[attr-defined]
    async with store.engine.connect() as connection:
        names = (await connection.execute(select(PersonRow.display_name))).scalars().all()
    assert names == ["Bram"]
    await store.close()


async def test_transactions_take_turns_on_one_connection_begun_without_a_greenlet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    checkouts: list[object] = []
    event.listen(store.engine.sync_engine.pool, "checkout", lambda *a: checkouts.append(a))
    # The transaction begins (BEGIN IMMEDIATE, then SQLAlchemy's record of it) and its
    # statements run without a greenlet switch: none may start one.
    spawned: list[object] = []
    greenlet_spawn = sqlalchemy_concurrency.greenlet_spawn

    async def counted(*args: Any, **kwargs: Any) -> Any:
        spawned.append(args[0])
        return await greenlet_spawn(*args, **kwargs)

    async with store.transaction() as tx:  # connects (with a greenlet, once)
        await tx.people.get_or_create("test:an", "An", "nl")
    assert len(checkouts) == 1
    checkouts.clear()
    for module in (asyncio_session, asyncio_engine):
        monkeypatch.setattr(module, "greenlet_spawn", counted)
    for number in range(5):
        async with store.transaction() as tx:
            await tx.people.get_or_create(f"test:{number}", f"P{number}", "nl")
    assert spawned == [] and checkouts == []
    failed = False
    try:
        async with store.transaction() as tx:
            await tx.people.get_or_create("test:gone", "Gone", "nl")
            raise RuntimeError("the update failed half-way")
    except RuntimeError:
        failed = True
    assert failed and checkouts == []  # rolled back on the same connection
    async with store.transaction() as tx:
        assert (await tx.people.get_or_create("test:gone", "Gone", "nl"))[1]  # created now
    await store.close()


async def test_a_begin_that_times_out_is_an_operational_error_and_the_store_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from storage import db

    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "kringkoers.db"
    store = Store(f"sqlite+aiosqlite:///{path}")
    await store.open()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # held longer than the busy timeout
        with pytest.raises(OperationalError, match="locked"):  # the bot retries these
            async with store.transaction() as tx:
                await tx.people.get_or_create("test:an", "An", "nl")
        other.execute("ROLLBACK")
    async with store.transaction() as tx:
        assert (await tx.people.get_or_create("test:bram", "Bram", "nl"))[1]
    async with store.engine.connect() as connection:
        names = (await connection.execute(select(PersonRow.display_name))).scalars().all()
    assert names == ["Bram"]
    await store.close()


async def test_a_connection_whose_begin_was_cancelled_is_closed_once_the_begin_returns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kringkoers.db"
    with contextlib.closing(sqlite3.connect(path)) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
    raw: list[sqlite3.Connection] = []

    def connect() -> sqlite3.Connection:
        raw.append(sqlite3.connect(path, isolation_level=None, check_same_thread=False))
        raw[-1].execute("PRAGMA busy_timeout=5000")
        return raw[-1]

    connection = await InlineConnection(connect)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        begin = asyncio.create_task(connection.execute("BEGIN IMMEDIATE"))
        await asyncio.sleep(0.1)
        begin.cancel()
        with pytest.raises(asyncio.CancelledError):
            await begin
        # The thread still has the connection: using it fails at once instead of waiting …
        with pytest.raises(sqlite3.OperationalError, match="still waiting"):
            await connection.execute("SELECT 1")
        # … and closing it is left to the end of the BEGIN (closing now would wait for it).
        started = time.monotonic()
        connection.stop()
        assert time.monotonic() - started < 1.0
        other.execute("ROLLBACK")  # the BEGIN gets the lock, then its connection is closed
        for _ in range(200):
            await asyncio.sleep(0.01)
            try:
                raw[0].execute("SELECT 1")
            except sqlite3.ProgrammingError:
                break
        with pytest.raises(sqlite3.ProgrammingError):
            raw[0].execute("SELECT 1")
        other.execute("BEGIN IMMEDIATE")  # closing rolled back what the BEGIN had begun
        other.execute("ROLLBACK")
