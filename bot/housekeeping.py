"""Periodic upkeep while the bot runs: pruning old update records and button references."""

from __future__ import annotations

import asyncio
import logging

from flows.engine import Engine

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 3600.0


async def keep_tidy(engine: Engine, interval: float = INTERVAL_SECONDS) -> None:
    """Run the engine's housekeeping now and then every `interval` seconds, until cancelled."""
    while True:
        try:
            events, buttons = await engine.housekeeping()
            if events or buttons:
                logger.info("housekeeping: pruned %d update records, %d buttons", events, buttons)
        except Exception:  # a failed round is retried next time; the bot keeps running
            logger.exception("housekeeping failed")
        await asyncio.sleep(interval)
