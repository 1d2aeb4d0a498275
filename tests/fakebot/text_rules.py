"""What Telegram does to a text before it shows it: parse, clean, trim, find entities, measure.

Follows the Bot API server (Client::get_formatted_text) and TDLib (fix_formatted_text,
find_entities, MessageContent length checks). Lengths are checked after entity parsing and
trimming; TDLib counts them in Unicode code points (``utf8_length``), so an emoji outside the
BMP counts once even though entity offsets count it twice. ``LengthUnit.UTF16`` measures in
UTF-16 code units instead, a stricter rule than Telegram's that some bots design for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from tests.fakebot.errors import ApiError, bad_request
from tests.fakebot.html_parser import Entity, HtmlParseError, parse_html, utf16_length

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
RAW_TEXT_LIMIT = 1 << 15  # bytes of the parameter before parsing (Client::get_formatted_text)

# Characters TDLib's clean_input_string drops (\r, U+2028..U+202E, some combining marks).
_DROPPED = frozenset(
    {0x0D, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x0333, 0x033F, 0x030A}
)
# strip_empty_characters: spaces Telegram treats as "nothing visible" when checking emptiness.
_EMPTY_CHARS = (
    "\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202e\u202f\u205f\u2800\u3000\ufffc \n\t\r\v\f"
)
# Entity types that automatically found entities must not overlap (TDLib merge_new_entities).
_SOLID = frozenset(
    {
        "code",
        "pre",
        "text_link",
        "text_mention",
        "url",
        "email",
        "mention",
        "hashtag",
        "bot_command",
        "cashtag",
        "custom_emoji",
        "date_time",
    }
)
# Python's \w (Unicode letters, digits, underscore) stands in for TDLib's is_word_character.
_BOT_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>])")
_MENTION = re.compile(r"(?<!\w)@[A-Za-z0-9_]{2,32}(?!\w)")
_HASHTAG = re.compile(r"(?<![\w#])#\w*[^\W\d_]\w*(?![\w#])")
# A URL does not end in punctuation that usually follows it in a sentence.
_URL = re.compile(r"(?<![\w/@.])https?://[^\s<>\"]*[^\s<>\".,;:!?)\]'\"]", re.IGNORECASE)
_NEEDS_CLEANING = re.compile("[\x00-\x09\x0b-\x1f\r\u2028-\u202e\u0333\u033f\u030a]")


class LengthUnit(Enum):
    """How message and caption lengths are measured."""

    CODEPOINTS = "codepoints"  # what Telegram does
    UTF16 = "utf16"  # stricter: emoji outside the BMP count twice


@dataclass(frozen=True, slots=True)
class FormattedText:
    """A text as Telegram stores it: plain characters plus entities."""

    text: str
    entities: tuple[Entity, ...]


def measure(text: str, unit: LengthUnit) -> int:
    """Length of a stored text in the chosen unit."""
    return utf16_length(text) if unit is LengthUnit.UTF16 else len(text)


def entities_from_json(value: Any) -> list[Entity]:
    """Explicit ``entities``/``caption_entities`` given instead of a parse mode."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad_request("Can't parse entities JSON object")
    found: list[Entity] = []
    for item in value:
        if not isinstance(item, dict):
            raise bad_request("Can't parse MessageEntity: expected an Object")
        try:
            kind = str(item["type"])
            offset = int(item["offset"])
            length = int(item["length"])
        except (KeyError, TypeError, ValueError) as error:
            raise bad_request(f"Can't parse MessageEntity: {error}") from error
        found.append(
            Entity(
                kind,
                offset,
                length,
                url=item.get("url"),
                language=item.get("language"),
                custom_emoji_id=item.get("custom_emoji_id"),
            )
        )
    return found


