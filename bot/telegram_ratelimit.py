"""Outgoing Bot API traffic within Telegram's flood limits, interactive replies first.

Telegram's Bots FAQ asks for at most about 30 messages a second overall, about one a second per
chat (short bursts tolerated) and 20 a minute per group. Each is kept as a sliding window: at
most 3 new messages per chat in any 3 seconds (so a reply of three messages goes out at once),
20 per group in any minute, 30 overall in any second. All three limits are about messages, so
edits, callback answers and other calls that post nothing new count towards none of them:
counting them would let every tap's edits crowd answers and reminders out of the overall
second. A 429 (RetryAfter) pauses only the chat it was about, edits to it included. Waiting
requests are served interactive-first, and bulk traffic (reminders, digests, announcements) may
use only part of the overall window, so a burst of reminders never makes an answer wait.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import time
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

# The limiter's clock. Not the event loop's: uvloop's `loop.time()` is the time its current
# iteration began (in whole milliseconds), so after a busy iteration a send stamped with it
# seemed to go out earlier than it did, and a window could let one more in within a second
# by Telegram's reckoning (seen in the benchmark's reminder burst). Timers still run on the
# loop; one that fires early finds no room yet and is armed again.
monotonic = time.monotonic

INTERACTIVE = 0
BULK = 1
RateLimitArgs = dict[str, str]  # {"priority": "bulk"} on announcements and reminders
Result = bool | dict[str, Any] | list[dict[str, Any]]

# Calls that post a new message into a chat: what Telegram's per-chat limits are about.
POSTING = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendPoll",
        "sendMediaGroup",
        "sendAnimation",
        "sendVideo",
        "sendAudio",
        "sendVoice",
        "sendSticker",
        "sendLocation",
        "copyMessage",
        "forwardMessage",
    }
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Flood limits as sliding windows; the defaults follow Telegram's Bots FAQ."""

    overall_max: int = 30  # new messages of the whole bot …
    overall_window: float = 1.0  # … in any this many seconds
    chat_max: int = 3  # new messages to one private chat …
    chat_window: float = 3.0
    group_max: int = 20  # new messages to one group …
    group_window: float = 60.0
    # Calls of the overall window kept free for answers: bulk calls (reminders, digests,
    # announcements) go out only while more than this many are free, so an answer to someone
    # typing never waits behind a burst of reminders; the burst waits for a quieter moment.
    reserve: int = 10
    max_retries: int = 3  # RetryAfter retries of one request before giving up


