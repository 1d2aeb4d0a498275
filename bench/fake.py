"""The fake Bot API as the benchmark uses it: it also clocks when each reply arrives."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from typing import Any

from tests.fakebot import FakeTelegram
from tests.fakebot.params import Params

# Calls that show a person something new: what "the bot's reply arrived" means here.
REPLY_METHODS = frozenset({"sendmessage", "sendphoto", "senddocument", "editmessagetext"})


class ReplyClock:
    """Arrival times of the bot's replies per chat, and people waiting for a number of them."""

    def __init__(self) -> None:
        self.arrivals: dict[int, list[float]] = defaultdict(list)
        self._waiters: dict[int, tuple[int, asyncio.Future[None]]] = {}

    def seen(self, chat_id: int) -> int:
        """How many replies this chat has had so far."""
        return len(self.arrivals[chat_id])

    def record(self, chat_id: int) -> None:
        """A reply to this chat arrived now."""
        times = self.arrivals[chat_id]
        times.append(time.perf_counter())
        waiter = self._waiters.get(chat_id)
        if waiter is not None and len(times) >= waiter[0] and not waiter[1].done():
            waiter[1].set_result(None)

    async def wait(self, chat_id: int, count: int, timeout: float) -> bool:  # noqa: ASYNC109
        """Wait until the chat has had `count` replies in all; False on timeout."""
        if self.seen(chat_id) >= count:
            return True
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters[chat_id] = (count, future)
        try:
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            self._waiters.pop(chat_id, None)

    def forget(self) -> None:
        """Drop the recorded times (between phases, so a long soak stays lean)."""
        for times in self.arrivals.values():
            times.clear()


class BenchTelegram(FakeTelegram):
    """FakeTelegram that tells the reply clock about every successful reply call."""

    def __init__(self, clock: ReplyClock, **kwargs: Any) -> None:
        super().__init__(log_successes=False, **kwargs)
        self.clock = clock

    async def _execute(self, method: str, params: Params) -> tuple[dict[str, Any], int]:
        payload, status = await super()._execute(method, params)
        if status == 200 and method.lower() in REPLY_METHODS:
            self.clock.record(int(params.text("chat_id")))
        return payload, status
