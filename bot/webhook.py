"""The HTTP side: Telegram's webhook (answered only after processing) and GET /health."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from sqlalchemy import text
from telegram import Bot, Update

from bot.telegram_taps import Tap
from bot.telegram_updates import read_update
from storage.db import Store

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_TIMEOUT = 5.0

ProcessUpdate = Callable[[Update | Tap], Awaitable[bool]]


def health_handler(store: Store) -> Callable[[web.Request], Awaitable[web.Response]]:
    """GET /health: 200 when a trivial query succeeds, 503 when the database fails."""

    async def health(_: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT), store.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as error:  # any failure means "not healthy"
            logger.warning("health check: database failed: %r", error)
            return web.json_response({"status": "error"}, status=503)
        return web.json_response({"status": "ok"})

    return health


def webhook_handler(
    bot: Bot, secret: str, process: ProcessUpdate
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """POST from Telegram: check the secret, process, then answer (500 asks for redelivery)."""
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            logger.warning(
                "webhook: request with a wrong or missing secret from %s", request.remote
            )
            return web.Response(status=403)
        try:
            data = await request.json()
            update = read_update(data, bot)
        except (json.JSONDecodeError, UnicodeDecodeError, TypeError, KeyError, ValueError):
            logger.warning("webhook: body is not an update")
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        try:
            processed = await process(update)
        except Exception:
            logger.exception("webhook: update %s failed", update.update_id)
            processed = False
        return web.Response(status=200 if processed else 500)

    return receive


class WebServer:
    """An aiohttp server with /health and, in webhook mode, the webhook path."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.requested_port = port
        self.app = web.Application()
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None

    def add_health(self, store: Store) -> None:
        """Serve GET /health."""
        self.app.router.add_get("/health", health_handler(store))

    def add_webhook(self, path: str, bot: Bot, secret: str, process: ProcessUpdate) -> None:
        """Serve Telegram's POSTs at `path`."""
        self.app.router.add_post(path, webhook_handler(bot, secret, process))

    async def start(self) -> None:
        """Listen."""
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=30.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self.requested_port)
        await self._site.start()
        logger.info("listening on %s:%s", self.host, self.port)

    @property
    def port(self) -> int:
        """The port actually listened on (useful when asked for port 0)."""
        if self._runner is not None:
            for address in self._runner.addresses:
                if isinstance(address, tuple):
                    return int(address[1])
        return self.requested_port

    async def stop(self) -> None:
        """Stop accepting requests and let the ones in progress finish."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
