"""The Telegram front end: builds the PTB Application, runs polling or the webhook server.

`TelegramBot` is the async API (tests, benchmarks); `run_telegram` is the blocking entry point
used by `python -m bot telegram`.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import re
import secrets
import signal
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ApplicationBuilder, Defaults

from bot.housekeeping import keep_tidy
from bot.reminders import ReminderLoop
from bot.services import open_engine
from bot.settings import Settings
from bot.telegram_http import AiohttpRequest
from bot.telegram_polling import PollingLoop, grow_backoff, process_stored
from bot.telegram_ratelimit import ChatRateLimiter, Limits, use_timedelta_periods
from bot.telegram_send import Delivery, Outbox
from bot.telegram_updates import (
    ALLOWED_UPDATES,
    App,
    Dispatcher,
    UpdateHandlers,
    external_id,
    poll_recorder,
)
from bot.webhook import WebServer
from flows import drawing
from flows.commands import menu_commands
from flows.engine import Engine
from storage.db import Store
from storage.inbox import UpdateInbox

logger = logging.getLogger(__name__)

SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")  # what setMyCommands accepts
# KRINGKOERS_FLOOD_LIMITS=off: windows so wide they never hold a message back (benchmarks
# against a local fake, which has no flood limits; the limiter itself still runs).
NO_FLOOD_LIMITS = Limits(
    overall_max=1_000_000,
    chat_max=1_000_000,
    chat_window=1.0,
    group_max=1_000_000,
    group_window=1.0,
    reserve=0,
)


class TelegramLinks:
    """Links into the bot: deep links carry invite tokens, `start=go` opens the private chat."""

    def __init__(self, username: str) -> None:
        self.username = username

    def invite(self, token: str) -> str:
        """A deep link that sends `/start <token>` when opened."""
        return f"https://t.me/{self.username}?start={token}"

    def private_chat(self) -> str | None:
        """A link to the private chat with the bot."""
        return f"https://t.me/{self.username}?start=go"


def build_application(
    settings: Settings,
    limiter: ChatRateLimiter,
    *,
    connection_pool_size: int = 256,
    updates_request: AiohttpRequest | None = None,
) -> App:
    """The PTB Application: our own update loop (no Updater), our rate limiter, HTML, and our
    aiohttp transport for the Bot API calls (`updates_request` for getUpdates, if given)."""
    if settings.telegram_token is None:
        raise ValueError("KRINGKOERS_TELEGRAM_TOKEN is not set")
    application: App = (
        ApplicationBuilder()
        .token(settings.telegram_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_file_base_url)
        .updater(None)
        .rate_limiter(limiter)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .request(
            # Enough connections that replies to many chats go out side by side, and waiting a
            # little for a free one rather than failing when a burst briefly takes them all.
            AiohttpRequest(
                connection_pool_size=connection_pool_size,
                pool_timeout=30.0,
                connect_timeout=10.0,
                read_timeout=20.0,
                write_timeout=20.0,
                media_write_timeout=60.0,
            )
        )
        .get_updates_request(updates_request or updates_transport())
        .build()
    )
    return application


def updates_transport() -> AiohttpRequest:
    """The transport for getUpdates."""
    # One long poll at a time; PTB adds this read timeout to the long-polling timeout.
    # The other timeouts are PTB's defaults for its own getUpdates client.
    return AiohttpRequest(connection_pool_size=1, read_timeout=10.0)


async def set_command_menu(application: App, engine: Engine) -> None:
    """The command menu in Dutch (also the default for other languages) and English."""
    plans = [(engine.default_language, None), ("nl", "nl"), ("en", "en")]
    for lang, code in plans:
        commands = [
            BotCommand(command, description[:256])
            for command, description in menu_commands(engine.translator, engine.registry, lang)
            if _COMMAND.match(command) and description
        ]
        await application.bot.set_my_commands(commands, language_code=code)


class TelegramBot:
    """The bot over Telegram: start() builds everything and runs it in the background."""

    def __init__(
        self,
        settings: Settings,
        *,
        store: Store | None = None,
        limits: Limits | None = None,
        poll_timeout: int = 30,
        connection_pool_size: int = 256,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        use_timedelta_periods()
        self.settings = settings
        self._clock = clock  # tests move time by hand; None: the real clock
        self._store = store  # given: the caller owns it; None: opened (and closed) here
        if limits is None and settings.flood_limits == "off":
            limits = NO_FLOOD_LIMITS
        self.limiter = ChatRateLimiter(limits)
        self.poll_timeout = poll_timeout
        self.connection_pool_size = connection_pool_size
        self._application: App | None = None
        self._updates_request: AiohttpRequest | None = None
        self._engine: Engine | None = None
        self.outbox = Outbox()
        self.dispatcher: Dispatcher | None = None
        self.polling: PollingLoop | None = None
        self._polling_task: asyncio.Task[None] | None = None
        # Webhook mode: retrying what a polling run left in the inbox, while some of it fails.
        self._leftovers_task: asyncio.Task[None] | None = None
        self.server: WebServer | None = None
        self.webhook_secret: str | None = None
        self._closing = asyncio.Event()
        self._stop_task: asyncio.Future[None] | None = None
        self._housekeeping: asyncio.Task[None] | None = None
        self.reminders: ReminderLoop | None = None
        self._reminder_task: asyncio.Task[None] | None = None
        self._started = False

    @property
    def application(self) -> App:
        """The running PTB Application."""
        if self._application is None:
            raise RuntimeError("TelegramBot.start() was not called")
        return self._application

    @property
    def engine(self) -> Engine:
        """The engine behind the bot."""
        if self._engine is None:
            raise RuntimeError("TelegramBot.start() was not called")
        return self._engine

    @property
    def username(self) -> str:
        """The bot's @username (from getMe)."""
        return str(self.application.bot.username)

    @property
    def port(self) -> int | None:
        """The port of the webhook/health server, if one runs."""
        return self.server.port if self.server is not None else None

    async def start(self) -> None:
        """Connect to Telegram and the database, set the menu, start receiving updates."""
        if self._started:
            return
        self._started = True
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise

    async def _start(self) -> None:
        settings = self.settings
        if settings.mode == "webhook" and not settings.webhook_url:
            raise ValueError("webhook mode needs KRINGKOERS_WEBHOOK_URL")
        self._updates_request = updates_transport()
        self._application = build_application(
            settings,
            self.limiter,
            connection_pool_size=self.connection_pool_size,
            updates_request=self._updates_request,
        )
        # Spawned now, and warmed up in the background while we connect, so the first picture
        # is not slow; it belongs to the process and is stopped by `_serve` (tests share it).
        drawing.start()
        await self._application.initialize()  # getMe: the username the links need
        links = TelegramLinks(self.username)
        if self._store is None:
            self._engine = await open_engine(settings, links)
        else:
            self._engine = Engine(
                self._store,
                default_language=settings.default_language,
                timezone=settings.timezone,
                invite_ttl=timedelta(hours=settings.invite_ttl_hours),
                links=links,
                clock=self._clock,
            )
        bot = self._application.bot
        newest: dict[int, int] = {}  # the newest message of each chat, for both Deliveries
        delivery = Delivery(bot, on_poll=poll_recorder(self._engine), newest=newest)
        handlers = UpdateHandlers(self._engine, self.outbox, delivery, self.username)
        handlers.install(self._application)
        self.dispatcher = Dispatcher(self._application, handlers, activity=self.outbox.activity)
        await self._application.start()
        try:
            await set_command_menu(self._application, self._engine)
        except TelegramError as error:  # a missing menu is no reason not to run
            logger.warning("could not set the command menu: %s", error.message)
        self._housekeeping = asyncio.create_task(keep_tidy(self._engine), name="housekeeping")
        self.reminders = ReminderLoop(
            self._engine,
            self.outbox,
            Delivery(bot, retire_buttons=False, raise_unreachable=True, newest=newest),
            interval=settings.reminder_interval_seconds,
        )
        self._reminder_task = asyncio.create_task(self.reminders.run(), name="reminders")
        if settings.mode == "webhook":
            await self._start_webhook()
        else:
            await self._start_polling()
        logger.info("Telegram bot @%s running (%s)", self.username, settings.mode)

    async def _start_webhook(self) -> None:
        settings = self.settings
        assert settings.webhook_url is not None and self.dispatcher is not None
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        if secret is None:
            secret = secrets.token_urlsafe(32)
            logger.info("no webhook secret configured; using a random one for this run")
        self.webhook_secret = secret
        # What a polling run of this bot left in the inbox (stored, confirmed to Telegram,
        # not yet processed when it stopped) first: no webhook will bring it again, and it
        # is older than anything one brings. Whatever fails is tried again in the background
        # while its chats hold their newer updates back (Telegram delivers those again).
        inbox = self._inbox()
        if not await self._process_leftovers(inbox):
            self._leftovers_task = asyncio.create_task(
                self._retry_leftovers(inbox), name="inbox-leftovers"
            )
        self.server = WebServer(settings.webhook_listen, settings.webhook_port)
        self.server.add_health(self.engine.store)
        path = urlsplit(settings.webhook_url).path or "/"
        self.server.add_webhook(path, self.application.bot, secret, self.dispatcher.process)
        await self.server.start()
        await self.application.bot.set_webhook(
            settings.webhook_url, secret_token=secret, allowed_updates=list(ALLOWED_UPDATES)
        )

    def _inbox(self) -> UpdateInbox:
        """This bot's update inbox (polling stores what it receives there)."""
        return UpdateInbox(self.engine.store, external_id(self.application.bot.id))

    async def _process_leftovers(self, inbox: UpdateInbox) -> bool:
        """Process what the inbox holds; True when all of it went through."""
        assert self.dispatcher is not None
        try:
            failed = await process_stored(inbox, self.dispatcher, self.application.bot)
        except Exception:  # the database (or a bug): tried again later
            logger.exception("processing the updates left in the inbox failed")
            return False
        if failed:
            logger.warning("%d update(s) left in the inbox to retry", len(failed))
        return not failed

    async def _retry_leftovers(self, inbox: UpdateInbox) -> None:
        """Try the inbox's leftovers again, with growing pauses, until all went through."""
        backoff = 0.0
        while True:
            backoff = grow_backoff(backoff)
            await asyncio.sleep(backoff)
            if await self._process_leftovers(inbox):
                return

    async def _start_polling(self) -> None:
        settings = self.settings
        assert self.dispatcher is not None
        await self.application.bot.delete_webhook(drop_pending_updates=False)
        if settings.health_port is not None:
            self.server = WebServer(settings.webhook_listen, settings.health_port)
            self.server.add_health(self.engine.store)
            await self.server.start()
        self.polling = PollingLoop(
            self.application.bot,
            self.dispatcher,
            timeout=self.poll_timeout,
            request=self._updates_request,
            inbox=self._inbox(),
        )
        self._polling_task = self.polling.start()

    async def wait(self) -> None:
        """Until stop() is called, or polling ended by itself (a fatal error, re-raised)."""
        waiters: set[asyncio.Future[Any]] = {asyncio.ensure_future(self._closing.wait())}
        if self._polling_task is not None:
            waiters.add(self._polling_task)
        done, pending = await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            if task is not self._polling_task:
                task.cancel()
        for task in done:
            if task is self._polling_task and not task.cancelled():
                error = task.exception()
                if error is not None:
                    raise error

    async def stop(self) -> None:
        """Stop receiving, finish what is in progress, send what is queued, close."""
        if self._stop_task is None:
            self._stop_task = asyncio.ensure_future(self._stop())
        # Shielded: a second stop() (or a cancelled caller) waits for the same shutdown.
        await asyncio.shield(self._stop_task)

    async def _stop(self) -> None:
        self._closing.set()
        for task in (self._housekeeping, self._reminder_task, self._leftovers_task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self.polling is not None:
            await self.polling.stop()
        if self.server is not None:
            await self.server.stop()  # webhook: requests in progress finish first
        await self.outbox.drain()
        application = self._application
        if application is not None:
            with contextlib.suppress(RuntimeError):
                if application.running:
                    await application.stop()
                await application.shutdown()
        if self._store is None and self._engine is not None:
            await self._engine.store.close()
        logger.info("Telegram bot stopped")


def run_telegram(settings: Settings) -> None:
    """Run the bot until SIGINT or SIGTERM, then shut down gracefully (blocking)."""
    # Work done on other threads (a BEGIN waiting for SQLite's write lock) hands its result
    # back to the event loop: with the default 5 ms switch interval, each hand-over may wait
    # that long for the loop to let go of the GIL.
    sys.setswitchinterval(SWITCH_INTERVAL)
    with asyncio.Runner(loop_factory=event_loop_factory()) as runner:
        runner.run(_serve(settings))


def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop where it is installed, else None (asyncio's own)."""
    # asyncio's selector loop and socket transports are Python code that ran for every Bot API
    # call and update; uvloop's are C on libuv: the benchmark's bot spent about a tenth less
    # CPU per update on it. uvloop does not exist on Windows, where asyncio's loop stays.
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


async def _serve(settings: Settings) -> None:
    bot = TelegramBot(settings)
    requested = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(signum, requested.set)
    await bot.start()
    # What is loaded by now (modules, translations, templates, compiled statements) lives as
    # long as the process: frozen, the cyclic collector no longer walks it on every full
    # collection, which otherwise stalls the event loop longer the more was loaded.
    gc.collect()
    gc.freeze()
    try:
        signalled = asyncio.ensure_future(requested.wait())
        running = asyncio.ensure_future(bot.wait())
        done, pending = await asyncio.wait(
            {signalled, running}, return_when=asyncio.FIRST_COMPLETED
        )
        for task in pending:
            task.cancel()
        if running in done:
            running.result()  # re-raises a fatal polling error
        logger.info("signal received; shutting down")
    finally:
        await bot.stop()
        drawing.stop()
