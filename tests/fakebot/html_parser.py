"""Telegram's HTML parse mode, ported from TDLib's ``parse_html`` (td/telegram/MessageEntity.cpp).

The Bot API server hands ``parse_mode=HTML`` text to TDLib, so this port follows TDLib byte for
byte: it walks the UTF-8 bytes (error messages quote *byte* offsets), knows only TDLib's tags,
decodes only ``&lt; &gt; &amp; &quot;`` and numeric references, and counts entity offsets in
UTF-16 code units. Like TDLib it keeps a ``&`` that does not start a known entity as a literal
character (``&ge;`` stays ``&ge;``); ``strict_ampersands=True`` rejects it instead, which Telegram
itself never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tests.fakebot.links import LinkError, check_link

_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "tg-time",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
# TDLib's is_space() also counts NUL, which is how its scans stop at the end of the C string.
_SPACE = frozenset(b" \t\r\n\0\v")
_LEADING_INTEGER = re.compile(r"-?[0-9]+")
_SPECIAL = re.compile(rb"[&<]")
_COMMON_ENTITY = re.compile(rb"&(amp|lt|gt|quot);")
_NAMED_ENTITIES = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
_SIMPLE_TAGS = {
    "i": "italic",
    "em": "italic",
    "b": "bold",
    "strong": "bold",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
}
# TDLib sorts entities by offset, then longer first, then by this priority (MessageEntity.cpp).
_PRIORITY = {
    "mention": 50,
    "hashtag": 50,
    "bot_command": 50,
    "url": 50,
    "email": 50,
    "bold": 90,
    "italic": 91,
    "code": 20,
    "pre": 11,
    "text_link": 49,
    "text_mention": 49,
    "cashtag": 50,
    "phone_number": 50,
    "underline": 92,
    "strikethrough": 93,
    "blockquote": 0,
    "bank_card_number": 50,
    "spoiler": 94,
    "custom_emoji": 99,
    "expandable_blockquote": 0,
    "date_time": 30,
}


@dataclass(frozen=True, slots=True)
class Entity:
    """A Bot API MessageEntity; offsets and lengths are in UTF-16 code units."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None
    unix_time: int | None = None
    date_time_format: str | None = None

    @property
    def end(self) -> int:
        """UTF-16 offset just past the entity."""
        return self.offset + self.length

    def to_dict(self) -> dict[str, Any]:
        """The entity as JSON for a Bot API answer."""
        data: dict[str, Any] = {"offset": self.offset, "length": self.length, "type": self.type}
        for key in ("url", "language", "custom_emoji_id", "unix_time", "date_time_format"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data

    def sort_key(self) -> tuple[int, int, int]:
        """TDLib's ordering of entities."""
        return (self.offset, -self.length, _PRIORITY.get(self.type, 50))


class HtmlParseError(ValueError):
    """TDLib's reason for rejecting the HTML; Telegram prefixes it with "can't parse entities: "."""


@dataclass(slots=True)
class _OpenTag:
    name: str
    argument: str
    date: int
    utf16_offset: int
    out_position: int


def _is_alpha(c: int) -> bool:
    return 0x61 <= (c | 0x20) <= 0x7A


def _is_digit(c: int) -> bool:
    return 0x30 <= c <= 0x39


def _hex_value(c: int) -> int:
    """Value of a hex digit, or -1."""
    if _is_digit(c):
        return c - 0x30
    lowered = c | 0x20
    if 0x61 <= lowered <= 0x66:
        return lowered - 0x61 + 10
    return -1


def _decode_entity(data: bytes, pos: int) -> tuple[int, int]:
    """TDLib's decode_html_entity: (code point, position after it), or (0, pos) if none."""
    end = pos + 1
    code = 0
    if data[pos + 1] == 0x23:  # '#': numeric character reference
        end += 1
        if data[pos + 2] == 0x78:  # only a lower-case 'x' makes it hexadecimal, as in TDLib
            end += 1
            while (digit := _hex_value(data[end])) >= 0:
                code = code * 16 + digit
                end += 1
        else:
            while _is_digit(data[end]):
                code = code * 10 + data[end] - 0x30
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while _is_alpha(data[end]):
            end += 1
        code = _NAMED_ENTITIES.get(data[pos + 1 : end], 0)
        if code == 0:
            return 0, pos
    if data[end] == 0x3B:  # ';' is optional
        end += 1
    return code, end


def _utf16_units(run: bytes) -> int:
    """UTF-16 code units of complete UTF-8 text (4-byte sequences are surrogate pairs)."""
    return len(run.decode("utf-8", "surrogatepass").encode("utf-16-le", "surrogatepass")) // 2


def _utf8(code: int) -> bytes:
    # surrogatepass: TDLib appends lone surrogates too and only rejects them after parsing.
    return chr(code).encode("utf-8", "surrogatepass")


def _checked_link(url: str) -> str:
    """LinkManager::get_checked_link: the normalised link, or "" if Telegram drops it."""
    try:
        return check_link(url)
    except LinkError:
        return ""


def _date_format_ok(date_format: str) -> bool:
    if date_format in ("r", "R"):
        return True
    return all(c in "tTdDwW" for c in date_format)


def parse_html(source: str, *, strict_ampersands: bool = False) -> tuple[str, list[Entity]]:
    """Parse Telegram HTML into (plain text, entities); raises HtmlParseError like TDLib."""
    raw = source.encode("utf-8", "surrogatepass")
    size = len(raw)
    # TDLib reads the NUL terminator of the C string; padding gives every look-ahead a NUL.
    text = raw + b"\0\0\0"
    out = bytearray()
    entities: list[Entity] = []
    stack: list[_OpenTag] = []
    utf16 = 0
    need_recheck_utf8 = False
    i = 0
    while i < size:
        c = text[i]
        if c != 0x26 and c != 0x3C:
            # Copy the run up to the next '&' or '<' at once (TDLib goes byte by byte; the
            # result is the same because ASCII never occurs inside a multi-byte sequence).
            special = _SPECIAL.search(text, i, size)
            end = special.start() if special is not None else size
            run = text[i:end]
            out += run
            utf16 += _utf16_units(run)
            i = end
            continue
        if c == 0x26:  # '&'
            common = _COMMON_ENTITY.match(text, i)  # fast path for the usual escapes
            if common is not None:
                out.append(_NAMED_ENTITIES[common.group(1)])
                utf16 += 1
                i = common.end()
                continue
            code, after = _decode_entity(text, i)
            if code != 0:
                utf16 += 2 if code > 0xFFFF else 1
                if 0xD800 <= code <= 0xDFFF:
                    need_recheck_utf8 = True
                out += _utf8(code)
                i = after
                continue
            if strict_ampersands:
                raise HtmlParseError(
                    f'Character "&" at byte offset {i} does not start an entity; '
                    "escape it as &amp; (fake strict mode: Telegram itself keeps it)"
                )
            out.append(c)  # TDLib keeps it as a literal character
            utf16 += 1
            i += 1
            continue

        begin = i
        i += 1
        if text[i] != 0x2F:  # start tag
            while text[i] not in _SPACE and text[i] != 0x3E:
                i += 1
            if text[i] == 0:
                raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
            tag = text[begin + 1 : i].lower().decode("utf-8", "replace")
            if tag not in _TAGS:
                raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument = ""
            date = 0
            while text[i] != 0x3E:
                while text[i] != 0 and text[i] in _SPACE:
                    i += 1
                if text[i] == 0x3E:
                    break
                attribute_begin = i
                while text[i] not in _SPACE and text[i] not in b"=>/\"'":
                    i += 1
                attribute = text[attribute_begin:i]
                if not attribute:
                    raise HtmlParseError(
                        f'Empty attribute name in the tag "{tag}" at byte offset {begin}'
                    )
                while text[i] != 0 and text[i] in _SPACE:
                    i += 1
                if text[i] != 0x3D:  # no '=': a bare attribute
                    if text[i] == 0:
                        raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                    if tag == "blockquote" and attribute == b"expandable":
                        argument = "1"
                    continue
                i += 1
                while text[i] != 0 and text[i] in _SPACE:
                    i += 1
                if text[i] == 0:
                    raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                if text[i] not in (0x22, 0x27):
                    # A name token: letters, digits, periods, hyphens; case-insensitive.
                    token_begin = i
                    while _is_alpha(text[i]) or _is_digit(text[i]) or text[i] in (0x2E, 0x2D):
                        i += 1
                    value = text[token_begin:i].lower()
                    if text[i] not in _SPACE and text[i] != 0x3E:
                        raise HtmlParseError(
                            f"Unexpected end of name token at byte offset {token_begin}"
                        )
                else:
                    quote = text[i]
                    i += 1
                    buffer = bytearray()
                    while text[i] != quote and text[i] != 0:
                        if text[i] == 0x26:
                            code, after = _decode_entity(text, i)
                            if code != 0:
                                buffer += _utf8(code)
                                i = after
                                continue
                        buffer.append(text[i])
                        i += 1
                    if text[i] == quote:
                        i += 1
                    value = bytes(buffer)
                if text[i] == 0:
                    raise HtmlParseError(f"Unclosed start tag at byte offset {begin}")
                decoded = value.decode("utf-8", "replace")
                if tag == "a" and attribute == b"href":
                    argument = decoded
                elif tag == "code" and attribute == b"class" and decoded.startswith("language-"):
                    argument = decoded[9:]
                elif tag == "span" and attribute == b"class" and decoded.startswith("tg-"):
                    argument = decoded[3:]
                elif (tag == "tg-emoji" and attribute == b"emoji-id") or (
                    tag == "tg-time" and attribute == b"format"
                ):
                    argument = decoded
                elif tag == "blockquote" and attribute == b"expandable":
                    argument = "1"
                elif tag == "tg-time" and attribute == b"unix":
                    date = _to_int32(decoded)
            if tag == "span" and argument != "spoiler":
                raise HtmlParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                )
            stack.append(_OpenTag(tag, argument, date, utf16, len(out)))
            i += 1  # past '>'
            continue

        # end tag
        if not stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {begin}")
        while text[i] not in _SPACE and text[i] != 0x3E:
            i += 1
        end_tag = text[begin + 2 : i].lower().decode("utf-8", "replace")
        while text[i] != 0 and text[i] in _SPACE:
            i += 1
        if text[i] != 0x3E:
            raise HtmlParseError(f"Unclosed end tag at byte offset {begin}")
        open_tag = stack.pop()
        if end_tag and end_tag != open_tag.name:
            raise HtmlParseError(
                f'Unmatched end tag at byte offset {begin}, expected "</{open_tag.name}>", '
                f'found "</{end_tag}>"'
            )
        i += 1  # past '>'
        if utf16 > open_tag.utf16_offset:
            _close_entity(open_tag, utf16, out, entities)

    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"')
    try:
        plain = out.decode("utf-8")
    except UnicodeDecodeError as error:
        if need_recheck_utf8:
            raise HtmlParseError(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            ) from error
        raise
    # Code entities keep their language only inside <pre>.
    entities = [
        Entity("code", e.offset, e.length) if e.type == "code" and e.language else e
        for e in entities
    ]
    entities.sort(key=Entity.sort_key)
    return plain, entities


