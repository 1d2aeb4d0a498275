"""The periodic upkeep task the Telegram bot runs in the background."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.housekeeping import keep_tidy
from flows.engine import Engine
from storage.db import Store


async def test_keep_tidy_prunes_at_once_and_keeps_going(store: Store) -> None:
    start = datetime(2026, 11, 1, 12, tzinfo=UTC)
    now = [start + timedelta(days=4)]
    async with store.transaction(lambda: start) as tx:
        assert await tx.events.claim("update-1")
    engine = Engine(store, clock=lambda: now[0])
    task = asyncio.create_task(keep_tidy(engine, interval=0.05))
    try:
        for _ in range(100):  # the first round runs as soon as the task starts
            async with store.transaction(lambda: now[0]) as tx:
                if await tx.events.claim("update-1"):
                    break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("the old update record was never pruned")
        # That claim is new and recent; a later round, days on, prunes it too.
        now[0] += timedelta(days=4)
        for _ in range(100):
            async with store.transaction(lambda: now[0]) as tx:
                if await tx.events.claim("update-1"):
                    break
            await asyncio.sleep(0.02)
        else:
            raise AssertionError("housekeeping stopped after its first round")
        assert not task.done()
    finally:
        task.cancel()
