"""Long polling that confirms updates only after they were processed.

PTB's Updater confirms an update (by asking for the next offset) as soon as it is queued, so a
crash loses whatever was queued. Here a batch is processed first, and only then does the next
getUpdates call move the offset past it; after a crash Telegram hands the batch out again and
the engine's processed-update records make the repeats harmless.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections.abc import Sequence

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, NetworkError, RetryAfter, TelegramError

from bot.telegram_http import AiohttpRequest
from bot.telegram_ratelimit import retry_after_seconds
from bot.telegram_taps import Tap
from bot.telegram_updates import ALLOWED_UPDATES, Dispatcher, read_update
from storage.json_codec import dumps_bytes

logger = logging.getLogger(__name__)

MAX_BACKOFF = 30.0


class PollingLoop:
    """Fetches batches of updates, processes them, then confirms them."""

    def __init__(
        self,
        bot: Bot,
        dispatcher: Dispatcher,
        *,
        timeout: int = 30,
        allowed_updates: Sequence[str] = ALLOWED_UPDATES,
        request: AiohttpRequest | None = None,
    ) -> None:
        self.bot = bot
        self.dispatcher = dispatcher
        self.timeout = timeout
        self.allowed_updates = list(allowed_updates)
        # The bot's getUpdates transport, when it is ours: polls then skip PTB's per-call
        # request objects (see _fetch_updates). None: PTB's get_updates.
        self.request = request
        self._url = f"{bot.base_url}/getUpdates"
        # Once, as PTB writes it (the nested JSON string stays byte for byte PTB's).
        self._allowed_json = json.dumps(self.allowed_updates)
        self.offset: int | None = None  # None: from the oldest unconfirmed update
        self._stopping = asyncio.Event()
        self._fetch: asyncio.Task[tuple[Update | Tap, ...]] | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> asyncio.Task[None]:
        """Run the loop in the background; the task ends with an error only if fatal."""
        self._task = asyncio.create_task(self.run(), name="telegram-polling")
        return self._task

    async def stop(self) -> None:
        """Stop fetching, let the batch in hand finish, and confirm what was processed."""
        self._stopping.set()
        if self._fetch is not None:
            self._fetch.cancel()  # nothing of an unfinished fetch is confirmed: safe to drop
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self._confirm()

    async def run(self) -> None:
        """Poll until stopped."""
        backoff = 0.0
        while not self._stopping.is_set():
            try:
                updates = await self._get_updates()
            except asyncio.CancelledError:
                if self._stopping.is_set():
                    return
                raise
            except InvalidToken:
                logger.critical("Telegram rejected the bot token; stopping")
                raise
            except Conflict as error:
                backoff = _grow(backoff)
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
                backoff = _grow(backoff)
                logger.warning("getUpdates: %s; retrying in %.1fs", error.message, backoff)
                await self._pause(backoff)
                continue
            except TelegramError as error:
                backoff = _grow(backoff)
                logger.error("getUpdates: %s; retrying in %.1fs", error.message, backoff)
                await self._pause(backoff)
                continue
            backoff = 0.0
            if not updates:
                continue
            # Not cancelled by stop(): in-flight updates finish and their replies are queued.
            try:
                failed = await asyncio.shield(self.dispatcher.process_batch(updates))
            except Exception:  # a bug must not end polling; the batch is fetched again
                logger.exception("processing a batch of %d update(s) failed", len(updates))
                failed = [min(update.update_id for update in updates)]
            if failed:
                self.offset = min(failed)
                backoff = _grow(backoff)
                logger.warning("%d update(s) to retry; pausing %.1fs", len(failed), backoff)
                await self._pause(backoff)
            else:
                self.offset = max(update.update_id for update in updates) + 1

    async def _get_updates(self) -> tuple[Update | Tap, ...]:
        self._fetch = asyncio.ensure_future(self._fetch_updates())
        try:
            return await self._fetch
        finally:
            self._fetch = None

    async def _fetch_updates(self, limit: int | None = None) -> tuple[Update | Tap, ...]:
        """One long poll: what PTB's get_updates sends, waits and returns, and its errors."""
        request = self.request
        if request is None:
            return await self.bot.get_updates(
                offset=self.offset,
                limit=limit,
                timeout=self.timeout,
                allowed_updates=self.allowed_updates,
            )
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
        return tuple(read_update(data, self.bot) for data in result)

    async def _pause(self, seconds: float) -> None:
        """Sleep, but wake up at once for stop()."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def _confirm(self) -> None:
        """Tell Telegram what we processed, so a restart does not fetch it again."""
        if self.offset is None:
            return
        try:
            await self.bot.get_updates(offset=self.offset, timeout=0, limit=1)
        except TelegramError as error:  # harmless: the engine skips repeats
            logger.info("could not confirm processed updates: %s", error.message)


def _grow(backoff: float) -> float:
    """Exponential backoff with jitter, so several bot processes do not retry in lockstep."""
    return min(MAX_BACKOFF, max(1.0, backoff * 2)) * random.uniform(0.8, 1.0)
