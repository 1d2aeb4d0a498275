"""Transport-neutral events going into the engine and replies coming out of it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class ChatKind(StrEnum):
    """Where a message was written."""

    PRIVATE = "private"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class Sender:
    """The person behind an event, as the transport knows them."""

    external_id: str  # e.g. "tg:1234" or "console:local"; stable per person
    display_name: str
    language_code: str | None = None  # the platform's language hint (Telegram's language_code)


@dataclass(frozen=True, slots=True)
class PollAnswer:
    """A person's answer to a native poll: the poll's value and the chosen option numbers."""

    value: str  # the Poll.value the poll was sent with, e.g. "dots:12"
    options: tuple[int, ...]  # 0-based; empty when the person took the vote back


@dataclass(frozen=True, slots=True)
class Event:
    """One thing a person did: a line of text, a command, or a pressed button."""

    sender: Sender
    chat_id: str
    chat_kind: ChatKind = ChatKind.PRIVATE
    text: str | None = None
    button: str | None = None  # the value of a pressed choice, already verified by the transport
    key: str | None = None  # idempotency key (e.g. the update id); None means "never repeated"
    chat_title: str | None = None
    poll_answer: PollAnswer | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """A button: a value the engine gets back, or a link the transport opens."""

    label: str
    value: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """A picture or a file produced by the engine."""

    filename: str
    data: bytes
    mime_type: str


@dataclass(frozen=True, slots=True)
class Poll:
    """A native poll (several answers allowed unless `multiple` is false).

    Answers come back as events with a PollAnswer carrying `value`, routed like a tool's
    button: "<tool>:<payload>" goes to Registry.polls[tool]. Transports without native polls
    show the reply's choices instead, so a reply with a poll also carries them.
    """

    question: str
    options: tuple[str, ...]
    value: str
    multiple: bool = True


@dataclass(frozen=True, slots=True)
class Drawing:
    """A picture still to draw: the engine draws it after the event's transaction commits."""

    filename: str
    # Run in the drawing process (flows/drawing.py), so it must pickle: a functools.partial
    # of a module-level chart function with plain data, never a closure.
    draw: Callable[[], bytes]
    mime_type: str = "image/png"


@dataclass(slots=True)
class Reply:
    """One message to show: HTML text (Telegram's subset, user data already escaped)."""

    html: str
    choices: list[list[Choice]] = field(default_factory=list)  # rows of buttons
    image: Attachment | None = None
    # Set by a tool's picture function; the engine turns it into `image` before it returns.
    drawing: Drawing | None = None
    document: Attachment | None = None
    chat_id: str | None = None  # None: the chat the event came from
    replace: bool = False  # transports may edit the message whose button was pressed
    # With `replace`: the reply leads on (the next question), so it takes the pressed message's
    # place only while that is the newest in the chat; otherwise it goes below, where the
    # person is reading. Without it a replacement is an update of that message (a reminder
    # marked done, a ticked option) and belongs where the message is.
    leads_on: bool = False
    bulk: bool = False  # announcements: sent after interactive replies
    # A passing remark about a pressed button (e.g. "this button has expired"): transports
    # that can show it briefly on the button (Telegram's callback answer) do so instead of
    # posting a message.
    notice: bool = False
    poll: Poll | None = None


@dataclass(slots=True)
class Outcome:
    """What the engine did with an event."""

    replies: list[Reply]
    duplicate: bool = False
    language: str = "nl"