def _clean(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """clean_input_string_with_entities: control characters become spaces, some are dropped."""
    if not _NEEDS_CLEANING.search(text):
        return text, entities  # fast path: nothing to change
    out: list[str] = []
    old_to_new: dict[int, int] = {}
    old = new = 0
    for char in text:
        code = ord(char)
        width = 2 if code > 0xFFFF else 1
        old_to_new[old] = new
        if code in _DROPPED:
            pass
        elif code < 32 and char != "\n":
            out.append(" ")
            new += 1
        else:
            out.append(char)
            new += width
        old += width
    old_to_new[old] = new
    moved: list[Entity] = []
    for entity in entities:
        if entity.offset < 0 or entity.length < 0 or entity.end > old:
            raise bad_request(
                f"Entity beginning at UTF-16 offset {entity.offset} ends after the end of the "
                f"text at UTF-16 offset {entity.end}"
            )
        start = old_to_new.get(entity.offset)
        end = old_to_new.get(entity.end)
        if start is None or end is None:
            raise bad_request("Entity begins in a middle of a UTF-16 symbol")
        if end > start:
            moved.append(_shift(entity, start, end - start))
    return "".join(out), moved


def _shift(entity: Entity, offset: int, length: int) -> Entity:
    return Entity(
        entity.type,
        offset,
        length,
        url=entity.url,
        language=entity.language,
        custom_emoji_id=entity.custom_emoji_id,
        unix_time=entity.unix_time,
        date_time_format=entity.date_time_format,
    )


def _trim(text: str, entities: list[Entity]) -> tuple[str, list[Entity]] | None:
    """fix_formatted_text's trimming; None when nothing but spaces and newlines is left."""
    text = text.rstrip(" \n")
    if not text:
        return None
    if not entities:
        return text.lstrip(" \n"), entities
    kept_end = utf16_length(text)
    trimmed: list[Entity] = []
    for entity in entities:
        if entity.offset >= kept_end:
            continue
        trimmed.append(_shift(entity, entity.offset, min(entity.end, kept_end) - entity.offset))
    entities = sorted(trimmed, key=Entity.sort_key)
    # Leading spaces and newlines go, but only up to where the first entity begins.
    limit = entities[0].offset if entities else len(text)
    start = 0
    while start < min(limit, len(text)) and text[start] in " \n":
        start += 1
    if start:
        text = text[start:]
        entities = [_shift(e, e.offset - start, e.length) for e in entities]
    return text, entities


def _utf16_positions(text: str) -> list[int] | range:
    """UTF-16 offset of each character index (plus one past the end)."""
    if utf16_length(text) == len(text):
        return range(len(text) + 1)  # only BMP characters: offsets are indexes
    positions = [0] * (len(text) + 1)
    unit = 0
    for index, char in enumerate(text):
        positions[index] = unit
        unit += 2 if ord(char) > 0xFFFF else 1
    positions[len(text)] = unit
    return positions


def find_entities(text: str) -> list[Entity]:
    """Entities Telegram adds by itself: bot commands, mentions, hashtags and http(s) URLs.

    An approximation of TDLib's find_entities (which also knows e-mail addresses, phone numbers,
    cashtags and scheme-less URLs with a list of top-level domains).
    """
    if not any(marker in text for marker in "/@#"):
        return []
    positions = _utf16_positions(text)
    found: list[Entity] = []
    for kind, pattern in (
        ("url", _URL),
        ("bot_command", _BOT_COMMAND),
        ("mention", _MENTION),
        ("hashtag", _HASHTAG),
    ):
        for match in pattern.finditer(text):
            start, end = positions[match.start()], positions[match.end()]
            candidate = Entity(kind, start, end - start)
            if all(end <= other.offset or start >= other.end for other in found):
                found.append(candidate)
    return found


def _merge(entities: list[Entity], detected: list[Entity]) -> list[Entity]:
    merged = list(entities)
    for candidate in detected:
        if all(
            candidate.end <= other.offset
            or candidate.offset >= other.end
            or other.type not in _SOLID
            for other in entities
        ):
            merged.append(candidate)
    return sorted(merged, key=Entity.sort_key)


def format_text(
    raw: str,
    parse_mode: str | None,
    explicit_entities: Any = None,
    *,
    allow_empty: bool,
    strict_html: bool = False,
) -> FormattedText:
    """Turn a text parameter into what Telegram stores, or raise the ApiError Telegram gives."""
    if len(raw.encode("utf-8", "surrogatepass")) > RAW_TEXT_LIMIT:
        raise bad_request("Text is too long")
    mode = (parse_mode or "").lower()
    if raw and mode not in ("", "none"):
        if mode == "html":
            try:
                text, entities = parse_html(raw, strict_ampersands=strict_html)
            except HtmlParseError as error:
                raise bad_request(f"Can't parse entities: {error}") from error
        elif mode in ("markdown", "markdownv2"):
            raise ApiError(
                400,
                "Bad Request: the fake Telegram server only implements parse_mode HTML "
                f"(got {parse_mode!r})",
            )
        else:
            raise bad_request("Unsupported parse_mode")
    else:
        text, entities = raw, entities_from_json(explicit_entities)
    text, entities = _clean(text, entities)
    trimmed = _trim(text, entities)
    if trimmed is None or not trimmed[0].strip(_EMPTY_CHARS):
        if allow_empty:
            return FormattedText("", ())
        raise bad_request("Text must be non-empty")
    text, entities = trimmed
    return FormattedText(text, tuple(_merge(entities, find_entities(text))))
