"""Reply markup as Telegram checks it: the Bot API's JSON parsing, TDLib's rules, server limits.

Three layers reject a keyboard, and their errors differ in style, so the checks run in that order:
the Bot API server (``can't parse inline keyboard button: ...``), TDLib (URL checks; buttons
with empty text are silently dropped) and Telegram's servers (``BUTTON_DATA_INVALID``,
``reply markup is too long``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.fakebot.errors import ApiError, bad_request
from tests.fakebot.links import LinkError, check_link, describe_link_error

CALLBACK_DATA_MAX_BYTES = 64
# Telegram does not document these; they are the limits commonly observed for inline keyboards
# (TDLib itself silently truncates rows at 12 and keyboards at 300 buttons). Exceeding them
# answers the server's REPLY_MARKUP_TOO_LONG, as does a markup of more than about 10 kB.
MAX_BUTTONS_PER_ROW = 8
MAX_BUTTONS = 100
MAX_MARKUP_BYTES = 10 * 1024
TOO_LONG = "reply markup is too long"

# Button kinds in the order the Bot API server looks for them (get_inline_keyboard_button_type).
_BUTTON_KINDS = (
    "url",
    "callback_data",
    "callback_game",
    "pay",
    "switch_inline_query",
    "switch_inline_query_chosen_chat",
    "switch_inline_query_current_chat",
    "login_url",
    "web_app",
    "copy_text",
)


@dataclass(frozen=True, slots=True)
class Button:
    """One inline button as Telegram stores it."""

    text: str
    kind: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        """The button as it appears in a Message's reply_markup."""
        return {"text": self.text, self.kind: self.value}


@dataclass(frozen=True, slots=True)
class ReplyMarkup:
    """A validated reply_markup: an inline keyboard, a reply keyboard, a removal or force reply."""

    kind: str
    inline_rows: tuple[tuple[Button, ...], ...] = ()
    keyboard_rows: tuple[tuple[str, ...], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any] | None:
        """What a Message echoes as reply_markup (only inline keyboards are echoed)."""
        if self.kind != "inline_keyboard":
            return None
        return {"inline_keyboard": [[b.to_dict() for b in row] for row in self.inline_rows]}

    @property
    def labels(self) -> list[list[str]]:
        """Button texts row by row."""
        if self.kind == "inline_keyboard":
            return [[b.text for b in row] for row in self.inline_rows]
        return [list(row) for row in self.keyboard_rows]


def decode_markup_json(value: Any) -> Any:
    """Form fields carry reply_markup as a JSON string; JSON bodies may carry an object."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as error:
            raise bad_request("Can't parse reply keyboard markup JSON object") from error
    return value


def _inline_button(raw: Any, strict: bool) -> Button:
    if not isinstance(raw, dict):
        raise bad_request(
            "Can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    text = raw.get("text")
    if text is None:
        raise bad_request("Can't parse inline keyboard button: Can't find field \"text\"")
    if not isinstance(text, str):
        raise bad_request(
            'Can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    present = [kind for kind in _BUTTON_KINDS if raw.get(kind) is not None and raw[kind] != ""]
    if strict and len(present) > 1:
        raise ApiError(
            400,
            "Bad Request: inline keyboard button has more than one of "
            f"{', '.join(present)} (fake strict mode: Telegram uses the first one)",
        )
    for kind in _BUTTON_KINDS:
        value = raw.get(kind)
        if kind in ("url", "callback_data"):
            if isinstance(value, str) and value:
                return Button(text, kind, value)
            if value not in (None, "") and not isinstance(value, str):
                raise bad_request(
                    f'Can\'t parse inline keyboard button: Field "{kind}" must be of type String'
                )
            continue
        if kind in raw:
            return Button(text, kind, value)
    raise bad_request(
        "Can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
    )


def _tdlib_button(button: Button) -> Button:
    """TDLib's per-button checks: URLs are validated and normalised."""
    if button.kind != "url":
        return button
    try:
        return Button(button.text, "url", check_link(button.value))
    except LinkError as error:
        raise bad_request(
            f"Inline keyboard button {describe_link_error(button.value, error)}"
        ) from error


