"""The bot's update queue and getUpdates long polling, as telegram-bot-api implements them.

Semantics follow telegram-bot-api's Client.cpp (process_get_updates_query, do_get_updates):

* ``offset`` > 0 confirms: every update with a smaller id is dropped for good. An offset more
  than 10 past the newest id is ignored (the queue is read from its head).
* ``offset`` < 0 drops all but the last ``-offset`` updates, then reads from the head;
  ``offset`` 0 (or none) reads from the head without confirming anything.
* ``timeout`` (0..50 s) waits until an update exists. A new waiting getUpdates ends the one
  already waiting with 409 "terminated by other getUpdates request" (the *older* request gets
  the Conflict, as on Telegram); one that returns at once does not disturb it.
* Telegram's anti-busy-loop rules: repeating the previous offset within 3 s raises a timeout
  below 3 to 3, and within 0.5 s lowers ``limit`` to 1; a second 409 within 3 s of the last
  one is answered 3 s late. (So PTB's ``Updater.stop()``, which confirms with the same offset
  and ``timeout=0``, can take 3 s, as it does against Telegram.) ``throttling=False`` turns
  these rules off for tests that start and stop bots often.
* ``allowed_updates`` is remembered; updates of other types are not even queued (Telegram's
  default leaves out chat_member, message_reaction and message_reaction_count); an empty list
  restores that default, a missing one keeps the previous choice.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from tests.fakebot.errors import ApiError, conflict
from tests.fakebot.params import Params

UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "my_chat_member",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
    "managed_bot",
)
DEFAULT_ALLOWED = frozenset(UPDATE_TYPES) - {
    "chat_member",
    "message_reaction",
    "message_reaction_count",
}
LONG_POLL_MAX_TIMEOUT = 50
CONFLICT_DELAY = 3.0
OTHER_POLLER = (
    "terminated by other getUpdates request; make sure that only one bot instance is running"
)
WEBHOOK_ACTIVE = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
    "webhook first"
)


class Signal:
    """The one wake-up everything waits on: long polls, webhook delivery and tests.

    ``notify`` wakes every waiter, which then re-checks its own condition; no one polls.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        """Something changed: wake all waiters."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float | None,  # noqa: ASYNC109 - returns False at the deadline instead of raising
    ) -> bool:
        """Wait until ``condition()`` holds; False if ``timeout`` seconds pass first."""
        if condition():
            return True
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while True:
            event = self._event
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                return condition()
            try:
                async with asyncio.timeout(remaining):
                    await event.wait()
            except TimeoutError:
                return condition()
            if condition():
                return True


@dataclass(slots=True)
class QueuedUpdate:
    """An update waiting for the bot."""

    update_id: int
    kind: str
    payload: dict[str, Any]


class UpdateQueue:
    """Updates not yet confirmed by the bot, oldest first, plus every update ever made."""

    def __init__(self, signal: Signal, first_update_id: int = 1) -> None:
        self.signal = signal
        self.pending: deque[QueuedUpdate] = deque()
        self.redeliveries: deque[QueuedUpdate] = deque()
        self.history: dict[int, QueuedUpdate] = {}
        self.next_id = first_update_id
        self.allowed: frozenset[str] = DEFAULT_ALLOWED
        self.dropped: list[dict[str, Any]] = []  # not queued because of allowed_updates

    def push(self, body: dict[str, Any]) -> int | None:
        """Queue an update (its body without update_id); None if allowed_updates excludes it."""
        kind = next((key for key in body if key != "update_id"), "")
        if kind not in self.allowed:
            self.dropped.append(body)
            return None
        update_id = self.next_id
        self.next_id += 1
        payload = {"update_id": update_id, **body}
        queued = QueuedUpdate(update_id, kind, payload)
        self.pending.append(queued)
        self.history[update_id] = queued
        self.signal.notify()
        return update_id

    def redeliver(self, update_id: int) -> QueuedUpdate:
        """Hand out an earlier update once more, with its original update_id."""
        try:
            queued = self.history[update_id]
        except KeyError:
            raise ValueError(f"no update with id {update_id} was ever made") from None
        self.redeliveries.append(queued)
        self.signal.notify()
        return queued

    def set_allowed(self, value: Any) -> None:
        """Apply an allowed_updates parameter (None keeps the previous choice)."""
        if not isinstance(value, list):
            return
        chosen = frozenset(str(kind) for kind in value) & frozenset(UPDATE_TYPES)
        self.allowed = chosen or DEFAULT_ALLOWED

    def has_any(self) -> bool:
        """Whether anything is waiting for the bot."""
        return bool(self.pending) or bool(self.redeliveries)

    def clear(self) -> None:
        """drop_pending_updates: forget everything not yet confirmed."""
        self.pending.clear()
        self.redeliveries.clear()

    def collect(self, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        """do_get_updates without the waiting: (updates, offset to use for a later retry)."""
        pending = self.pending
        if offset < 0:
            while len(pending) > -offset:
                pending.popleft()
        if offset <= 0:
            offset = pending[0].update_id if pending else self.next_id
        if offset <= self.next_id + 10:  # TDLib ignores offsets "in the future"
            while pending and pending[0].update_id < offset:
                pending.popleft()
        result: list[dict[str, Any]] = []
        while self.redeliveries and len(result) < limit:
            result.append(self.redeliveries.popleft().payload)
        for queued in pending:
            if len(result) >= limit:
                break
            result.append(queued.payload)
        return result, offset

    def take_next(self) -> QueuedUpdate | None:
        """The next update to push to a webhook (redeliveries first)."""
        if self.redeliveries:
            return self.redeliveries[0]
        return self.pending[0] if self.pending else None

    def delivered(self, queued: QueuedUpdate) -> None:
        """A webhook accepted this update: it is confirmed."""
        if self.redeliveries and self.redeliveries[0] is queued:
            self.redeliveries.popleft()
        elif self.pending and self.pending[0] is queued:
            self.pending.popleft()


class LongPoller:
    """getUpdates: confirmation by offset, waiting, and the Conflicts between pollers."""

    def __init__(
        self,
        queue: UpdateQueue,
        webhook_active: Callable[[], bool],
        clock: Callable[[], float] = time.monotonic,
        *,
        throttling: bool = True,
    ) -> None:
        self.queue = queue
        self.throttling = throttling
        self._webhook_active = webhook_active
        self._clock = clock
        self._waiting: object | None = None  # token of the long poll that currently waits
        self._aborted: dict[object, str] = {}
        self._previous_offset: int | None = None
        self._previous_start = -1e9
        self._next_conflict_at = 0.0
        self.closing = False

    @property
    def waiting(self) -> bool:
        """Whether a getUpdates call is currently waiting for updates."""
        return self._waiting is not None

    def abort(self, reason: str) -> None:
        """End the waiting long poll with 409 ``reason`` (another poll, or setWebhook)."""
        if self._waiting is not None:
            self._aborted[self._waiting] = reason
            self._waiting = None
            self.queue.signal.notify()

    async def fail_conflict(self, detail: str) -> NoReturn:
        """Answer 409, but 3 s late if the previous 409 was less than 3 s ago (Telegram's rule)."""
        now = self._clock()
        if self.throttling and now < self._next_conflict_at:
            await self.queue.signal.wait_until(lambda: self.closing, CONFLICT_DELAY)
        else:
            self._next_conflict_at = now + CONFLICT_DELAY
        raise conflict(detail)

    async def get_updates(self, params: Params) -> list[dict[str, Any]]:
        """The getUpdates method."""
        if self._webhook_active():
            await self.fail_conflict(WEBHOOK_ACTIVE)
        offset = params.integer("offset", 0)
        limit = min(max(params.integer("limit", 100), 1), 100)
        timeout = min(max(params.integer("timeout", 0), 0), LONG_POLL_MAX_TIMEOUT)
        self.queue.set_allowed(_allowed_updates(params))

        now = self._clock()
        if self.throttling and offset == self._previous_offset:
            if timeout < 3 and now < self._previous_start + 3.0:
                timeout = 3
            if now < self._previous_start + 0.5:
                limit = 1
        self._previous_offset = offset
        self._previous_start = now

        updates, offset = self.queue.collect(offset, limit)
        if updates or timeout == 0 or self.closing:
            return updates

        self.abort(OTHER_POLLER)
        token = object()
        self._waiting = token
        self.queue.signal.notify()  # tests may wait for a long poll to be in place
        reason: str | None = None
        try:
            await self.queue.signal.wait_until(
                lambda: self.closing or token in self._aborted or self.queue.has_any(),
                timeout,
            )
        finally:  # also when the client hangs up and aiohttp cancels this handler
            if self._waiting is token:
                self._waiting = None
            reason = self._aborted.pop(token, None)
        if reason is not None:
            await self.fail_conflict(reason)
        updates, _ = self.queue.collect(offset, limit)
        return updates


def _allowed_updates(params: Params) -> Any:
    try:
        return params.json("allowed_updates", "Can't parse allowed updates")
    except ApiError:  # telegram-bot-api ignores an unparsable list rather than failing
        return None
