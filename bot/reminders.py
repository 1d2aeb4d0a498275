"""The reminder loop in the bot process: claim due reminders, send them in the bulk lane.

Reminders are rows in the database, not in-process jobs. Each round claims due rows with a
lease (several bot processes never get the same row), composes each message, stores its
button references for the recipient only, and posts it to the chat's outbox lane as bulk
work: after interactive replies and within the rate limits. When the send is done the row is
marked sent, or undeliverable when the person blocked the bot. A graceful stop drains the
outbox first, so every message that went out is marked; after a crash, rows claimed but never
sent are claimed again once their lease ends.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections import Counter
from datetime import timedelta

from telegram.error import NetworkError, RetryAfter, TelegramError, TimedOut

from bot.telegram_render import Keyboard, build_keyboards
from bot.telegram_send import Delivery, Job, Outbox, Outgoing, plan_reply
from bot.telegram_updates import ANY_MEMBER
from flows.domain import Person, Reminder
from flows.engine import Engine
from flows.events import Choice, Reply
from flows.reminders import Prepared, ReminderDesk
from storage.repositories import Tx

logger = logging.getLogger(__name__)


def worker_name() -> str:
    """A name for this process, unique enough to tell leases apart."""
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{secrets.token_hex(3)}"


def private_chat(person: Person) -> int | None:
    """The Telegram private chat of a person (its id is the user id), if they use Telegram."""
    kind, _, user = person.external_id.partition(":")
    return int(user) if kind == "tg" and user.lstrip("-").isdigit() else None


class Recorder:
    """Records how sending went for many reminders in one short transaction, not one each.

    Outcomes are collected for a moment after a send; the flush runs as outbox work, so a
    graceful stop (which drains the outbox) records everything that went out.
    """

    def __init__(
        self, desk: ReminderDesk, outbox: Outbox, *, delay: float = 0.25, attempts: int = 3
    ) -> None:
        self.desk = desk
        self.outbox = outbox
        self.delay = delay
        self.attempts = attempts
        self._outcomes: list[tuple[Reminder, bool]] = []
        self._flushing = False

    def add(self, reminder: Reminder, delivered: bool) -> None:
        """Note the outcome of a claimed reminder; it is recorded shortly."""
        self._outcomes.append((reminder, delivered))
        if not self._flushing:
            self._flushing = True
            self.outbox.spawn(self._flush())

    async def _flush(self) -> None:
        failures = 0
        try:
            while self._outcomes:
                await asyncio.sleep(self.delay)
                outcomes, self._outcomes = self._outcomes, []
                try:
                    recorded = await self.desk.finish_many(outcomes)
                except Exception:
                    failures += 1
                    if failures >= self.attempts:
                        # Their leases run out and another round sends them again: better
                        # twice than never.
                        logger.exception("%d reminder outcomes not recorded", len(outcomes))
                        continue
                    logger.warning("recording reminder outcomes failed; retrying", exc_info=True)
                    self._outcomes[:0] = outcomes
                    continue
                failures = 0
                for lost in [r.id for r, _ in outcomes if r.id not in recorded]:
                    logger.warning("reminder %s: lease lost before it was recorded", lost)
        finally:
            self._flushing = False


class ReminderLoop:
    """Sends due reminders now and then, until cancelled.

    Only a few are claimed and composed ahead of what the bulk lane sends: at most `ahead`
    chats wait for a reminder at any time. Composing all due ones at once would hold the
    event loop (SQLite statements run on its thread) while people wait for answers, and rows
    composed minutes before they go out could outlive their lease.
    """

    def __init__(
        self,
        engine: Engine,
        outbox: Outbox,
        delivery: Delivery,
        *,
        interval: float = 30.0,
        batch: int = 50,
        ahead: int = 20,
        group: int = 5,
        patience: float = 0.5,
        lease: timedelta = timedelta(minutes=10),
        worker: str | None = None,
    ) -> None:
        self.outbox = outbox
        self.delivery = delivery
        self.interval = interval
        self.batch = batch
        self.ahead = max(2, ahead)
        self.group = max(1, group)
        self.patience = patience  # longest wait for a lull in the chatting before composing
        self.desk = ReminderDesk(engine, worker or worker_name(), lease=lease)
        self.recorder = Recorder(self.desk, outbox)
        self._waiting: Counter[int] = Counter()  # reminders queued and not yet sent, by chat
        self._room = asyncio.Event()

    async def run(self) -> None:
        """A round now and then every `interval` seconds; a failed round is retried later."""
        while True:
            try:
                await self.tick()
            except Exception:
                logger.exception("reminder round failed")
            await asyncio.sleep(self.interval)

    async def tick(self) -> int:
        """One round: claim what is due and queue it as the bulk lane frees up; returns how
        many were queued."""
        queued = 0
        plan = True  # the next digests once a round, not before every claim
        while True:
            # Claim again only when half the chats were served: fewer, fuller claims.
            while len(self._waiting) > self.ahead // 2:
                self._room.clear()
                await self._room.wait()
            room = min(self.batch, self.ahead - len(self._waiting))
            await self.outbox.activity.lull(self.patience)
            claimed = await self.desk.claim(room, plan=plan)
            plan = False
            start = 0
            try:
                while start < len(claimed):
                    # A few per transaction: far less work than one each, and short enough
                    # that an update waiting for the loop (or the write lock) is let in soon.
                    # Each starts when nobody is being answered, if that comes soon enough.
                    await self.outbox.activity.lull(self.patience)
                    queued += await self._queue(claimed[start : start + self.group])
                    start += self.group
                    await asyncio.sleep(0)  # let updates that arrived meanwhile be read
            except BaseException:
                # Stopped (or failed) before these were queued: give them back now rather
                # than leave them leased, unsent, until the lease runs out.
                await self._give_back(claimed[start:])
                raise
            if len(claimed) < room:
                return queued

    async def _give_back(self, reminders: list[Reminder]) -> None:
        if not reminders:
            return
        try:
            await self.desk.give_back_many(reminders)
        except Exception:  # their leases still run out; another round sends them then
            logger.exception("%d claimed reminders not given back", len(reminders))

    async def _queue(self, reminders: list[Reminder]) -> int:
        targets: list[tuple[int | None, Keyboard | None]] = []

        async def within(tx: Tx, person: Person, group: str | None, replies: list[Reply]) -> None:
            chat = int(group) if group is not None else private_chat(person)
            if chat is None:
                targets.append((None, None))
                return
            # A group digest's button may be pressed by any member there (the handler checks
            # membership); a private reminder's only by its recipient.
            owner = ANY_MEMBER if group is not None else person.external_id

            async def reference(_: Reply, choice: Choice) -> str:
                return await tx.buttons.put(owner, str(chat), choice.value or "")

            keyboards = await build_keyboards(replies, reference)
            targets.append((chat, keyboards[0] if keyboards else None))

        prepared = await self.desk.prepare_many(reminders, within)
        queued = 0
        for ready, (chat_id, keyboard) in zip(prepared, targets, strict=True):
            if chat_id is None:
                logger.info("reminder %s: recipient is not on Telegram", ready.reminder.id)
                self.recorder.add(ready.reminder, False)
                continue
            self._waiting[chat_id] += 1
            self.outbox.post(chat_id, self._job(ready, keyboard, chat_id), bulk=True)
            queued += 1
        return queued

    def _sent(self, chat_id: int) -> None:
        """One reminder for the chat is out (or failed): room for the next claim."""
        self._waiting[chat_id] -= 1
        if self._waiting[chat_id] <= 0:
            del self._waiting[chat_id]
        self._room.set()

    def _job(self, prepared: Prepared, keyboard: Keyboard | None, chat_id: int) -> Job:
        calls = plan_reply(prepared.reply, keyboard, chat_id)
        reminder = prepared.reminder

        async def job() -> None:
            try:
                delivered = await self._send(calls, reminder)
            finally:
                self._sent(chat_id)
            if delivered is not None:
                self.recorder.add(reminder, delivered)

        return job

    async def _send(self, calls: list[Outgoing], reminder: Reminder) -> bool | None:
        """Whether it was delivered; None when it was given back, to be sent again later."""
        try:
            return await self.delivery.send_all(calls, f"reminder {reminder.id}")
        except (RetryAfter, NetworkError) as error:
            # RetryAfter: still flood-limited after the limiter's retries (several processes
            # share one bot's limits). NetworkError (not a time-out, after which it may have
            # arrived): Telegram could not be reached. Either way nothing was shown, so the
            # next round tries again; "undeliverable" would lose it.
            if len(calls) == 1 and not isinstance(error, TimedOut):
                logger.info("reminder %s: not sent (%s); given back", reminder.id, error)
                await self.desk.give_back(reminder)
                return None
            # Part of a longer message may have been shown: resending could repeat it.
            logger.warning("reminder %s: not delivered (%s)", reminder.id, error.message)
            return False
        except TelegramError as error:  # e.g. the chat is gone: retrying will not help
            logger.warning("reminder %s: not delivered (%s)", reminder.id, error.message)
            return False
