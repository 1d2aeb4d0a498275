"""Everything the fake Telegram knows: the bot, people, chats, messages, updates and logs."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from tests.fakebot.errors import ApiError, bad_request, too_many_requests
from tests.fakebot.limits import FaultPlan, RateLimiter, RateLimits, RateViolation
from tests.fakebot.objects import ChatState, FakeMessage, FakePoll, Person, StoredFile
from tests.fakebot.params import Params
from tests.fakebot.records import (
    CallbackAnswer,
    CallbackQueryState,
    ChatAction,
    RecordedRequest,
)
from tests.fakebot.text_rules import LengthUnit
from tests.fakebot.updates import LongPoller, Signal, UpdateQueue
from tests.fakebot.webhook import WebhookConfig, WebhookDelivery, WebhookPusher


class World:
    """The fake's state, shared by the HTTP methods and the test-facing people and groups."""

    def __init__(
        self,
        *,
        token: str,
        bot_username: str,
        bot_name: str,
        strict: bool,
        enforce_rate_limits: bool,
        rate_limits: RateLimits,
        first_update_id: int,
        clock: Callable[[], float],
        poll_throttling: bool = True,
        log_successes: bool = True,
    ) -> None:
        self.token = token
        self.log_successes = log_successes
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_username = bot_username
        self.bot_name = bot_name
        self.strict = strict
        self.length_unit = LengthUnit.UTF16 if strict else LengthUnit.CODEPOINTS
        self.enforce_rate_limits = enforce_rate_limits
        self.clock = clock

        self.signal = Signal()
        self.queue = UpdateQueue(self.signal, first_update_id)
        self.poller = LongPoller(
            self.queue, lambda: self.webhook is not None, clock, throttling=poll_throttling
        )
        self.limiter = RateLimiter(rate_limits, clock)
        self.faults = FaultPlan()

        self.people: dict[int, Person] = {}
        self.chats: dict[int, ChatState] = {}
        self.polls: dict[str, FakePoll] = {}
        self.callback_queries: dict[str, CallbackQueryState] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.webhook: WebhookConfig | None = None
        self.pusher: WebhookPusher | None = None
        self.logged_out = False

        self.requests: list[RecordedRequest] = []
        self.callback_answers: list[CallbackAnswer] = []
        self.rate_violations: list[RateViolation] = []
        self.chat_actions: list[ChatAction] = []
        self.webhook_deliveries: list[WebhookDelivery] = []
        self._ids = itertools.count(1)

    # -- identity ---------------------------------------------------------------------------

    def bot_user(self) -> dict[str, Any]:
        """The bot as a User object (in messages it sends)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_name,
            "username": self.bot_username,
        }

    def next_number(self) -> int:
        """A fresh number for ids of callback queries, files and polls."""
        return next(self._ids)

    @staticmethod
    def now() -> int:
        """Unix time, as in Telegram's ``date`` fields."""
        return int(time.time())

    # -- chats ------------------------------------------------------------------------------

    def add_person(self, person: Person) -> ChatState:
        """Register a person and their private chat with the bot."""
        if person.id <= 0:
            raise ValueError("user ids are positive")
        if person.id in self.chats:
            raise ValueError(f"there already is a chat with id {person.id}")
        self.people[person.id] = person
        chat = self.chats[person.id] = ChatState(person.id, "private", person=person)
        return chat

    def add_group(
        self, chat_id: int, title: str, username: str | None, kind: str | None
    ) -> ChatState:
        """Register a group (ids below -10^12 are supergroups, as on Telegram)."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        if chat_id in self.chats:
            raise ValueError(f"there already is a chat with id {chat_id}")
        if kind is None:
            kind = "supergroup" if chat_id <= -1_000_000_000_000 else "group"
        chat = ChatState(chat_id, kind, title=title, username=username)
        self.chats[chat_id] = chat
        return chat

    def find_chat(self, params: Params, name: str = "chat_id") -> ChatState:
        """The chat a parameter names, or 400 "chat not found" like Telegram."""
        if not params.has(name):
            raise bad_request(f"{name} is empty")
        raw = params.text(name).strip()
        chat: ChatState | None = None
        if raw.startswith("@"):
            wanted = raw[1:].lower()
            chat = next(
                (c for c in self.chats.values() if c.username and c.username.lower() == wanted),
                None,
            )
        else:
            try:
                chat = self.chats.get(int(raw))
            except ValueError:
                chat = None
        if chat is None:
            raise bad_request("chat not found")
        return chat

    # -- messages ---------------------------------------------------------------------------

    def message_dict(self, message: FakeMessage) -> dict[str, Any]:
        """A stored message as a Bot API Message object."""
        return message.to_dict(self.chats[message.chat_id].to_dict())

    def store(self, chat: ChatState, message: FakeMessage) -> FakeMessage:
        """Keep a new message and wake whoever waits for it."""
        chat.messages[message.message_id] = message
        if message.from_bot:
            chat.bot_messages.append(message)
        self.signal.notify()
        return message

    def admit_message(self, method: str, chat: ChatState) -> None:
        """Apply flood limits to a new message: record violations, maybe answer 429."""
        broken = self.limiter.check(chat.id, chat.is_group)
        if broken:
            at = time.time()
            for kind, _ in broken:
                self.rate_violations.append(RateViolation(method, chat.id, kind, at))
            if self.enforce_rate_limits:
                raise too_many_requests(max(wait for _, wait in broken))
        self.limiter.record(chat.id, chat.is_group)

    def push_update(self, body: dict[str, Any]) -> int | None:
        """Queue an update for the bot; None if its type is not in allowed_updates."""
        return self.queue.push(body)

    def member_update(self, person: Person, old: str, new: str) -> None:
        """A my_chat_member update for the bot in a person's private chat."""
        bot = self.bot_user()
        new_member: dict[str, Any] = {"status": new, "user": bot}
        if new == "kicked":
            new_member["until_date"] = 0
        self.push_update(
            {
                "my_chat_member": {
                    "chat": self.chats[person.id].to_dict(),
                    "from": person.to_dict(),
                    "date": self.now(),
                    "old_chat_member": {"status": old, "user": bot},
                    "new_chat_member": new_member,
                }
            }
        )

    def log(self, method: str, params: Params, status: int, error: ApiError | None) -> None:
        """Append to the request log (successes only if ``log_successes``: benchmarks)."""
        if error is None and not self.log_successes:
            return
        self.requests.append(
            RecordedRequest(
                method,
                params.loggable(),
                status,
                None if error is None else error.description,
                time.time(),
            )
        )
