"""Button taps read straight from the Bot API's JSON, without python-telegram-bot's objects.

Most updates are taps (16 of every 18 in the benchmark's workload). PTB built an Update, a
CallbackQuery, a User, a Message and a Chat for each through its generic `de_json`, and a
CallbackContext to route it (together about a tenth of the bot's CPU per update in the
benchmark), where the handler reads ten values. `read_tap` takes those
values from an update as Telegram sent it, when it has exactly the shape of a tap on a
message; anything else (or anything malformed) returns None and goes through PTB as before.
`tap_of` reads the same values from an update PTB parsed, so both paths meet in one handler.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from telegram import Message, Update

# The keys a tap's parts may have for `read_tap` to read it; any other key (a game, an inline
# message, a field of a newer Bot API) sends the update through PTB instead.
_UPDATE_KEYS = frozenset({"update_id", "callback_query"})
_QUERY_KEYS = frozenset({"id", "from", "message", "chat_instance", "data"})
_USER_KEYS = frozenset(
    {"id", "is_bot", "first_name", "last_name", "username", "language_code", "is_premium"}
)
_CHAT_KEYS = frozenset({"id", "type", "title", "username", "first_name", "last_name"})


class Pressed(NamedTuple):
    """The message under a pressed button, which a reply may edit in place."""

    chat_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class Tap:
    """What the handlers read of a pressed inline button."""

    update_id: int
    query_id: str
    user_id: int
    full_name: str
    language_code: str | None
    data: str | None
    # The chat of the message under the button; None when there is none (an inline message).
    chat_id: int | None
    chat_type: str | None
    chat_title: str | None
    # The message under the button; None when there is none.
    pressed: Pressed | None


def read_tap(data: Any) -> Tap | None:
    """The tap in an update as the Bot API sent it (decoded JSON), or None when the update is
    not exactly a tap on a message of a chat, for PTB to parse."""
    if type(data) is not dict or not data.keys() <= _UPDATE_KEYS:
        return None
    update_id, query = data.get("update_id"), data.get("callback_query")
    if type(update_id) is not int or type(query) is not dict or not query.keys() <= _QUERY_KEYS:
        return None
    query_id, user, message, value = (
        query.get("id"),
        query.get("from"),
        query.get("message"),
        query.get("data"),
    )
    if type(query_id) is not str or type(value) is not str:
        return None
    if type(user) is not dict or type(message) is not dict or not user.keys() <= _USER_KEYS:
        return None
    user_id, first, last, language = (
        user.get("id"),
        user.get("first_name"),
        user.get("last_name"),
        user.get("language_code"),
    )
    if type(user_id) is not int or type(first) is not str:
        return None
    if not (last is None or type(last) is str) or not (language is None or type(language) is str):
        return None
    # The message under the button: its chat and id are read, its date only checked (PTB
    # requires one); the rest of it (text, keyboard) is not read at all.
    chat, message_id, date = message.get("chat"), message.get("message_id"), message.get("date")
    if type(chat) is not dict or type(message_id) is not int or type(date) is not int:
        return None
    if not chat.keys() <= _CHAT_KEYS:
        return None
    chat_id, chat_type, title = chat.get("id"), chat.get("type"), chat.get("title")
    if type(chat_id) is not int or type(chat_type) is not str:
        return None
    if not (title is None or type(title) is str):
        return None
    return Tap(
        update_id=update_id,
        query_id=query_id,
        user_id=user_id,
        full_name=f"{first} {last}" if last else first,  # PTB's User.full_name
        language_code=language,
        data=value,
        chat_id=chat_id,
        chat_type=chat_type,
        chat_title=title,
        # Also when its date is 0 (no longer accessible): PTB reads such a message under a
        # button as a Message too, and an edit that Telegram refuses is sent anew.
        pressed=Pressed(chat_id, message_id),
    )


def tap_of(update: Update) -> Tap | None:
    """The tap in an update PTB parsed, or None when it holds no callback query."""
    query = update.callback_query
    if query is None:
        return None
    user, message = query.from_user, query.message
    chat = message.chat if message is not None else None
    return Tap(
        update_id=update.update_id,
        query_id=query.id,
        user_id=user.id,
        full_name=user.full_name,
        language_code=user.language_code,
        data=query.data,
        chat_id=chat.id if chat is not None else None,
        chat_type=chat.type if chat is not None else None,
        chat_title=chat.title if chat is not None else None,
        pressed=Pressed(message.chat.id, message.message_id)
        if isinstance(message, Message)
        else None,
    )
