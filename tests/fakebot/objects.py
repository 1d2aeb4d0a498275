"""The fake's records (people, chats, messages, files, polls) and their Bot API JSON forms.

Every ``to_dict`` returns what the real Bot API would put in a response, with at least the
fields python-telegram-bot's ``de_json`` requires (``Message``: message_id, date, chat;
``User``: id, is_bot, first_name; ``ChatFullInfo``: accent_color_id, max_reaction_count, ...).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Any

from tests.fakebot.html_parser import Entity
from tests.fakebot.keyboards import ReplyMarkup


@dataclass(slots=True, eq=False)
class Person:
    """A simulated Telegram user (not the bot)."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    started: bool = True  # has opened the private chat with the bot
    blocked: bool = False  # has blocked the bot

    def to_dict(self) -> dict[str, Any]:
        """The Bot API User object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass(slots=True, eq=False)
class StoredFile:
    """A file the bot uploaded: the bytes a person would download, plus Telegram's ids."""

    file_id: str
    file_unique_id: str
    kind: str  # "photo" or "document"
    data: bytes
    filename: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0
    number: int = 0

    @property
    def file_path(self) -> str:
        """Path under /file/bot<token>/ where getFile lets the bot download it."""
        suffix = ".jpg" if self.kind == "photo" else ""
        if self.kind == "document" and self.filename and "." in self.filename:
            suffix = "." + self.filename.rsplit(".", 1)[1]
        return f"{self.kind}s/file_{self.number}{suffix}"

    def photo_sizes(self) -> list[dict[str, Any]]:
        """PhotoSize objects: Telegram sends a thumbnail and the full size."""
        thumb_scale = min(1.0, 90 / max(self.width, self.height, 1))
        return [
            {
                "file_id": f"{self.file_id}-s",
                "file_unique_id": f"{self.file_unique_id}-s",
                "width": max(1, round(self.width * thumb_scale)),
                "height": max(1, round(self.height * thumb_scale)),
                "file_size": min(len(self.data), 2048),
            },
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "width": self.width,
                "height": self.height,
                "file_size": len(self.data),
            },
        ]

    def document_dict(self) -> dict[str, Any]:
        """The Document object."""
        data: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.filename:
            data["file_name"] = self.filename
        if self.mime_type:
            data["mime_type"] = self.mime_type
        return data

    def file_dict(self) -> dict[str, Any]:
        """The File object getFile returns."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass(slots=True, eq=False)
class FakePoll:
    """A poll the bot sent, with every vote."""

    id: str
    question: str
    question_entities: tuple[Entity, ...]
    options: list[str]
    is_anonymous: bool
    type: str
    allows_multiple_answers: bool
    allows_revoting: bool
    correct_option_ids: tuple[int, ...] = ()
    is_closed: bool = False
    chat_id: int = 0
    message_id: int = 0
    votes: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def counts(self) -> list[int]:
        """Voters per option."""
        counts = [0] * len(self.options)
        for chosen in self.votes.values():
            for option in chosen:
                counts[option] += 1
        return counts

    @property
    def total_voter_count(self) -> int:
        """People who currently have a vote in the poll."""
        return sum(1 for chosen in self.votes.values() if chosen)

    def to_dict(self) -> dict[str, Any]:
        """The Poll object."""
        data: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "options": [
                {"text": text, "voter_count": count, "persistent_id": f"{self.id}-{index}"}
                for index, (text, count) in enumerate(zip(self.options, self.counts(), strict=True))
            ],
            "total_voter_count": self.total_voter_count,
            "is_closed": self.is_closed,
            "is_anonymous": self.is_anonymous,
            "type": self.type,
            "allows_multiple_answers": self.allows_multiple_answers,
            "allows_revoting": self.allows_revoting,
            "members_only": False,
        }
        if self.question_entities:
            data["question_entities"] = [e.to_dict() for e in self.question_entities]
        if self.type == "quiz":
            data["correct_option_ids"] = list(self.correct_option_ids)
        return data


@dataclass(slots=True, eq=False)
class FakeMessage:
    """A message in a chat, as a person sees it: ``text`` is plain, ``html`` is what was sent."""

    chat_id: int
    message_id: int
    date: int
    sender: dict[str, Any]
    from_bot: bool
    text: str = ""
    html: str = ""
    parse_mode: str | None = None
    entities: tuple[Entity, ...] = ()
    markup: ReplyMarkup | None = None
    photo: StoredFile | None = None
    document: StoredFile | None = None
    poll: FakePoll | None = None
    reply_to: FakeMessage | None = None
    edit_date: int | None = None
    deleted: bool = False
    history: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """What the message shows: "text", "photo", "document" or "poll"."""
        if self.photo is not None:
            return "photo"
        if self.document is not None:
            return "document"
        if self.poll is not None:
            return "poll"
        return "text"

    @property
    def caption(self) -> str | None:
        """The plain caption of a photo or document, else None."""
        return self.text if self.kind in ("photo", "document") else None

    @property
    def edited(self) -> bool:
        """Whether the message was edited after it was sent."""
        return self.edit_date is not None

    @property
    def buttons(self) -> list[list[str]]:
        """Labels of the message's keyboard, row by row ([] without one)."""
        return self.markup.labels if self.markup is not None else []

    @property
    def entity_dicts(self) -> list[dict[str, Any]]:
        """Entities as Bot API JSON."""
        return [e.to_dict() for e in self.entities]

    def has_entity(self, kind: str, covering: str | None = None) -> bool:
        """Whether an entity of this type exists (optionally over exactly this text)."""
        for entity in self.entities:
            if entity.type != kind:
                continue
            if covering is None or self.slice(entity) == covering:
                return True
        return False

    def slice(self, entity: Entity) -> str:
        """The plain text an entity covers."""
        encoded = self.text.encode("utf-16-le")
        return encoded[entity.offset * 2 : entity.end * 2].decode("utf-16-le")

    def to_dict(self, chat: dict[str, Any], *, with_reply: bool = True) -> dict[str, Any]:
        """The Message object."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": chat,
            "date": self.date,
        }
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.reply_to is not None and with_reply and not self.reply_to.deleted:
            data["reply_to_message"] = self.reply_to.to_dict(chat, with_reply=False)
        kind = self.kind
        if kind == "text":
            data["text"] = self.text
            if self.entities:
                data["entities"] = self.entity_dicts
        elif kind == "poll" and self.poll is not None:
            data["poll"] = self.poll.to_dict()
        else:
            if kind == "photo" and self.photo is not None:
                data["photo"] = self.photo.photo_sizes()
            elif self.document is not None:
                data["document"] = self.document.document_dict()
            if self.text:
                data["caption"] = self.text
                if self.entities:
                    data["caption_entities"] = self.entity_dicts
        if self.markup is not None and (markup := self.markup.to_dict()) is not None:
            data["reply_markup"] = markup
        return data


@dataclass(slots=True, eq=False)
class ChatState:
    """A chat the fake knows: a person's private chat with the bot, or a group."""

    id: int
    type: str  # "private", "group" or "supergroup"
    title: str | None = None
    username: str | None = None
    person: Person | None = None
    members: set[int] = field(default_factory=set)
    bot_is_admin: bool = False
    messages: dict[int, FakeMessage] = field(default_factory=dict)
    bot_messages: list[FakeMessage] = field(default_factory=list)
    next_message_id: int = 1
    _dict: dict[str, Any] | None = None

    @property
    def is_group(self) -> bool:
        """Whether this is a group or supergroup."""
        return self.type != "private"

    def to_dict(self) -> dict[str, Any]:
        """The Chat object embedded in messages."""
        if self._dict is None:
            data: dict[str, Any] = {"id": self.id, "type": self.type}
            if self.person is not None:
                data["first_name"] = self.person.first_name
                if self.person.last_name:
                    data["last_name"] = self.person.last_name
                if self.person.username:
                    data["username"] = self.person.username
            else:
                data["title"] = self.title or ""
                if self.username:
                    data["username"] = self.username
            self._dict = data
        return self._dict

    def full_info(self) -> dict[str, Any]:
        """The ChatFullInfo object getChat returns."""
        data = dict(self.to_dict())
        data.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return data

    def allocate_message_id(self) -> int:
        """Message ids grow by one per chat, for the bot's and the people's messages alike."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def visible_bot_messages(self) -> list[FakeMessage]:
        """The bot's messages that were not deleted, oldest first."""
        return [m for m in self.bot_messages if not m.deleted]


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, JPEG, GIF, WebP or BMP image, or None if it is not one."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data[:2] == b"BM" and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return abs(width), abs(height)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", data[26:30])
            return width & 0x3FFF, height & 0x3FFF
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8X":
            width = int.from_bytes(data[24:27], "little") + 1
            height = int.from_bytes(data[27:30], "little") + 1
            return width, height
        return None
    if data[:2] == b"\xff\xd8":
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # padding
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        position += 2 + length
    return None
