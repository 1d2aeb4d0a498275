"""WAL checkpoints run on a thread of the Store, never inside a commit on the event loop."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from sqlalchemy import text

from storage.db import Store
from storage.sqlite_checkpoint import Checkpointer


def wal_database(path: Path) -> sqlite3.Connection:
    """A WAL database without automatic checkpoints, with 200 pages' worth in its log."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute("CREATE TABLE t (data BLOB)")
    for _ in range(200):
        connection.execute("INSERT INTO t VALUES (?)", (os.urandom(4000),))
    return connection  # kept open: closing the last connection would checkpoint by itself


def test_the_log_is_copied_into_the_database_once_it_has_grown(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    writer = wal_database(path)
    before = path.stat().st_size
    checkpointer = Checkpointer(str(path), pages=10, interval=0.02)
    checkpointer.start()
    try:
        deadline = time.monotonic() + 10
        while path.stat().st_size < 200 * 4000 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        checkpointer.stop()
    assert before < 100_000  # without a checkpoint the rows live only in the log
    assert path.stat().st_size >= 200 * 4000
    assert checkpointer.checkpoints >= 1
    assert writer.execute("SELECT count(*) FROM t").fetchone() == (200,)
    writer.close()


def test_under_steady_writes_the_log_starts_over_instead_of_growing(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    writer = wal_database(path)
    checkpointer = Checkpointer(str(path), pages=50, interval=0.005)
    checkpointer.start()
    try:
        # A commit every few tenths of a millisecond, as under load: a PASSIVE checkpoint
        # alone never saw the log copied whole when the next commit came, so it never
        # started over.
        for _ in range(4000):
            writer.execute("INSERT INTO t VALUES (?)", (os.urandom(4000),))
            time.sleep(0.0002)
    finally:
        checkpointer.stop()
    assert checkpointer.full_checkpoints >= 1
    # 4,000 rows of a page each: a log that never starts over holds them all (over 16 MB).
    assert Path(f"{path}-wal").stat().st_size < 6_000_000
    assert writer.execute("SELECT count(*) FROM t").fetchone() == (4200,)
    writer.close()


def test_a_small_log_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    writer = wal_database(path)
    checkpointer = Checkpointer(str(path), pages=10_000, interval=0.01)
    checkpointer.start()
    time.sleep(0.2)
    checkpointer.stop()
    assert checkpointer.checkpoints == 0
    writer.close()


def threads() -> list[str]:
    return [thread.name for thread in threading.enumerate() if thread.name.startswith("wal-")]


async def test_a_store_on_a_file_checkpoints_on_its_thread_and_stops_on_close(
    tmp_path: Path,
) -> None:
    # Other tests' stores may be open in this process: look for this one's thread by name.
    name = f"store-{os.getpid()}-{id(tmp_path)}.db"
    store = Store(f"sqlite+aiosqlite:///{tmp_path / name}")
    await store.open()
    try:
        assert f"wal-checkpoint {name}" in threads()
        async with store.engine.connect() as connection:
            # No commit on the event loop ever runs a checkpoint itself.
            assert await connection.scalar(text("PRAGMA wal_autocheckpoint")) == 0
            assert await connection.scalar(text("PRAGMA journal_mode")) == "wal"
    finally:
        await store.close()
    assert f"wal-checkpoint {name}" not in threads()
    assert store.checkpointer is None


async def test_an_in_memory_store_has_no_checkpoint_thread() -> None:
    store = Store("sqlite+aiosqlite://")
    before = threads()
    await store.open()
    try:
        assert store.checkpointer is None and threads() == before
    finally:
        await store.close()
