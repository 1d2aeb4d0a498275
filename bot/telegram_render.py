"""Engine replies as Telegram sees them: lengths after entity parsing, splits, keyboards."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import NewType

from flows.events import Choice, Reply
from storage.json_codec import dumps_text

MESSAGE_LIMIT = 4096  # characters of text after entity parsing, in UTF-16 code units
CAPTION_LIMIT = 1024

# An inline keyboard as the JSON the Bot API takes for reply_markup, encoded once when built:
# PTB's InlineKeyboardMarkup objects cost more to build and serialise than the rest of a send.
Keyboard = NewType("Keyboard", str)

_TAG = re.compile(r"<[^>]*>")
# One token: a tag, an HTML entity, or a single character.
_TOKEN = re.compile(r"<[^>]*>|&#?[A-Za-z0-9]+;|.", re.S)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


def utf16_units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (emoji outside the BMP count twice)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def plain_text(markup: str) -> str:
    """The text a person sees for Telegram HTML: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", markup))


def telegram_length(markup: str) -> int:
    """How long Telegram considers a message or caption written in HTML."""
    return utf16_units(plain_text(markup))


@dataclass(frozen=True, slots=True)
class _Token:
    raw: str
    units: int  # 0 for tags
    tag: str | None = None  # tag name for tags
    closing: bool = False


def _tokens(markup: str) -> list[_Token]:
    found: list[_Token] = []
    for match in _TOKEN.finditer(markup):
        raw = match.group(0)
        if raw.startswith("<") and len(raw) > 1:
            name = _TAG_NAME.match(raw)
            if name is not None:
                found.append(_Token(raw, 0, name.group(1).lower(), raw.startswith("</")))
                continue
        found.append(_Token(raw, utf16_units(html.unescape(raw))))
    return found


def _close(stack: Sequence[_Token]) -> str:
    return "".join(f"</{token.tag}>" for token in reversed(stack))


def _apply(stack: list[_Token], token: _Token) -> None:
    if not token.closing:
        stack.append(token)
        return
    for position in range(len(stack) - 1, -1, -1):
        if stack[position].tag == token.tag:
            del stack[position]
            return


def split_html(markup: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split Telegram HTML into messages of at most `limit` units each.

    Splits at line ends where possible, else at a space, else anywhere; tags that are open at
    a split are closed at its end and reopened (with their attributes) in the next part, so
    every part parses on its own. Parts with nothing visible are dropped.
    """
    if telegram_length(markup) <= limit:
        return [markup] if plain_text(markup).strip() else []
    tokens = _tokens(markup)
    parts: list[str] = []
    stack: list[_Token] = []  # tags open where the current part starts
    start = 0
    while start < len(tokens):
        while start < len(tokens) and tokens[start].raw in ("\n", " "):
            start += 1  # Telegram trims these anyway; skipping keeps parts non-empty
        if start >= len(tokens):
            break
        open_tags = list(stack)
        used = 0
        cut: tuple[int, list[_Token], bool] | None = None  # (index, tags open there, separator)
        line_cut: tuple[int, list[_Token], bool] | None = None
        space_cut: tuple[int, list[_Token], bool] | None = None
        index = start
        while index < len(tokens):
            token = tokens[index]
            if token.tag is not None:
                _apply(open_tags, token)
            else:
                if used + token.units > limit:
                    cut = line_cut or space_cut or (index, list(open_tags), False)
                    break
                if token.raw == "\n":
                    line_cut = (index, list(open_tags), True)
                elif token.raw == " ":
                    space_cut = (index, list(open_tags), True)
                used += token.units
            index += 1
        prefix = "".join(token.raw for token in stack)
        if cut is None:
            body = "".join(token.raw for token in tokens[start:])
            part = prefix + body
            start = len(tokens)
        else:
            end, open_at_end, separator = cut
            part = prefix + "".join(t.raw for t in tokens[start:end]) + _close(open_at_end)
            stack = open_at_end
            start = end + 1 if separator else end
        if plain_text(part).strip():
            parts.append(part)
    return parts


async def build_keyboards(
    replies: Sequence[Reply], ref: Callable[[Reply, Choice], Awaitable[str]]
) -> list[Keyboard | None]:
    """One inline keyboard per reply: value choices get a stored reference, links a URL."""
    keyboards: list[Keyboard | None] = []
    for reply in replies:
        rows: list[list[dict[str, str]]] = []
        for row in reply.choices:
            buttons: list[dict[str, str]] = []
            for choice in row:
                label = choice.label.strip() or "·"  # Telegram rejects empty button texts
                if choice.value is not None:
                    buttons.append({"text": label, "callback_data": await ref(reply, choice)})
                elif choice.url:
                    buttons.append({"text": label, "url": choice.url})
            if buttons:
                rows.append(buttons)
        keyboards.append(keyboard(rows) if rows else None)
    return keyboards


def keyboard(rows: list[list[dict[str, str]]]) -> Keyboard:
    """An inline keyboard of InlineKeyboardButton objects in their JSON form."""
    return Keyboard(dumps_text({"inline_keyboard": rows}))