def _inline_keyboard(rows: Any, strict: bool) -> ReplyMarkup | None:
    if not isinstance(rows, list):
        raise bad_request('Field "inline_keyboard" must be of type Array')
    parsed: list[list[Button]] = []
    for row in rows:
        if not isinstance(row, list):
            raise bad_request(
                'Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        parsed.append([_inline_button(raw, strict) for raw in row])

    kept: list[tuple[Button, ...]] = []
    for row_buttons in parsed:
        kept_row: list[Button] = []
        for button in row_buttons:
            if not button.text:
                if strict:
                    raise ApiError(
                        400,
                        "Bad Request: inline keyboard button text is empty "
                        "(fake strict mode: Telegram silently drops the button)",
                    )
                continue  # TDLib skips buttons without text
            kept_row.append(_tdlib_button(button))
        if kept_row:
            kept.append(tuple(kept_row))
    if not kept:
        return None

    total = 0
    for row_tuple in kept:
        if len(row_tuple) > MAX_BUTTONS_PER_ROW:
            raise bad_request(TOO_LONG)
        total += len(row_tuple)
        for button in row_tuple:
            if button.kind == "callback_data" and (
                len(button.value.encode("utf-8")) > CALLBACK_DATA_MAX_BYTES
            ):
                raise bad_request("BUTTON_DATA_INVALID")
    if total > MAX_BUTTONS:
        raise bad_request(TOO_LONG)
    markup = ReplyMarkup("inline_keyboard", inline_rows=tuple(kept))
    size = len(json.dumps(markup.to_dict(), ensure_ascii=False, separators=(",", ":")).encode())
    if size > MAX_MARKUP_BYTES:
        raise bad_request(TOO_LONG)
    return markup


def _reply_keyboard(rows: Any, value: dict[str, Any]) -> ReplyMarkup | None:
    if not isinstance(rows, list):
        raise bad_request('Field "keyboard" must be of type Array')
    kept: list[tuple[str, ...]] = []
    for row in rows:
        if not isinstance(row, list):
            raise bad_request('Field "keyboard" must be an Array of Arrays')
        labels: list[str] = []
        for button in row:
            if isinstance(button, str):
                label = button
            elif isinstance(button, dict) and isinstance(button.get("text"), str):
                label = button["text"]
            elif isinstance(button, dict):
                raise bad_request("Can't parse keyboard button: Can't find field \"text\"")
            else:
                raise bad_request(
                    "Can't parse keyboard button: KeyboardButton must be a String or an Object"
                )
            if label:
                labels.append(label)
        if labels:
            kept.append(tuple(labels[:12]))  # TDLib keeps at most 12 buttons a row
    if not kept:
        return None
    options = ("resize_keyboard", "one_time_keyboard", "is_persistent")
    extra: dict[str, Any] = {k: value[k] for k in options if k in value}
    return ReplyMarkup("keyboard", keyboard_rows=tuple(kept), extra=extra)


def parse_reply_markup(value: Any, *, strict: bool = False) -> ReplyMarkup | None:
    """Validate a reply_markup parameter; None when it asks for nothing."""
    if value is None or value == "":
        return None
    decoded = decode_markup_json(value)
    if not isinstance(decoded, dict):
        raise bad_request("Object expected as reply markup")
    if decoded.get("keyboard"):
        return _reply_keyboard(decoded["keyboard"], decoded)
    if "inline_keyboard" in decoded:
        return _inline_keyboard(decoded["inline_keyboard"], strict)
    if decoded.get("remove_keyboard") or decoded.get("hide_keyboard"):
        return ReplyMarkup("remove_keyboard")
    if decoded.get("force_reply"):
        return ReplyMarkup("force_reply")
    return None
