"""Simulated people and groups that talk to the bot, as a test drives them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tests.fakebot.objects import ChatState, FakeMessage, Person
from tests.fakebot.records import CallbackQueryState
from tests.fakebot.state import World
from tests.fakebot.text_rules import find_entities


class FakeGroup:
    """A group or supergroup the bot is a member of."""

    def __init__(self, world: World, chat: ChatState) -> None:
        self._world = world
        self.chat = chat

    @property
    def id(self) -> int:
        """The chat id (negative)."""
        return self.chat.id

    @property
    def title(self) -> str:
        """The group's title."""
        return self.chat.title or ""

    @property
    def type(self) -> str:
        """The chat type: "group" or "supergroup"."""
        return self.chat.type

    def add(self, *users: FakeUser) -> FakeGroup:
        """Make people members, so they can write in the group."""
        for user in users:
            self.chat.members.add(user.id)
        return self

    def make_bot_admin(self, admin: bool = True) -> FakeGroup:
        """Let the bot delete other people's messages here."""
        self.chat.bot_is_admin = admin
        return self

    def as_dict(self) -> dict[str, Any]:
        """The Chat object."""
        return self.chat.to_dict()

    @property
    def messages(self) -> list[FakeMessage]:
        """The bot's messages in this group that were not deleted, oldest first."""
        return self.chat.visible_bot_messages()

    @property
    def last_message(self) -> FakeMessage:
        """The bot's newest message here; LookupError if there is none."""
        return _last(self.chat)


