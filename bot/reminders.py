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
from datetime import timedelta

from telegram import InlineKeyboardMarkup
from telegram.error import NetworkError, RetryAfter, TelegramError, TimedOut

from bot.telegram_render import build_keyboards
from bot.telegram_send import Delivery, Job, Outbox, plan_reply
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


class ReminderLoop:
    """Sends due reminders now and then, until cancelled."""

    def __init__(
        self,
        engine: Engine,
        outbox: Outbox,
        delivery: Delivery,
        *,
        interval: float = 30.0,
        batch: int = 50,
        lease: timedelta = timedelta(minutes=10),
        worker: str | None = None,
    ) -> None:
        self.outbox = outbox
        self.delivery = delivery
        self.interval = interval
        self.batch = batch
        self.desk = ReminderDesk(engine, worker or worker_name(), lease=lease)

    async def run(self) -> None:
        """A round now and then every `interval` seconds; a failed round is retried later."""
        while True:
            try:
                await self.tick()
            except Exception:
                logger.exception("reminder round failed")
            await asyncio.sleep(self.interval)

    async def tick(self) -> int:
        """One round: claim what is due and queue it; returns how many were queued."""
        queued = 0
        while True:
            claimed = await self.desk.claim(self.batch)
            for reminder in claimed:
                queued += await self._queue(reminder)
                # Preparing a reminder is a transaction; let waiting updates in between, or a
                # batch of them would hold every answer back (SQLite statements run on the
                # loop's thread and do not yield by themselves).
                await asyncio.sleep(0)
            if len(claimed) < self.batch:
                return queued

    async def _queue(self, reminder: Reminder) -> int:
        keyboards: list[InlineKeyboardMarkup | None] = []
        chats: list[int | None] = []

        async def within(tx: Tx, person: Person, group: str | None, replies: list[Reply]) -> None:
            chat = int(group) if group is not None else private_chat(person)
            chats.append(chat)
            if chat is None:
                return
            # A group digest's button may be pressed by any member there (the handler checks
            # membership); a private reminder's only by its recipient.
            owner = ANY_MEMBER if group is not None else person.external_id

            async def reference(_: Reply, choice: Choice) -> str:
                return await tx.buttons.put(owner, str(chat), choice.value or "")

            keyboards[:] = await build_keyboards(replies, reference)

        prepared = await self.desk.prepare(reminder, within)
        if prepared is None:
            return 0
        chat_id = chats[0] if chats else None
        if chat_id is None:
            logger.info("reminder %s: recipient is not on Telegram", reminder.id)
            await self.desk.finish(reminder, False)
            return 0
        self.outbox.post(chat_id, self._job(prepared, keyboards[0], chat_id), bulk=True)
        return 1

    def _job(self, prepared: Prepared, keyboard: InlineKeyboardMarkup | None, chat_id: int) -> Job:
        calls = plan_reply(prepared.reply, keyboard, chat_id)
        reminder = prepared.reminder

        async def job() -> None:
            try:
                delivered = await self.delivery.send_all(calls, f"reminder {reminder.id}")
            except (RetryAfter, NetworkError) as error:
                # RetryAfter: still flood-limited after the limiter's retries (several
                # processes share one bot's limits). NetworkError (not a time-out, after which
                # it may have arrived): Telegram could not be reached. Either way nothing was
                # shown, so the next round tries again; "undeliverable" would lose it.
                if len(calls) == 1 and not isinstance(error, TimedOut):
                    logger.info("reminder %s: not sent (%s); given back", reminder.id, error)
                    await self.desk.give_back(reminder)
                    return
                # Part of a longer message may have been shown: resending could repeat it.
                logger.warning("reminder %s: not delivered (%s)", reminder.id, error.message)
                delivered = False
            except TelegramError as error:  # e.g. the chat is gone: retrying will not help
                logger.warning("reminder %s: not delivered (%s)", reminder.id, error.message)
                delivered = False
            if not await self.desk.finish(reminder, delivered):
                logger.warning("reminder %s: lease lost before it was recorded", reminder.id)

        return job
