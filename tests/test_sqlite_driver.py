"""SQLite statements run on the event loop's thread, yet a wait for a lock never freezes it."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from storage import statements
from storage.db import Store
from storage.sqlite_driver import _at_once, runs_inline
from storage.tables import PersonRow


async def test_waiting_for_another_process_lock_leaves_the_loop_running(tmp_path: Path) -> None:
    path = tmp_path / "kringkoers.db"
    store = Store(f"sqlite+aiosqlite:///{path}")
    await store.open()
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    async def write() -> None:
        async with store.transaction() as tx:
            await tx.people.get_or_create("test:an", "An", "nl")

    ticker = asyncio.create_task(tick())
    try:
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")  # a console in a second process is writing
            writing = asyncio.create_task(write())
            await asyncio.sleep(0.3)
            assert not writing.done()  # waits for the lock …
            assert ticks >= 10  # … while the loop goes on serving everything else
            other.execute("ROLLBACK")
            await asyncio.wait_for(writing, 10)
    finally:
        ticker.cancel()
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


async def test_statements_on_the_connection_run_inline_and_a_failing_one_rolls_back(
    tmp_path: Path,
) -> None:
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'kringkoers.db'}")
    await store.open()
    async with store.engine.connect() as connection:
        assert connection.sync_connection is not None
        assert runs_inline(connection.sync_connection)  # the repositories skip the greenlet
    person = {
        "external_id": "test:an",
        "display_name": "An",
        "language": "nl",
        "active_project_id": None,
        "created_at": datetime.now(UTC),
    }
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
