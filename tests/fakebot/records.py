"""What the fake remembers for tests to inspect: calls, callback answers, chat actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One Bot API call: its method, decoded parameters and the HTTP status it got."""

    method: str
    params: dict[str, Any]
    status: int
    description: str | None = None  # Telegram's error description for failed calls
    at: float = 0.0  # unix time


@dataclass(frozen=True, slots=True)
class CallbackAnswer:
    """An answerCallbackQuery the bot made."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int
    at: float


@dataclass(frozen=True, slots=True)
class ChatAction:
    """A sendChatAction the bot made ("typing", "upload_photo", ...)."""

    chat_id: int
    action: str
    at: float


@dataclass(slots=True)
class CallbackQueryState:
    """A callback query a person caused by pressing a button."""

    id: str
    person_id: int
    chat_id: int
    message_id: int
    data: str
    answered: bool = False


@dataclass(frozen=True, slots=True)
class Described:
    """A successful result that Telegram answers with a ``description`` too (setWebhook)."""

    result: Any
    description: str
