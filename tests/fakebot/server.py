"""The HTTP side of the fake: an aiohttp server on 127.0.0.1 speaking the Bot API, and the
``FakeTelegram`` object tests hold.

Routes, as python-telegram-bot builds them from ``base_url=f"{fake.base_url}/bot"`` and
``base_file_url=f"{fake.base_url}/file/bot"``:

* ``GET|POST /bot<token>/<method>``: a Bot API call (method names are case-insensitive);
* ``GET /file/bot<token>/<file_path>``: download a file found with getFile.

A malformed token answers 404 "Not Found" and a well-formed wrong one 401 "Unauthorized", as
api.telegram.org does; an unknown method answers 404 "Not Found".
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from tests.fakebot.bot_settings import BotSettings, unauthorized
from tests.fakebot.errors import ApiError
from tests.fakebot.limits import RateLimits, RateViolation
from tests.fakebot.messaging import Handler, Messaging
from tests.fakebot.objects import FakeMessage, FakePoll, Person
from tests.fakebot.params import Params, read_params
from tests.fakebot.people import FakeGroup, FakeUser
from tests.fakebot.records import CallbackAnswer, ChatAction, Described, RecordedRequest
from tests.fakebot.state import World
from tests.fakebot.webhook import WebhookConfig, WebhookDelivery, WebhookPusher

_TOKEN = re.compile(r"\d+:[A-Za-z0-9_-]+")
_NOT_FOUND = ApiError(404, "Not Found")


def _json_response(payload: dict[str, Any], status: int = 200) -> web.Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return web.Response(body=body, status=status, content_type="application/json")


class FakeTelegram:
    """A local Telegram Bot API server with simulated people; see the package docstring."""

    def __init__(
        self,
        token: str = "123456:TEST-token",
        bot_username: str = "kringkoers_test_bot",
        *,
        bot_name: str = "Kringkoers",
        enforce_rate_limits: bool = False,
        rate_limits: RateLimits | None = None,
        strict: bool = False,
        first_update_id: int = 1,
        poll_throttling: bool = True,
        log_successes: bool = True,
        webhook_timeout: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not _TOKEN.fullmatch(token):
            raise ValueError("a bot token looks like '123456:ABC-def'")
        self.world = World(
            token=token,
            bot_username=bot_username,
            bot_name=bot_name,
            strict=strict,
            enforce_rate_limits=enforce_rate_limits,
            rate_limits=rate_limits or RateLimits(),
            first_update_id=first_update_id,
            clock=clock,
            poll_throttling=poll_throttling,
            log_successes=log_successes,
        )
        self._webhook_timeout = webhook_timeout
        self._handlers: dict[str, tuple[str, Handler]] = {}
        settings = BotSettings(self.world, self._start_webhook, self._stop_webhook)
        for name, handler in {**Messaging(self.world).handlers(), **settings.handlers()}.items():
            self._handlers[name.lower()] = (name, handler)
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._base_url: str | None = None

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 at a free port."""
        self.world.poller.closing = False
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # handler_cancellation: a client that gives up on a long poll frees it at once.
        self._runner = web.AppRunner(
            app, handler_cancellation=True, shutdown_timeout=0.5, access_log=None
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self._base_url = f"http://127.0.0.1:{port}"
        self._session = aiohttp.ClientSession()

    async def stop(self) -> None:
        """Stop serving; waiting long polls return empty first."""
        self.world.poller.closing = True
        self.world.signal.notify()
        await self._stop_webhook()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # -- identity ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``; available after start()."""
        if self._base_url is None:
            raise RuntimeError("call start() first")
        return self._base_url

    @property
    def api_url(self) -> str:
        """The ``base_url`` to give python-telegram-bot."""
        return f"{self.base_url}/bot"

    @property
    def file_url(self) -> str:
        """The ``base_file_url`` to give python-telegram-bot."""
        return f"{self.base_url}/file/bot"

    @property
    def token(self) -> str:
        """The bot token this server accepts."""
        return self.world.token

    @property
    def bot_id(self) -> int:
        """The bot's user id (the number before the colon in the token)."""
        return self.world.bot_id

    @property
    def bot_username(self) -> str:
        """The bot's username, without @."""
        return self.world.bot_username

    # -- people and chats -------------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        started: bool = True,
    ) -> FakeUser:
        """A simulated person; ``started=False`` means they never opened the bot's chat."""
        person = Person(user_id, first_name, last_name, username, language_code, started)
        self.world.add_person(person)
        return FakeUser(self.world, person)

    def group(
        self,
        chat_id: int,
        title: str,
        *,
        username: str | None = None,
        kind: str | None = None,
    ) -> FakeGroup:
        """A group the bot is in (ids at or below -10^12 are supergroups unless ``kind`` says)."""
        return FakeGroup(self.world, self.world.add_group(chat_id, title, username, kind))

    def block(self, user: FakeUser) -> None:
        """The person blocks the bot: sends fail with 403; the bot gets a my_chat_member update."""
        if not user.person.blocked:
            user.person.blocked = True
            self.world.member_update(user.person, "member", "kicked")

    def unblock(self, user: FakeUser) -> None:
        """The person unblocks the bot again."""
        if user.person.blocked:
            user.person.blocked = False
            self.world.member_update(user.person, "kicked", "member")

    def messages_in(self, chat_id: int) -> list[FakeMessage]:
        """Every bot message in a chat, deleted ones included, oldest first."""
        chat = self.world.chats.get(chat_id)
        return list(chat.bot_messages) if chat is not None else []

    # -- updates ----------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> int | None:
        """Queue an arbitrary update body (without update_id); returns its new update_id."""
        return self.world.push_update({k: v for k, v in update.items() if k != "update_id"})

    def redeliver(self, update_id: int) -> None:
        """Hand an already delivered update to the bot again, with the same update_id."""
        self.world.queue.redeliver(update_id)

    @property
    def pending_update_count(self) -> int:
        """Updates the bot has not confirmed yet."""
        return len(self.world.queue.pending) + len(self.world.queue.redeliveries)

    @property
    def long_poll_active(self) -> bool:
        """Whether a getUpdates call is waiting right now."""
        return self.world.poller.waiting

    async def wait_until(
        self,
        condition: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 - a deadline, not a cancellation scope
    ) -> None:
        """Wait (without polling) until ``condition()`` holds; TimeoutError otherwise."""
        if not await self.world.signal.wait_until(condition, timeout):
            raise TimeoutError(f"condition still false after {timeout}s")

    # -- failures ---------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        retry_after: int = 1,
        times: int = 1,
        status: int = 429,
        description: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an error (429 by default)."""
        self.world.faults.add(
            method, status=status, retry_after=retry_after, times=times, description=description
        )

    # -- what happened ----------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every Bot API call: method, params, HTTP status (and description when it failed).

        With ``log_successes=False`` (for long benchmarks) only failed calls are kept.
        """
        return self.world.requests

    def calls(self, method: str) -> list[RecordedRequest]:
        """The recorded calls of one method."""
        return [r for r in self.world.requests if r.method == method]

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        """answerCallbackQuery calls that succeeded."""
        return self.world.callback_answers

    @property
    def rate_violations(self) -> list[RateViolation]:
        """Messages that went over Telegram's flood limits."""
        return self.world.rate_violations

    @property
    def chat_actions(self) -> list[ChatAction]:
        """sendChatAction calls that succeeded."""
        return self.world.chat_actions

    @property
    def webhook_deliveries(self) -> list[WebhookDelivery]:
        """Every attempt to POST an update to the webhook, with the status it got."""
        return self.world.webhook_deliveries

    @property
    def webhook(self) -> WebhookConfig | None:
        """The webhook set with setWebhook, if any."""
        return self.world.webhook

    @property
    def polls(self) -> dict[str, FakePoll]:
        """Polls the bot sent, by poll id."""
        return self.world.polls

    def commands(
        self, *, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The commands set for a scope (default: the default scope) and language."""
        key = "default"
        if scope is not None:
            kind = str(scope["type"])
            key = kind
            if "chat_id" in scope:
                key += f":{scope['chat_id']}"
            if "user_id" in scope:
                key += f":{scope['user_id']}"
        return list(self.world.commands.get((key, language_code), []))

    # -- HTTP -------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return self._download(path[len("/file/bot") :])
        if not path.startswith("/bot"):
            return _json_response(_NOT_FOUND.payload(), 404)
        token, _, method = path[len("/bot") :].partition("/")
        try:
            params = await read_params(request)
        except ApiError as unreadable:
            return _json_response(unreadable.payload(), unreadable.status)
        if not _TOKEN.fullmatch(token) or not method:
            self.world.log(method, params, 404, _NOT_FOUND)
            return _json_response(_NOT_FOUND.payload(), 404)
        if token != self.world.token or self.world.logged_out:
            refusal = unauthorized()
            self.world.log(method, params, refusal.status, refusal)
            return _json_response(refusal.payload(), refusal.status)
        payload, status = await self._execute(method, params)
        return _json_response(payload, status)

    async def _execute(self, method: str, params: Params) -> tuple[dict[str, Any], int]:
        """Run one Bot API method: (response body, HTTP status). Logged in ``requests``."""
        entry = self._handlers.get(method.lower())
        if entry is None:
            self.world.log(method, params, 404, _NOT_FOUND)
            return _NOT_FOUND.payload(), 404
        name, handler = entry
        error = self.world.faults.take(name)
        if error is None:
            try:
                result = await handler(params)
            except ApiError as failure:
                error = failure
        if error is not None:
            self.world.log(name, params, error.status, error)
            return error.payload(), error.status
        self.world.log(name, params, 200, None)
        if isinstance(result, Described):
            return {"ok": True, "result": result.result, "description": result.description}, 200
        return {"ok": True, "result": result}, 200

    def _download(self, rest: str) -> web.StreamResponse:
        token, _, file_path = rest.partition("/")
        stored = self.world.files_by_path.get(file_path)
        if token != self.world.token or stored is None:
            return _json_response(_NOT_FOUND.payload(), 404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )

    # -- webhook plumbing -------------------------------------------------------------------

    async def _start_webhook(self, config: WebhookConfig) -> None:
        if self._session is None:
            raise RuntimeError("the fake is not running")
        pusher = WebhookPusher(
            self.world.queue,
            config,
            self._session,
            self.world.webhook_deliveries.append,
            self._webhook_reply,
            self._webhook_timeout,
        )
        self.world.pusher = pusher
        pusher.start()

    async def _stop_webhook(self) -> None:
        pusher = self.world.pusher
        self.world.pusher = None
        if pusher is not None:
            await pusher.stop()

    async def _webhook_reply(self, reply: dict[str, Any]) -> None:
        """A Bot API call in a webhook's answer runs like a request (its result is dropped)."""
        method = str(reply["method"])
        await self._execute(method, Params({k: v for k, v in reply.items() if k != "method"}))