class Window:
    """At most `limit` sends in any `length` seconds; waiters served by priority, then in order."""

    __slots__ = (
        "_answers",
        "_queues",
        "_timer",
        "blocked_until",
        "bulk_limit",
        "length",
        "limit",
        "sent",
    )

    def __init__(self, limit: int, length: float, *, reserve: int = 0) -> None:
        self.limit = max(1, limit)
        # Bulk sends stop while fewer than `reserve` sends are left in the window.
        self.bulk_limit = max(1, self.limit - max(0, reserve))
        self.length = length
        # When the sends still inside the window went out, sorted; a send is first stamped
        # when it was allowed and then again when Telegram answered, because it may have
        # reached Telegram anywhere in between.
        self.sent: list[float] = []
        self.blocked_until = 0.0
        self._queues: tuple[deque[asyncio.Future[float]], ...] = (deque(), deque())
        self._timer: asyncio.TimerHandle | None = None
        # With a reserve: when answers were allowed in the last two windows, to foresee how
        # many will come (only an estimate; the limits count `sent`).
        self._answers: deque[float] | None = deque() if reserve > 0 else None

    def _expire(self, now: float) -> None:
        sent = self.sent
        if sent and sent[0] <= now - self.length:
            del sent[: bisect.bisect_right(sent, now - self.length)]

    def release(self, granted: float) -> bool:
        """Forget the send allowed at `granted` (False if it already left the window)."""
        position = bisect.bisect_left(self.sent, granted)
        if position < len(self.sent) and self.sent[position] == granted:
            del self.sent[position]
            return True
        return False

    def restamp(self, granted: float, now: float) -> None:
        """A send allowed at `granted` was answered at `now`: count it from then on.

        Also when its first stamp already left the window: a slow request may have reached
        Telegram only just now.
        """
        self.release(granted)
        bisect.insort(self.sent, now)

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
        """Send at once if the window has room and nobody more urgent waits (the hot path)."""
        if now < self.blocked_until:
            return False
        self._expire(now)
        if not self._fits(priority, len(self.sent), now) or self._waiting(priority):
            return False
        self._grant(now, priority)
        return True

    def _grant(self, now: float, priority: int) -> None:
        bisect.insort(self.sent, now)
        if priority == INTERACTIVE and self._answers is not None:
            self._answers.append(now)

    async def take(self, priority: int) -> float:
        """Wait for room in the window; returns the stamp of the granted send."""
        loop = asyncio.get_running_loop()
        now = monotonic()
        if self.try_take(now, priority):
            return now
        waiter: asyncio.Future[float] = loop.create_future()
        self._queues[priority].append(waiter)
        self._arm(loop)
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result())  # granted as we were cancelled: give it back
            raise

    def _cap(self, priority: int) -> int:
        return self.limit if priority == INTERACTIVE else self.bulk_limit

    def _fits(self, priority: int, in_window: int, now: float) -> bool:
        """Whether a send of this priority may go now."""
        if priority == INTERACTIVE:
            return in_window < self.limit
        return in_window + self._expected_answers(now) < self.bulk_limit

    def _expected_answers(self, now: float) -> int:
        """Answers still to come in this window: as many as in the window before, less those
        already sent in this one.

        Without this, a lull in the answers (say half the usual in the last second) lets
        bulk fill the window up to its cap; the usual answers then find only the reserve
        free and wait for bulk sends that are in the window for a whole second.
        """
        answers = self._answers
        if answers is None:
            return 0
        while answers and answers[0] <= now - 2 * self.length:
            answers.popleft()
        recent = len(answers) - bisect.bisect_right(answers, now - self.length)
        return max(0, len(answers) - 2 * recent)

    def block(self, until: float) -> None:
        """Telegram asked us to wait: nothing goes out before `until`."""
        self.blocked_until = max(self.blocked_until, until)

    def idle(self, now: float) -> bool:
        """Empty, unblocked and without waiters: it can be forgotten and rebuilt later."""
        self._expire(now)
        return (
            not self.sent
            and now >= self.blocked_until
            and not self._waiting(BULK)
            and self._timer is None
        )

    def _arm(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is not None:
            return
        now = monotonic()
        self._expire(now)
        delay = self.blocked_until - now
        # Wake when the most urgent waiter fits: answers at the limit, bulk at its cap.
        priority = INTERACTIVE if self._waiting(INTERACTIVE) else BULK
        cap = self._cap(priority)
        if len(self.sent) >= cap:
            delay = max(delay, self.sent[len(self.sent) - cap] + self.length - now)
        elif not self._fits(priority, len(self.sent), now):
            # Bulk waits for the answers foreseen: look again when a send leaves the window
            # or an answer leaves the two windows the estimate is made from.
            moments = [self.sent[0] + self.length] if self.sent else []
            if self._answers:
                moments.append(self._answers[0] + 2 * self.length)
            delay = max(delay, min(moments, default=now) - now)
        self._timer = loop.call_later(max(delay, 0.0), self._wake, loop)

    def _wake(self, loop: asyncio.AbstractEventLoop) -> None:
        self._timer = None
        now = monotonic()
        if now >= self.blocked_until:
            self._expire(now)
            while True:
                found = self._next_waiter(len(self.sent), now)
                if found is None:
                    break
                waiter, priority = found
                waiter.set_result(now)
                self._grant(now, priority)
        if self._waiting(BULK):
            self._arm(loop)

    def _next_waiter(self, in_window: int, now: float) -> tuple[asyncio.Future[float], int] | None:
        """The most urgent waiter that fits in the window now (answers first), and its priority."""
        for priority, queue in enumerate(self._queues):
            while queue and queue[0].done():  # gave up
                queue.popleft()
            if queue:
                # A bulk waiter that does not fit yet keeps its place; nothing behind it may go.
                fits = self._fits(priority, in_window, now)
                return (queue.popleft(), priority) if fits else None
        return None


def use_timedelta_periods() -> None:
    """Opt in to PTB's coming `timedelta` time periods (`PTB_TIMEDELTA`), unless set already.

    PTB 22 reads `RetryAfter.retry_after` in the error's own constructor, which warns of the
    change on every 429 while periods are ints. Only `retry_after_seconds` reads a period
    here, and it takes both forms.
    """
    os.environ.setdefault("PTB_TIMEDELTA", "1")


def retry_after_seconds(error: RetryAfter) -> float:
    """The wait Telegram asked for, in seconds (PTB is moving this attribute to timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class ChatRateLimiter(BaseRateLimiter[RateLimitArgs]):
    """PTB rate limiter: per-chat and overall windows, per-chat RetryAfter, priorities."""

    __slots__ = ("_chats", "_created", "_overall", "limits")

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._chats: dict[int | str, Window] = {}
        self._overall: Window | None = None
        self._created = 0

    async def initialize(self) -> None:
        """Create the bot-wide windows."""
        limits = self.limits
        self._overall = Window(limits.overall_max, limits.overall_window, reserve=limits.reserve)

    async def shutdown(self) -> None:
        """Forget all state."""
        self._chats.clear()

    def _chat_window(self, chat_id: int | str, now: float) -> Window:
        window = self._chats.get(chat_id)
        if window is None:
            # Negative ids (and @usernames) are groups, supergroups and channels.
            group = isinstance(chat_id, str) or chat_id < 0
            limits = self.limits
            window = self._chats[chat_id] = (
                Window(limits.group_max, limits.group_window)
                if group
                else Window(limits.chat_max, limits.chat_window)
            )
            self._created += 1
            if self._created % 1024 == 0:
                self._forget_idle(now)
        return window

    def _forget_idle(self, now: float) -> None:
        for key in [key for key, window in self._chats.items() if window.idle(now)]:
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
        priority = BULK if rate_limit_args and rate_limit_args.get("priority") == "bulk" else 0
        chat_id = _chat_key(data.get("chat_id"))
        if self._overall is None:  # used before initialize(); keep working rather than fail
            await self.initialize()
        overall = self._overall
        assert overall is not None
        for attempt in range(self.limits.max_retries + 1):
            # Calls about no chat (callback answers, the command menu) are not messages.
            window = None
            chat_stamp = overall_stamp = None
            if chat_id is not None:
                now = monotonic()
                window = self._chat_window(chat_id, now)
                if endpoint in POSTING:
                    chat_stamp = (
                        now if window.try_take(now, priority) else await window.take(priority)
                    )
                    now = monotonic()
                    overall_stamp = (
                        now if overall.try_take(now, priority) else await overall.take(priority)
                    )
                elif now < window.blocked_until:  # an edit still honours the chat's 429
                    await asyncio.sleep(window.blocked_until - now)
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
                if window is not None:
                    window.block(monotonic() + delay)  # only this chat waits
                else:
                    await asyncio.sleep(delay)
            finally:
                done = monotonic()
                if overall_stamp is not None:
                    overall.restamp(overall_stamp, done)
                if window is not None and chat_stamp is not None:
                    window.restamp(chat_stamp, done)
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
