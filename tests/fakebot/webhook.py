"""Webhook mode: the fake POSTs each update as JSON to the bot's URL, like Telegram.

Every update goes out with ``Content-Type: application/json`` and, when a secret token was set,
``X-Telegram-Bot-Api-Secret-Token``. A 2xx answer confirms the update; its body may carry a
Bot API call (``{"method": "sendMessage", ...}``), which is executed like Telegram does for
webhook replies. Anything else is recorded as the webhook's last error and the same update is
retried after a short, growing pause (Telegram waits longer), so order is kept. Updates go
out one at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from tests.fakebot.updates import QueuedUpdate, UpdateQueue

RETRY_FIRST = 0.05
RETRY_MAX = 2.0


@dataclass(slots=True)
class WebhookConfig:
    """The webhook set with setWebhook."""

    url: str
    secret_token: str = ""
    max_connections: int = 40
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None

    def info(self, pending: int, allowed: frozenset[str]) -> dict[str, Any]:
        """The WebhookInfo object."""
        data: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": pending,
            "max_connections": self.max_connections,
            "allowed_updates": sorted(allowed),
        }
        if self.ip_address:
            data["ip_address"] = self.ip_address
        if self.last_error_date is not None:
            data["last_error_date"] = self.last_error_date
            data["last_error_message"] = self.last_error_message or ""
        return data


@dataclass(frozen=True, slots=True)
class WebhookDelivery:
    """One attempt to deliver an update: the HTTP status the bot answered, or the error."""

    update_id: int
    url: str
    status: int | None
    error: str | None
    at: float


class WebhookPusher:
    """Delivers queued updates to one webhook URL until stopped."""

    def __init__(
        self,
        queue: UpdateQueue,
        config: WebhookConfig,
        session: aiohttp.ClientSession,
        record: Callable[[WebhookDelivery], None],
        on_reply: Callable[[dict[str, Any]], Awaitable[None]],
        timeout: float = 10.0,
    ) -> None:
        self.queue = queue
        self.config = config
        self._session = session
        self._record = record
        self._on_reply = on_reply
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._stopped = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin delivering in the background."""
        self._task = asyncio.create_task(self._run(), name=f"webhook {self.config.url}")

    async def stop(self) -> None:
        """Stop delivering; an update being posted is left unconfirmed."""
        self._stopped = True
        self.queue.signal.notify()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        failures = 0
        while not self._stopped:
            await self.queue.signal.wait_until(lambda: self._stopped or self.queue.has_any(), None)
            queued = self.queue.take_next()
            if self._stopped or queued is None:
                continue
            if await self._post(queued):
                failures = 0
                self.queue.delivered(queued)
                self.queue.signal.notify()  # tests may wait for the queue to drain
                continue
            failures += 1
            pause = min(RETRY_FIRST * 2 ** (failures - 1), RETRY_MAX)
            await self.queue.signal.wait_until(lambda: self._stopped, pause)

    async def _post(self, queued: QueuedUpdate) -> bool:
        headers = {"Content-Type": "application/json"}
        if self.config.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.config.secret_token
        body = json.dumps(queued.payload, ensure_ascii=False, separators=(",", ":")).encode()
        status: int | None = None
        error: str | None = None
        reply: Any = None
        try:
            async with self._session.post(
                self.config.url, data=body, headers=headers, timeout=self._timeout
            ) as response:
                status = response.status
                if 200 <= status < 300:
                    if response.content_type == "application/json":
                        with contextlib.suppress(ValueError, aiohttp.ContentTypeError):
                            reply = await response.json()
                else:
                    error = f"Wrong response from the webhook: {status} {response.reason or ''}"
        except TimeoutError:
            error = "Read timeout expired"
        except aiohttp.ClientConnectorError:
            error = "Connection refused"
        except aiohttp.ClientError as failure:
            error = f"Connection error: {failure}"
        self._record(WebhookDelivery(queued.update_id, self.config.url, status, error, time.time()))
        if error is not None:
            self.config.last_error_date = int(time.time())
            self.config.last_error_message = error.strip()
            return False
        if isinstance(reply, dict) and isinstance(reply.get("method"), str):
            await self._on_reply(reply)
        return True
