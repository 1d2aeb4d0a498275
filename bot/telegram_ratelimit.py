"""Outgoing Bot API traffic within Telegram's flood limits, interactive replies first.

Every chat has a token bucket (about one message a second with a short burst, so a reply of
two or three messages goes out at once; about 20 a minute in groups) and the bot as a whole
has one (about 30 a second). A 429 (RetryAfter) pauses only the chat it was about. Waiting
requests are served interactive-first, so reminders and announcements never delay an answer.
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

logger = logging.getLogger(__name__)

INTERACTIVE = 0
BULK = 1
RateLimitArgs = dict[str, str]  # {"priority": "bulk"} on announcements and reminders
Result = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Limits:
    """Flood limits; the defaults follow Telegram's bot FAQ."""

    overall_rate: float = 30.0  # messages per second for the whole bot
    overall_burst: int = 30
    chat_rate: float = 1.0  # per private chat
    chat_burst: int = 3
    group_rate: float = 20 / 60  # per group chat
    group_burst: int = 3
    max_retries: int = 3  # RetryAfter retries of one request before giving up


class Bucket:
    """A token bucket whose waiters are served by priority, then in arrival order."""

    __slots__ = ("_queues", "_timer", "blocked_until", "burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: int, now: float) -> None:
        self.rate = rate
        self.burst = float(max(1, burst))
        self.tokens = self.burst
        self.stamp = now
        self.blocked_until = 0.0
        self._queues: tuple[deque[asyncio.Future[None]], ...] = (deque(), deque())
        self._timer: asyncio.TimerHandle | None = None

    def _refill(self, now: float) -> None:
        if now > self.stamp:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now

    def _waiting(self, priority: int) -> bool:
        """Whether someone of this priority or a more urgent one is already queued."""
        for level in range(priority + 1):
            queue = self._queues[level]
            while queue and queue[0].done():  # drop waiters that gave up
                queue.popleft()
            if queue:
                return True
        return False

    def try_take(self, now: float, priority: int) -> bool:
        """Take a token at once if one is free and nobody more urgent waits (the hot path)."""
        if now < self.blocked_until:
            return False
        self._refill(now)
        if self.tokens < 1 or self._waiting(priority):
            return False
        self.tokens -= 1
        return True

    async def take(self, priority: int) -> None:
        """Wait for a token."""
        loop = asyncio.get_running_loop()
        if self.try_take(loop.time(), priority):
            return
        waiter: asyncio.Future[None] = loop.create_future()
        self._queues[priority].append(waiter)
        self._arm(loop)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.tokens += 1  # granted just as we were cancelled: hand it back
            raise

    def block(self, until: float) -> None:
        """Telegram asked us to wait: nothing goes out before `until`, then one message."""
        self.blocked_until = max(self.blocked_until, until)
        self.tokens = min(self.tokens, 1.0)
        self.stamp = max(self.stamp, self.blocked_until)

    def idle(self, now: float) -> bool:
        """Full, unblocked and without waiters: it can be forgotten and rebuilt later."""
        self._refill(now)
        return (
            self.tokens >= self.burst
            and now >= self.blocked_until
            and not self._waiting(BULK)
            and self._timer is None
        )

    def _arm(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is not None:
            return
        now = loop.time()
        self._refill(now)
        delay = max(self.blocked_until - now, (1 - self.tokens) / self.rate, 0.0)
        self._timer = loop.call_later(delay, self._wake, loop)

    def _wake(self, loop: asyncio.AbstractEventLoop) -> None:
        self._timer = None
        now = loop.time()
        if now >= self.blocked_until:
            self._refill(now)
            while self.tokens >= 1:
                waiter = self._next_waiter()
                if waiter is None:
                    break
                waiter.set_result(None)
                self.tokens -= 1
        if self._waiting(BULK):
            self._arm(loop)

    def _next_waiter(self) -> asyncio.Future[None] | None:
        for queue in self._queues:
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    return waiter
        return None


def retry_after_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds (PTB is moving this attribute to timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class ChatRateLimiter(BaseRateLimiter[RateLimitArgs]):
    """PTB rate limiter: per-chat and overall token buckets, per-chat RetryAfter, priorities."""

    __slots__ = ("_chats", "_created", "_overall", "limits")

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._chats: dict[int | str, Bucket] = {}
        self._overall: Bucket | None = None
        self._created = 0

    async def initialize(self) -> None:
        """Create the bot-wide bucket on the running loop's clock."""
        now = asyncio.get_running_loop().time()
        self._overall = Bucket(self.limits.overall_rate, self.limits.overall_burst, now)

    async def shutdown(self) -> None:
        """Forget all state."""
        self._chats.clear()

    def _chat_bucket(self, chat_id: int | str, now: float) -> Bucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            # Negative ids (and @usernames) are groups, supergroups and channels.
            group = isinstance(chat_id, str) or chat_id < 0
            limits = self.limits
            rate, burst = (
                (limits.group_rate, limits.group_burst)
                if group
                else (limits.chat_rate, limits.chat_burst)
            )
            bucket = self._chats[chat_id] = Bucket(rate, burst, now)
            self._created += 1
            if self._created % 1024 == 0:
                self._forget_idle(now)
        return bucket

    def _forget_idle(self, now: float) -> None:
        for key in [key for key, bucket in self._chats.items() if bucket.idle(now)]:
            del self._chats[key]

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: RateLimitArgs | None,
    ) -> Result:
        """Wait for the chat's and the bot's budget, send, and retry after a 429."""
        loop = asyncio.get_running_loop()
        priority = BULK if rate_limit_args and rate_limit_args.get("priority") == "bulk" else 0
        chat_id = _chat_key(data.get("chat_id"))
        overall = self._overall
        if overall is None:  # used before initialize(); keep working rather than fail
            await self.initialize()
            overall = self._overall
            assert overall is not None
        for attempt in range(self.limits.max_retries + 1):
            bucket = None
            if chat_id is not None:
                now = loop.time()
                bucket = self._chat_bucket(chat_id, now)
                if not bucket.try_take(now, priority):
                    await bucket.take(priority)
                if not overall.try_take(loop.time(), priority):
                    await overall.take(priority)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self.limits.max_retries:
                    logger.warning(
                        "%s to chat %s: still rate limited after %d retries",
                        endpoint,
                        chat_id,
                        attempt,
                    )
                    raise
                delay = retry_after_seconds(error) + 0.05
                logger.info("%s to chat %s: 429, retrying in %.1fs", endpoint, chat_id, delay)
                if bucket is not None:
                    bucket.block(loop.time() + delay)  # only this chat waits
                else:
                    await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # the loop returns or raises


def _chat_key(value: object) -> int | str | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return str(value)
