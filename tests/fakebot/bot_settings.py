"""Bot API methods about the bot itself: getMe, updates and webhooks, commands, getChat, logOut."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from tests.fakebot.errors import ApiError, bad_request, too_many_requests
from tests.fakebot.links import LinkError, parse_url
from tests.fakebot.params import Params
from tests.fakebot.records import Described
from tests.fakebot.state import World
from tests.fakebot.webhook import WebhookConfig

Handler = Callable[[Params], Awaitable[Any]]

MAX_COMMANDS = 100
COMMAND_MAX = 32
DESCRIPTION_MAX = 256
SECRET_TOKEN_MAX = 256
_COMMAND = re.compile(r"[a-z0-9_]+")
_SECRET = re.compile(r"[A-Za-z0-9_-]*")
_SCOPES = frozenset({"default", "all_private_chats", "all_group_chats", "all_chat_administrators"})


class BotSettings:
    """getMe, getUpdates, webhooks, bot commands, getChat, close and logOut."""

    def __init__(
        self,
        world: World,
        start_webhook: Callable[[WebhookConfig], Awaitable[None]],
        stop_webhook: Callable[[], Awaitable[None]],
    ) -> None:
        self.world = world
        self._start_webhook = start_webhook
        self._stop_webhook = stop_webhook
        self._next_set_webhook_at = 0.0

    def handlers(self) -> dict[str, Handler]:
        """Bot API method name -> implementation."""
        return {
            "getMe": self.get_me,
            "getUpdates": self.world.poller.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "getChat": self.get_chat,
            "close": self.close,
            "logOut": self.log_out,
        }

    async def get_me(self, params: Params) -> dict[str, Any]:
        """getMe."""
        me = self.world.bot_user()
        me.update(
            {
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )
        return me

    # -- webhooks ---------------------------------------------------------------------------

    async def set_webhook(self, params: Params) -> Described:
        """setWebhook (an empty url deletes the webhook).

        Unlike Telegram the fake accepts plain http and any port, because test receivers run
        on 127.0.0.1; everything else follows telegram-bot-api, including "at most one
        setWebhook per second" (429).
        """
        url = params.text("url")
        if not url:
            return await self.delete_webhook(params)
        now = self.world.clock()
        if now < self._next_set_webhook_at:
            raise too_many_requests(1)
        self._next_set_webhook_at = now + 1.0
        if params.boolean("drop_pending_updates"):
            self.world.queue.clear()
        try:
            parse_url(url)
        except LinkError as error:
            raise bad_request("invalid webhook URL specified") from error
        secret = params.text("secret_token")
        if len(secret) > SECRET_TOKEN_MAX:
            raise bad_request("secret token is too long")
        if not _SECRET.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        max_connections = min(max(params.integer("max_connections", 40), 1), 100)
        config = WebhookConfig(
            url=url,
            secret_token=secret,
            max_connections=max_connections,
            ip_address=params.text("ip_address") or None,
        )
        current = self.world.webhook
        allowed = params.json("allowed_updates", "Can't parse allowed updates")
        if current is not None and (current.url, current.secret_token, current.max_connections) == (
            config.url,
            config.secret_token,
            config.max_connections,
        ):
            self.world.queue.set_allowed(allowed)
            return Described(True, "Webhook is already set")
        self.world.poller.abort("terminated by setWebhook request")
        self.world.queue.set_allowed(allowed)
        await self._stop_webhook()
        self.world.webhook = config
        await self._start_webhook(config)
        return Described(True, "Webhook was set")

    async def delete_webhook(self, params: Params) -> Described:
        """deleteWebhook."""
        if params.boolean("drop_pending_updates"):
            self.world.queue.clear()
        if self.world.webhook is None:
            return Described(True, "Webhook is already deleted")
        await self._stop_webhook()
        self.world.webhook = None
        return Described(True, "Webhook was deleted")

    async def get_webhook_info(self, params: Params) -> dict[str, Any]:
        """getWebhookInfo."""
        pending = len(self.world.queue.pending)
        if self.world.webhook is None:
            return {"url": "", "has_custom_certificate": False, "pending_update_count": pending}
        return self.world.webhook.info(pending, self.world.queue.allowed)

    # -- commands ---------------------------------------------------------------------------

    def _scope_key(self, params: Params) -> str:
        scope = params.json("scope", "Can't parse BotCommandScope JSON object")
        if scope is None:
            return "default"
        if not isinstance(scope, dict):
            raise bad_request("Can't parse BotCommandScope: BotCommandScope must be an Object")
        kind = scope.get("type")
        if not isinstance(kind, str):
            raise bad_request("Can't parse BotCommandScope: Can't find field \"type\"")
        if kind in _SCOPES:
            return kind
        if kind not in ("chat", "chat_administrators", "chat_member"):
            raise bad_request("Can't parse BotCommandScope: Unsupported type specified")
        if scope.get("chat_id") in (None, ""):
            raise bad_request("Can't parse BotCommandScope: Empty chat_id specified")
        chat = self.world.find_chat(Params({"chat_id": scope["chat_id"]}))
        if kind == "chat":
            return f"chat:{chat.id}"
        if not chat.is_group:
            raise bad_request("Can't use specified scope in private chats")
        if kind == "chat_administrators":
            return f"chat_administrators:{chat.id}"
        user_id = scope.get("user_id")
        if not isinstance(user_id, int) or user_id <= 0:
            raise bad_request("Can't parse BotCommandScope: Invalid user_id specified")
        return f"chat_member:{chat.id}:{user_id}"

    @staticmethod
    def _language(params: Params) -> str:
        language = params.text("language_code")
        if language and not (len(language) == 2 and language.isascii() and language.islower()):
            raise bad_request("Invalid language code specified")
        return language

    @staticmethod
    def _commands(params: Params) -> list[dict[str, str]]:
        raw = params.json("commands", "Can't parse commands JSON object")
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise bad_request("Expected an Array of BotCommand")
        commands: list[dict[str, str]] = []
        for item in raw:
            if not isinstance(item, dict):
                raise bad_request("Can't parse BotCommand: expected an Object")
            for field in ("command", "description"):
                if field not in item:
                    raise bad_request(f"Can't parse BotCommand: Can't find field \"{field}\"")
                if not isinstance(item[field], str):
                    raise bad_request(
                        f'Can\'t parse BotCommand: Field "{field}" must be of type String'
                    )
            commands.append({"command": item["command"], "description": item["description"]})
        return commands

    async def set_my_commands(self, params: Params) -> bool:
        """setMyCommands: TDLib's checks, then the server's (count and allowed characters)."""
        commands = self._commands(params)
        key = self._scope_key(params)
        language = self._language(params)
        cleaned: list[dict[str, str]] = []
        for item in commands:
            command = item["command"].strip().removeprefix("/")
            if not command:
                raise bad_request("Command must be non-empty")
            if len(command) > COMMAND_MAX:
                raise bad_request(f"Command length must not exceed {COMMAND_MAX}")
            description = item["description"].strip()
            if not description:
                raise bad_request("Command description must be non-empty")
            if len(description) > DESCRIPTION_MAX:
                raise bad_request(f"Command description length must not exceed {DESCRIPTION_MAX}")
            cleaned.append({"command": command, "description": description})
        if len(cleaned) > MAX_COMMANDS:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        if any(not _COMMAND.fullmatch(item["command"]) for item in cleaned):
            raise bad_request("BOT_COMMAND_INVALID")
        if cleaned:
            self.world.commands[(key, language)] = cleaned
        else:
            self.world.commands.pop((key, language), None)
        return True

    async def get_my_commands(self, params: Params) -> list[dict[str, str]]:
        """getMyCommands: exactly the list for that scope and language, no fallback."""
        key = self._scope_key(params)
        language = self._language(params)
        return [dict(item) for item in self.world.commands.get((key, language), [])]

    async def delete_my_commands(self, params: Params) -> bool:
        """deleteMyCommands."""
        key = self._scope_key(params)
        language = self._language(params)
        self.world.commands.pop((key, language), None)
        return True

    # -- the rest ---------------------------------------------------------------------------

    async def get_chat(self, params: Params) -> dict[str, Any]:
        """getChat."""
        return self.world.find_chat(params).full_info()

    async def close(self, params: Params) -> bool:
        """close: accepted (the fake has no instance to move to another server)."""
        return True

    async def log_out(self, params: Params) -> bool:
        """logOut: afterwards every request is answered 401 Unauthorized."""
        self.world.logged_out = True
        await self._stop_webhook()
        self.world.webhook = None
        return True


def unauthorized() -> ApiError:
    """The answer to a wrong token or a logged-out bot."""
    return ApiError(401, "Unauthorized")
