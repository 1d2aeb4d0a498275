"""Telegram's flood limits, measured with sliding windows, and injected failures.

Telegram documents its limits only roughly (Bots FAQ, "My bot is hitting limits"):
about 30 messages per second overall, about one message per second in a single chat with
short bursts allowed, and at most 20 messages per minute in a group. The fake turns that into
three sliding windows (all configurable through ``RateLimits``):

* ``global``: more than 30 sent messages within any 1 s, across all chats;
* ``chat``: more than 3 messages to one chat within any 3 s, i.e. more than one a second
  sustained over three seconds; a burst of up to 3 is fine;
* ``group``: more than 20 messages to one group or supergroup within any 60 s.

Only methods that send a new message count (sendMessage, sendPhoto, sendDocument, sendPoll);
edits, callback answers and chat actions do not. By default a message over a limit is
delivered and recorded in ``FakeTelegram.rate_violations``; with ``enforce_rate_limits=True``
it is refused with 429 and ``retry_after`` (seconds until the window has room again).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.fakebot.errors import ApiError, injected


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Window sizes and message counts; a count above ``*_max`` within ``*_window`` s violates."""

    global_max: int = 30
    global_window: float = 1.0
    chat_max: int = 3
    chat_window: float = 3.0
    group_max: int = 20
    group_window: float = 60.0


@dataclass(frozen=True, slots=True)
class RateViolation:
    """A message that went over one of Telegram's limits."""

    method: str
    chat_id: int
    kind: str  # "global", "chat" or "group"
    at: float  # unix time


class RateLimiter:
    """Sliding-window counters of sent messages: overall, per chat and per group."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._global: deque[float] = deque()
        self._chats: dict[int, deque[float]] = {}
        self._groups: dict[int, deque[float]] = {}

    @staticmethod
    def _wait(window: deque[float] | None, now: float, length: float, limit: int) -> int | None:
        """Seconds until one more message fits in the window, or None if it fits now."""
        if window is None:
            return None if limit > 0 else math.ceil(length)
        while window and window[0] <= now - length:
            window.popleft()  # expired: cheap to drop as we go
        if len(window) < limit:
            return None
        leaving = window[len(window) - limit]  # must leave the window before one more fits
        return max(1, math.ceil(leaving + length - now))

    def check(self, chat_id: int, is_group: bool) -> list[tuple[str, int]]:
        """Limits one more message to this chat would break, with their retry_after."""
        now = self._clock()
        limits = self.limits
        broken: list[tuple[str, int]] = []
        wait = self._wait(self._global, now, limits.global_window, limits.global_max)
        if wait is not None:
            broken.append(("global", wait))
        wait = self._wait(self._chats.get(chat_id), now, limits.chat_window, limits.chat_max)
        if wait is not None:
            broken.append(("chat", wait))
        if is_group:
            window = self._groups.get(chat_id)
            wait = self._wait(window, now, limits.group_window, limits.group_max)
            if wait is not None:
                broken.append(("group", wait))
        return broken

    def record(self, chat_id: int, is_group: bool) -> None:
        """Count a message that was sent."""
        now = self._clock()
        self._global.append(now)
        self._chats.setdefault(chat_id, deque()).append(now)
        if is_group:
            self._groups.setdefault(chat_id, deque()).append(now)


@dataclass(slots=True)
class _Fault:
    status: int
    retry_after: int
    description: str | None
    times: int


@dataclass(slots=True)
class FaultPlan:
    """Failures queued per method by ``FakeTelegram.fail_next``."""

    _faults: dict[str, deque[_Fault]] = field(default_factory=dict)

    def add(
        self, method: str, *, status: int, retry_after: int, times: int, description: str | None
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail."""
        if times < 1:
            raise ValueError("times must be at least 1")
        queue = self._faults.setdefault(method.lower(), deque())
        queue.append(_Fault(status, retry_after, description, times))

    def take(self, method: str) -> ApiError | None:
        """The error for this call, if one is queued (consumes it)."""
        if not self._faults:
            return None
        queue = self._faults.get(method.lower())
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times == 0:
            queue.popleft()
            if not queue:
                del self._faults[method.lower()]
        return injected(fault.status, fault.description, fault.retry_after)