class FakeUser:
    """A person with a private chat with the bot; they type, press buttons and vote."""

    def __init__(self, world: World, person: Person) -> None:
        self._world = world
        self.person = person
        self._marks: dict[int, int] = {}  # chat id -> bot messages seen at the last action

    @property
    def id(self) -> int:
        """The user id, which is also the private chat's id."""
        return self.person.id

    @property
    def first_name(self) -> str:
        """The user's first name."""
        return self.person.first_name

    @property
    def language_code(self) -> str | None:
        """The IETF language tag Telegram reports for this user."""
        return self.person.language_code

    @property
    def blocked(self) -> bool:
        """Whether this person has blocked the bot."""
        return self.person.blocked

    @property
    def chat(self) -> ChatState:
        """The private chat with the bot."""
        return self._world.chats[self.person.id]

    def as_dict(self) -> dict[str, Any]:
        """The User object."""
        return self.person.to_dict()

    def _chat_for(self, group: FakeGroup | None) -> ChatState:
        if group is None:
            return self.chat
        if self.id not in group.chat.members:
            raise ValueError(f"user {self.id} is not a member of {group.title!r}; use group.add()")
        return group.chat

    def _acted(self, chat: ChatState) -> None:
        """Remember how many bot messages this person had seen when they last did something."""
        self._marks[chat.id] = len(chat.bot_messages)

    async def send(
        self, text: str, *, chat: FakeGroup | None = None, reply_to: FakeMessage | None = None
    ) -> FakeMessage:
        """Type a message (to the bot, or in a group); commands get a bot_command entity."""
        target = self._chat_for(chat)
        world = self._world
        person = self.person
        if chat is None:
            if person.blocked:
                # Writing to a blocked bot means pressing "Restart", which unblocks it first.
                person.blocked = False
                world.member_update(person, "kicked", "member")
            person.started = True
        message = FakeMessage(
            chat_id=target.id,
            message_id=target.allocate_message_id(),
            date=world.now(),
            sender=person.to_dict(),
            from_bot=False,
            text=text,
            html=text,
            entities=tuple(find_entities(text)),
            reply_to=reply_to,
        )
        world.store(target, message)
        self._acted(target)
        world.push_update({"message": world.message_dict(message)})
        return message

    def _message_with_button(self, chat: ChatState, label: str) -> tuple[FakeMessage, str, Any]:
        for message in reversed(chat.visible_bot_messages()):
            if message.markup is None or message.markup.kind != "inline_keyboard":
                continue
            for row in message.markup.inline_rows:
                for button in row:
                    if button.text == label:
                        return message, button.kind, button.value
        shown = [m.buttons for m in chat.visible_bot_messages() if m.buttons][-3:]
        raise LookupError(
            f"no bot message in chat {chat.id} has a button {label!r}; latest keyboards: {shown}"
        )

    def _callback(self, chat: ChatState, message: FakeMessage, data: str) -> str:
        world = self._world
        query_id = str(4_200_000_000_000_000_000 + world.next_number())
        world.callback_queries[query_id] = CallbackQueryState(
            query_id, self.id, chat.id, message.message_id, data
        )
        self._acted(chat)
        world.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self.person.to_dict(),
                    "message": world.message_dict(message),
                    "chat_instance": str(abs(hash((world.bot_id, chat.id)))),
                    "data": data,
                }
            }
        )
        return query_id

    async def press(self, label: str, *, chat: FakeGroup | None = None) -> str:
        """Press the button with this label on the newest bot message that has it.

        Returns the callback query id. Raises LookupError if no message has the button and
        ValueError for buttons that send nothing to the bot (URL buttons and the like).
        """
        target = self._chat_for(chat)
        message, kind, value = self._message_with_button(target, label)
        if kind != "callback_data":
            raise ValueError(f"button {label!r} is a {kind} button; pressing it sends no update")
        return self._callback(target, message, str(value))

    async def press_data(
        self,
        data: str,
        *,
        chat: FakeGroup | None = None,
        message: FakeMessage | None = None,
    ) -> str:
        """A forged callback with arbitrary data, on the newest bot message with a keyboard."""
        target = self._chat_for(chat)
        if message is None:
            keyboards = [
                m
                for m in target.visible_bot_messages()
                if m.markup is not None and m.markup.kind == "inline_keyboard"
            ]
            if not keyboards:
                raise LookupError(f"no bot message with an inline keyboard in chat {target.id}")
            message = keyboards[-1]
        return self._callback(target, message, data)

    async def vote(self, poll_message: FakeMessage, option_ids: Sequence[int]) -> None:
        """Vote in a poll (an empty list retracts the vote)."""
        poll = poll_message.poll
        if poll is None:
            raise ValueError("that message has no poll")
        if poll.is_closed:
            raise ValueError("the poll is closed")
        chosen = tuple(sorted(set(option_ids)))
        if any(not 0 <= option < len(poll.options) for option in chosen):
            raise ValueError(f"options are numbered 0..{len(poll.options) - 1}")
        if len(chosen) > 1 and not poll.allows_multiple_answers:
            raise ValueError("this poll allows one answer")
        if poll.votes.get(self.id) and not poll.allows_revoting:
            raise ValueError("this poll does not allow changing a vote")
        if chosen:
            poll.votes[self.id] = chosen
        else:
            poll.votes.pop(self.id, None)
        world = self._world
        chat = world.chats[poll.chat_id]
        self._acted(chat)
        if not poll.is_anonymous:
            world.push_update(
                {
                    "poll_answer": {
                        "poll_id": poll.id,
                        "user": self.person.to_dict(),
                        "option_ids": list(chosen),
                        "option_persistent_ids": [f"{poll.id}-{i}" for i in chosen],
                    }
                }
            )
        world.push_update({"poll": poll.to_dict()})

    async def wait_for_messages(
        self,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - the harness promises tests this signature
        *,
        chat: FakeGroup | None = None,
    ) -> list[FakeMessage]:
        """Wait for ``count`` new bot messages since this person's last send/press/vote.

        Returns every bot message that arrived since then (at least ``count``); raises
        TimeoutError that lists what did arrive.
        """
        target = self._chat_for(chat)
        mark = self._marks.get(target.id, 0)
        arrived = await self._world.signal.wait_until(
            lambda: len(target.bot_messages) - mark >= count, timeout
        )
        new = target.bot_messages[mark:]
        if not arrived:
            texts = [m.text for m in new]
            raise TimeoutError(
                f"waited {timeout}s for {count} new bot message(s) in chat {target.id}; "
                f"{len(new)} arrived: {texts!r}"
            )
        return list(new)

    @property
    def messages(self) -> list[FakeMessage]:
        """The bot's messages in the private chat that were not deleted, oldest first."""
        return self.chat.visible_bot_messages()

    @property
    def last_message(self) -> FakeMessage:
        """The bot's newest message in the private chat; LookupError if there is none."""
        return _last(self.chat)


def _last(chat: ChatState) -> FakeMessage:
    visible = chat.visible_bot_messages()
    if not visible:
        raise LookupError(f"the bot has sent nothing (visible) to chat {chat.id}")
    return visible[-1]
