"""SQLite statements run on the event loop's thread, yet a wait for a lock never freezes it."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

from sqlalchemy import select

from storage.db import Store
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