def _to_int32(value: str) -> int:
    """td::to_integer: leading digits (with an optional minus), 0 for anything else."""
    match = _LEADING_INTEGER.match(value)
    return int(match.group()) if match else 0


def _close_entity(tag: _OpenTag, utf16: int, out: bytearray, entities: list[Entity]) -> None:
    """Turn a closed, non-empty tag into its entity, as the end-tag branch of parse_html does."""
    offset = tag.utf16_offset
    length = utf16 - offset
    name = tag.name
    if name in _SIMPLE_TAGS or (name == "span" and tag.argument == "spoiler"):
        entities.append(Entity(_SIMPLE_TAGS.get(name, "spoiler"), offset, length))
    elif name == "tg-emoji":
        try:
            document_id = int(tag.argument)
        except ValueError:
            document_id = 0
        if document_id <= 0 or document_id >= 2**63:
            raise HtmlParseError("Invalid custom emoji identifier specified")
        entities.append(Entity("custom_emoji", offset, length, custom_emoji_id=tag.argument))
    elif name == "tg-time":
        if not _date_format_ok(tag.argument):
            raise HtmlParseError("Invalid date format used")
        if tag.date > 0:
            entities.append(
                Entity(
                    "date_time",
                    offset,
                    length,
                    unix_time=tag.date,
                    date_time_format=tag.argument or None,
                )
            )
    elif name == "a":
        url = tag.argument or out[tag.out_position :].decode("utf-8", "replace")
        checked = _checked_link(url)
        if checked:
            entities.append(Entity("text_link", offset, length, url=checked))
    elif name == "pre":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last.type == "code"
            and last.offset == offset
            and last.length == length
            and last.language
        ):
            entities[-1] = Entity("pre", offset, length, language=last.language)
        else:
            entities.append(Entity("pre", offset, length))
    elif name == "code":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last.type == "pre"
            and last.offset == offset
            and last.length == length
            and tag.argument
        ):
            entities[-1] = Entity("pre", offset, length, language=tag.argument)
        else:
            entities.append(Entity("code", offset, length, language=tag.argument or None))
    elif name == "blockquote":
        kind = "expandable_blockquote" if tag.argument else "blockquote"
        entities.append(Entity(kind, offset, length))


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units: characters outside the BMP count twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
