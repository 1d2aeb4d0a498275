"""The real Telegram front end against the fake Bot API: a bot that can be restarted, and phones.

`Harness` runs `TelegramBot` (the real python-telegram-bot Application, our polling loop or
webhook server) against `FakeTelegram` over HTTP. `Phone` wraps a simulated person: `say` and
`press` act like a thumb on a phone and return once the bot has processed everything and sent
its replies.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.settings import Settings
from bot.telegram_app import TelegramBot
from bot.telegram_ratelimit import Limits
from storage.db import Store
from tests.fakebot import FakeGroup, FakeMessage, FakeTelegram, FakeUser

SETTLE_TIMEOUT = 20.0
# Scripted thumbs tap far faster than people: roomy windows keep tests quick. The flood-limit
# test runs the real defaults against a fake that refuses what Telegram would.
QUICK = Limits(chat_max=1000, chat_window=1.0, group_max=1000, group_window=1.0)


class Harness:
    """A fake Telegram plus our bot on a given database, which tests stop and start again."""

    def __init__(self, fake: FakeTelegram, store: Store) -> None:
        self.fake = fake
        self.store = store
        self.bot: TelegramBot | None = None
        self.mode = "polling"

    def settings(self, **overrides: Any) -> Settings:
        """Settings pointing at the fake (no .env file is read)."""
        values: dict[str, Any] = {
            "telegram_token": self.fake.token,
            "telegram_base_url": self.fake.api_url,
            "telegram_file_base_url": self.fake.file_url,
            "database_url": "sqlite+aiosqlite:///unused.db",  # the store is passed in
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    async def start_bot(
        self,
        *,
        limits: Limits | None = None,
        clock: Callable[[], datetime] | None = None,
        **overrides: Any,
    ) -> TelegramBot:
        """Start the bot (polling unless `mode="webhook"` is given), on `clock` if given."""
        settings = self.settings(**overrides)
        self.mode = settings.mode
        self.bot = TelegramBot(
            settings, store=self.store, limits=limits or QUICK, poll_timeout=5, clock=clock
        )
        await self.bot.start()
        return self.bot

    async def stop_bot(self) -> None:
        """Stop the bot gracefully (what a deploy or SIGTERM does)."""
        if self.bot is not None:
            await self.bot.stop()
            self.bot = None

    def idle(self) -> bool:
        """Nothing waits at the fake and the bot has nothing in hand or queued."""
        bot = self.bot
        if bot is None or self.fake.pending_update_count or bot.outbox.busy:
            return False
        if self.mode == "polling":
            # Asking again, with every batch received processed.
            return self.fake.long_poll_active and not (bot.polling is not None and bot.polling.busy)
        return True

    async def settle(self, timeout: float = SETTLE_TIMEOUT) -> None:  # noqa: ASYNC109
        """Wait until the bot has processed every update and sent every reply."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        calm = 0
        while calm < 3:  # idle on three checks in a row: no work between two looks
            if loop.time() > deadline:
                raise TimeoutError(f"the bot did not settle within {timeout}s")
            calm = calm + 1 if self.idle() else 0
            await asyncio.sleep(0.01)

    def phone(self, user_id: int, name: str, language: str | None = "nl") -> Phone:
        """A person with Telegram on their phone."""
        return Phone(self, self.fake.user(user_id, name, language_code=language))

    def last_update_id(self) -> int:
        """The id of the newest update the fake made."""
        return max(self.fake.world.queue.history)


class Phone:
    """A simulated person who types and taps, then waits for the bot to finish answering."""

    def __init__(self, harness: Harness, user: FakeUser) -> None:
        self.harness = harness
        self.user = user
        self._seen = 0  # bot messages in the chat at the last action
        self._versions: dict[int, int] = {}  # message id -> edits it had at the last action

    @property
    def id(self) -> int:
        """The Telegram user id (also the private chat's id)."""
        return self.user.id

    async def say(self, text: str, *, group: FakeGroup | None = None) -> None:
        """Send a message and wait for the bot to settle."""
        self.mark()
        await self.user.send(text, chat=group)
        await self.harness.settle()

    async def press(self, label: str, *, group: FakeGroup | None = None) -> None:
        """Tap the newest button whose label contains `label` (case-insensitive)."""
        self.mark()
        await self.user.press(self.find_label(label, group=group), chat=group)
        await self.harness.settle()

    def find_label(self, part: str, *, group: FakeGroup | None = None) -> str:
        """The exact label of the newest button containing `part`."""
        messages = group.messages if group is not None else self.user.messages
        for message in reversed(messages):
            for row in message.buttons:
                for label in row:
                    if part.casefold() in label.casefold():
                        return label
        shown = [m.buttons for m in messages if m.buttons][-2:]
        raise AssertionError(f"no button with {part!r}; latest keyboards: {shown}")

    def mark(self) -> None:
        """Start a new "since the last action" for `new` and `text`."""
        self._seen = len(self.user.chat.bot_messages)
        self._versions = {m.message_id: len(m.history) for m in self.user.chat.bot_messages}

    @property
    def new(self) -> list[FakeMessage]:
        """Bot messages sent or edited since this person's last action."""
        messages = self.user.chat.bot_messages
        edited = [
            m
            for m in messages[: self._seen]
            if len(m.history) != self._versions.get(m.message_id, 0) and not m.deleted
        ]
        return edited + [m for m in messages[self._seen :] if not m.deleted]

    @property
    def text(self) -> str:
        """What the person reads in the messages that are new since their last action."""
        return "\n".join(m.text for m in self.new)

    @property
    def screen(self) -> str:
        """The newest bot message."""
        return self.user.last_message.text


def summary_parts(messages: list[FakeMessage], marker: str) -> list[FakeMessage]:
    """The consecutive messages starting with the one that contains `marker`."""
    for index, message in enumerate(messages):
        if marker in message.text:
            return messages[index:]
    raise AssertionError(f"no message with {marker!r}")


def invite_token(text: str) -> str:
    """The deep-link payload in an invite message."""
    match = re.search(r"\?start=([A-Za-z0-9_-]+)", text)
    assert match, text
    return match.group(1)


async def eventually(condition: Callable[[], bool], timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Wait for a condition that something in the background makes true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("condition still false")
        await asyncio.sleep(0.01)


def assert_nothing_refused(fake: FakeTelegram, *, tolerated: tuple[int, ...] = (429,)) -> None:
    """Telegram would have accepted every call, and every tapped button got its answer."""
    refused = [r for r in fake.requests if r.status >= 400 and r.status not in tolerated]
    assert not refused, f"Telegram would have refused: {refused}"
    unanswered = [q.data for q in fake.world.callback_queries.values() if not q.answered]
    assert not unanswered, f"callback queries left spinning: {unanswered}"


async def new_team(
    an: Phone,
    team: str = "Gent Circulair",
    project: str = "Strategie 2030",
    track: str = "Circulaire strategie",
) -> None:
    """An creates a team with a project (a strategy unless `track` names the pilot button)."""
    await an.say("/start")
    await an.say("/nieuwteam")
    await an.say(team)
    await an.say(project)
    await an.press(track)
    assert f"Team {team} is aangemaakt" in an.text, an.text


async def join(an: Phone, other: Phone) -> None:
    """An invites; the other opens the deep link (which sends /start <token>)."""
    await an.say("/uitnodigen")
    await other.say(f"/start {invite_token(an.text)}")
    assert "Welkom in team" in other.text, other.text
