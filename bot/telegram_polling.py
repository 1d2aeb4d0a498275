"""Long polling that never lets Telegram forget an update before it is safe.

PTB's Updater confirms an update (by asking for the next offset) as soon as it is queued in
memory, so a crash loses whatever was queued. Here each batch is stored in the database's
update inbox first (storage/inbox.py): only then does the next getUpdates call confirm it, so
the next batch is fetched while this one is processed, and after a crash the bot processes
what the inbox still holds. Without an inbox (or when storing fails) a batch is processed
first and confirmed after. Either way the engine's processed-update records make repeats
harmless, and one chat's updates are processed in the order they came.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections.abc import Sequence
from typing import Any

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.telegram_http import AiohttpRequest
from bot.telegram_ratelimit import retry_after_seconds
from bot.telegram_taps import Tap
from bot.telegram_updates import ALLOWED_UPDATES, Dispatcher, read_update
from storage.inbox import UpdateInbox
from storage.json_codec import dumps_bytes, loads

logger = logging.getLogger(__name__)

MAX_BACKOFF = 30.0
# Updates under way at most before fetching more: a bot that cannot keep up lets them wait
# at Telegram, not in its memory.
IN_FLIGHT_LIMIT = 1000

Batch = tuple[Update | Tap, ...]


class PollingLoop:
    """Fetches batches of updates, stores them, confirms them and processes them."""

    def __init__(
        self,
        bot: Bot,
        dispatcher: Dispatcher,
        *,
        timeout: int = 30,
        allowed_updates: Sequence[str] = ALLOWED_UPDATES,
        request: AiohttpRequest | None = None,
        inbox: UpdateInbox | None = None,
        in_flight_limit: int = IN_FLIGHT_LIMIT,
    ) -> None:
        self.bot = bot
        self.dispatcher = dispatcher
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates)
        # The bot's getUpdates transport, when it is ours: polls then skip PTB's per-call
        # request objects (see _fetch_updates). None: PTB's get_updates.
        self.request = request
        self.inbox = inbox
        self.in_flight_limit = in_flight_limit
        self._url = f"{bot.base_url}/getUpdates"
        # Once, as PTB writes it (the nested JSON string stays byte for byte PTB's).
        self._allowed_json = json.dumps(self.allowed_updates)
        self.offset: int | None = None  # None: from the oldest unconfirmed update
        self._stopping = asyncio.Event()
        self._fetch: asyncio.Task[tuple[list[Any] | None, Batch]] | None = None
        self._task: asyncio.Task[None] | None = None
        # Stored batches being processed, by inbox id (in order of arrival), and their size.
        self._batches: dict[int, asyncio.Task[None]] = {}
        self._in_flight = 0
        self._newest: int | None = None  # the newest stored batch's id
        # The first stored batch with an update to deliver again; until that happens no more
        # is fetched. At start: whatever an earlier run left in the inbox (0: all of it).
        self._unfinished: int | None = 0 if inbox is not None else None

    @property
    def busy(self) -> bool:
        """Updates received are still being processed (or wait to be processed again)."""
        return bool(self._batches) or self._unfinished is not None

    def start(self) -> asyncio.Task[None]:
        """Run the loop in the background; the task ends with an error only if fatal."""
        self._task = asyncio.create_task(self.run(), name="telegram-polling")
        return self._task

    async def stop(self) -> None:
        """Stop fetching, let the batches in hand finish, and confirm what was received."""
        self._stopping.set()
        if self._fetch is not None:
            self._fetch.cancel()  # nothing of an unfinished fetch is confirmed: safe to drop
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._drain()
        done_below = self._done_below()
        if self.inbox is not None and done_below is not None:
            try:
                await self.inbox.forget(done_below)
            except Exception as error:  # harmless: the next start skips them as repeats
                logger.info("could not clear processed updates from the inbox: %r", error)
        await self._confirm()

    async def run(self) -> None:
        """Poll until stopped."""
        backoff = 0.0
        while not self._stopping.is_set():
            if self._unfinished is not None:
                backoff = await self._process_kept(backoff)
                continue
            if self._in_flight >= self.in_flight_limit:
                await asyncio.wait(self._batches.values(), return_when=asyncio.FIRST_COMPLETED)
                continue
            try:
                raw, updates = await self._get_updates()
            except asyncio.CancelledError:
                if self._stopping.is_set():
                    return
                task = asyncio.current_task()
                if task is not None and task.cancelling() == 0 and self._unfinished is not None:
                    continue  # only the fetch was cancelled, for the updates to deliver again
                raise
            except InvalidToken:
                logger.critical("Telegram rejected the bot token; stopping")
                raise
            except Conflict as error:
                backoff = grow_backoff(backoff)
                logger.error(
                    "getUpdates: 409 Conflict (%s). Another process is polling with this token, "
                    "or a webhook is set. Retrying in %.0fs.",
                    error.message,
                    backoff,
                )
                await self._pause(backoff)
                continue
            except RetryAfter as error:
                await self._pause(retry_after_seconds(error))
                continue
            except NetworkError as error:
                backoff = grow_backoff(backoff)
                logger.warning("getUpdates: %s; retrying in %.1fs", error.message, backoff)
                await self._pause(backoff)
                continue
            except TelegramError as error:
                backoff = grow_backoff(backoff)
                logger.error("getUpdates: %s; retrying in %.1fs", error.message, backoff)
                await self._pause(backoff)
                continue
            backoff = 0.0
            if updates and not await self._keep(raw, updates):
                backoff = await self._process_in_hand(updates, backoff)

    async def _keep(self, raw: list[Any] | None, updates: Batch) -> bool:
        """Store the batch, confirm it with the next fetch and process it meanwhile; False
        when there is no inbox or it could not store the batch."""
        if self.inbox is None:
            return False
        if raw is None:  # PTB's get_updates parsed them: stored as PTB writes them back
            raw = [update.to_dict() for update in updates if isinstance(update, Update)]
        try:
            kept = await self.inbox.keep(dumps_bytes(raw), done_below=self._done_below())
        except Exception as error:  # the database is in trouble: confirm only once processed
            logger.warning("could not store %d update(s) on arrival: %r", len(updates), error)
            return False
        self.offset = max(update.update_id for update in updates) + 1
        self._newest = kept
        self._in_flight += len(updates)
        self._batches[kept] = asyncio.create_task(
            self._process_stored(kept, updates), name=f"updates {kept}"
        )
        return True

    async def _process_stored(self, kept: int, updates: Batch) -> None:
        """Process a stored batch; on a failure, mark it for processing again from the inbox."""
        try:
            failed = await self.dispatcher.process_batch(updates)
        except Exception:  # a bug must not end polling; the batch is processed again
            logger.exception("processing a batch of %d update(s) failed", len(updates))
            failed = [min(update.update_id for update in updates)]
        finally:
            del self._batches[kept]
            self._in_flight -= len(updates)
        if failed:
            logger.warning("%d update(s) to retry", len(failed))
            if self._unfinished is None or kept < self._unfinished:
                self._unfinished = kept
            if self._fetch is not None:
                # A long poll may wait for many seconds; the retry should not. Nothing of a
                # cancelled fetch is confirmed.
                self._fetch.cancel()

    async def _process_kept(self, backoff: float) -> float:
        """Once the batches under way are done, process what the inbox still holds, in order
        of arrival; the backoff for a next attempt (0 when all went through)."""
        assert self.inbox is not None
        await self._drain()
        try:
            failed = await process_stored(self.inbox, self.dispatcher, self.bot)
        except Exception:  # the database (or a bug): try again after a pause
            logger.exception("processing the stored updates failed")
            failed = [0]
        if not failed:
            self._unfinished = None
            return 0.0
        backoff = grow_backoff(backoff)
        logger.warning("%d stored update(s) to retry; pausing %.1fs", len(failed), backoff)
        await self._pause(backoff)
        return backoff

    async def _process_in_hand(self, updates: Batch, backoff: float) -> float:
        """Process a batch that was not stored, and only then confirm it (or the part that
        went through); the backoff for a next failure."""
        await self._drain()
        # Not cancelled by stop(): in-flight updates finish and their replies are queued.
        # `again`: these are the held chats' updates delivered again.
        try:
            failed = await asyncio.shield(self.dispatcher.process_batch(updates, again=True))
        except Exception:  # a bug must not end polling; the batch is fetched again
            logger.exception("processing a batch of %d update(s) failed", len(updates))
            failed = [min(update.update_id for update in updates)]
        if not failed:
            self.offset = max(update.update_id for update in updates) + 1
            return 0.0
        self.offset = min(failed)
        backoff = grow_backoff(backoff)
        logger.warning("%d update(s) to retry; pausing %.1fs", len(failed), backoff)
        await self._pause(backoff)
        return backoff

    def _done_below(self) -> int | None:
        """Stored batches before this id are processed (None: nothing to say yet)."""
        pending = list(self._batches)
        if self._unfinished is not None:
            pending.append(self._unfinished)
        if pending:
            return min(pending)
        return self._newest + 1 if self._newest is not None else None

    async def _drain(self) -> None:
        """Wait until the stored batches under way are processed."""
        while self._batches:
            await asyncio.wait(list(self._batches.values()))

    async def _get_updates(self) -> tuple[list[Any] | None, Batch]:
        self._fetch = asyncio.ensure_future(self._fetch_batch())
        try:
            return await self._fetch
        finally:
            self._fetch = None

    async def _fetch_updates(self, limit: int | None = None) -> Batch:
        """One long poll: what PTB's get_updates sends, waits and returns, and its errors."""
        return (await self._fetch_batch(limit))[1]

    async def _fetch_batch(self, limit: int | None = None) -> tuple[list[Any] | None, Batch]:
        """One long poll: the updates as received (None from PTB's get_updates) and read."""
        request = self.request
        if request is None:
            fetched = await self.bot.get_updates(
                offset=self.offset,
                limit=limit,
                timeout=self.timeout,
                allowed_updates=self.allowed_updates,
            )
            return None, fetched
        # PTB's parameters in PTB's order; the JSON of an int is its digits.
        fields = {"timeout": str(self.timeout)}
        if self.offset is not None:
            fields["offset"] = str(self.offset)
        if limit is not None:
            fields["limit"] = str(limit)
        fields["allowed_updates"] = self._allowed_json
        # Like get_updates: the transport's read timeout plus the time Telegram may hold on.
        read_timeout = (request.read_timeout or 0) + self.timeout
        result = await request.post_json(self._url, dumps_bytes(fields), read_timeout=read_timeout)
        # Reading drops what no handler needs of a pressed message (see `lighten`) from the
        # received dicts too: the inbox stores them without it.
        updates = tuple(read_update(data, self.bot) for data in result)
        return result, updates

    async def _pause(self, seconds: float) -> None:
        """Sleep, but wake up at once for stop()."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def _confirm(self) -> None:
        """Tell Telegram what we processed or stored, so a restart does not fetch it again."""
        if self.offset is None:
            return
        try:
            await self.bot.get_updates(offset=self.offset, timeout=0, limit=1)
        except TelegramError as error:  # harmless: the engine skips repeats
            logger.info("could not confirm processed updates: %s", error.message)


async def process_stored(inbox: UpdateInbox, dispatcher: Dispatcher, bot: Bot) -> list[int]:
    """Process what the inbox holds, in order of arrival, and forget it once all went
    through; the ids of the updates to deliver again (their chats stay held until then)."""
    stored = await inbox.waiting()
    updates = [update for _, body in stored for update in _read_stored(body, bot)]
    # Shielded: a stop while they run lets them finish (what is done is then forgotten).
    failed = await asyncio.shield(dispatcher.process_batch(updates, again=True))
    if not failed and stored:
        await inbox.forget(stored[-1][0] + 1)
    return failed


def _read_stored(body: bytes, bot: Bot) -> list[Update | Tap]:
    """A stored batch's updates; one that can no longer be read is logged and skipped (it
    would otherwise hold up every later update for good)."""
    updates: list[Update | Tap] = []
    for data in loads(body):
        try:
            updates.append(read_update(data, bot))
        except Exception:
            logger.exception("a stored update could not be read; skipped: %.200r", data)
    return updates


def grow_backoff(backoff: float) -> float:
    """Exponential backoff with jitter, so several bot processes do not retry in lockstep."""
    return min(MAX_BACKOFF, max(1.0, backoff * 2)) * random.uniform(0.8, 1.0)
