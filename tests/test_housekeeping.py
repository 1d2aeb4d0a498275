"""The periodic upkeep task the Telegram bot runs in the background."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.housekeeping import keep_tidy
from flows.engine import Engine
from storage.db import Store


async def claimed_once_pruned(store: Store, key: str, clock: Callable[[], datetime]) -> bool:
    """Wait up to two seconds for the record of `key` to be pruned (then claim it anew)."""
    for _ in range(100):
        async with store.transaction(clock) as tx:
            if await tx.events.claim(key):
                return True
        await asyncio.sleep(0.02)
    return False


async def test_keep_tidy_prunes_at_once_and_keeps_going(store: Store) -> None:
    start = datetime(2026, 11, 1, 12, tzinfo=UTC)
    now = [start + timedelta(days=4)]
    async with store.transaction(lambda: start) as tx:
        assert await tx.events.claim("update-1")
    engine = Engine(store, clock=lambda: now[0])
    task = asyncio.create_task(keep_tidy(engine, interval=0.05))
    try:
        # The first round runs as soon as the task starts: the old record goes.
        assert await claimed_once_pruned(store, "update-1", lambda: now[0])
        # That new claim is recent; a later round, days on, prunes it too.
        now[0] += timedelta(days=4)
        assert await claimed_once_pruned(store, "update-1", lambda: now[0])
        assert not task.done()
    finally:
        task.cancel()
