"""Splitting Telegram HTML into messages and planning the Bot API calls of a reply."""

from __future__ import annotations

from html.parser import HTMLParser

from bot.telegram_render import (
    CAPTION_LIMIT,
    MESSAGE_LIMIT,
    plain_text,
    split_html,
    telegram_length,
)
from bot.telegram_send import plan_reply
from flows.events import Attachment, Reply


class _Balance(HTMLParser):
    """Fails on a closing tag that does not match the innermost open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()


def balanced(markup: str) -> bool:
    """Every tag opened in the part is closed in it, properly nested."""
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    return not parser.stack


def test_length_counts_text_after_entities_in_utf16_units() -> None:
    assert telegram_length("<b>a &amp; b</b>") == 5
    assert telegram_length("😀") == 2  # outside the BMP: a surrogate pair
    assert telegram_length('<a href="https://example.org/very/long">x</a>') == 1


def test_short_text_is_one_part_unchanged() -> None:
    markup = "<b>Kringwinkel &amp; co</b>\nline two"
    assert split_html(markup) == [markup]


def test_long_text_splits_on_line_ends_and_keeps_every_line() -> None:
    lines = [f"• <b>stakeholder {n}</b> — advies &amp; uitleg {'x' * 60}" for n in range(120)]
    markup = "\n".join(lines)
    assert telegram_length(markup) > MESSAGE_LIMIT
    parts = split_html(markup)
    assert len(parts) >= 2
    assert all(telegram_length(part) <= MESSAGE_LIMIT for part in parts)
    assert all(balanced(part) for part in parts)
    # Every line ends up whole in exactly one part: splits happened between lines only.
    seen = [line for part in parts for line in part.split("\n")]
    assert seen == lines


def test_tags_spanning_lines_are_closed_and_reopened() -> None:
    body = "\n".join(f"regel {n} " + "y" * 80 for n in range(80))
    markup = f'<blockquote expandable><a href="https://t.me/x">{body}</a></blockquote>'
    parts = split_html(markup)
    assert len(parts) >= 2
    for part in parts:
        assert telegram_length(part) <= MESSAGE_LIMIT
        assert balanced(part)
        assert part.startswith('<blockquote expandable><a href="https://t.me/x">')
    assert "\n".join(plain_text(p) for p in parts) == plain_text(markup)


def test_a_single_long_line_splits_at_spaces_inside_open_tags() -> None:
    words = [f"woord{n}" for n in range(1200)]
    markup = "<i>intro</i> <b>" + " ".join(words) + "</b> einde"
    parts = split_html(markup)
    assert len(parts) >= 2
    assert all(telegram_length(p) <= MESSAGE_LIMIT and balanced(p) for p in parts)
    assert parts[1].startswith("<b>")  # the bold run continues in the next part
    rebuilt = " ".join(plain_text(p) for p in parts)
    assert rebuilt == plain_text(markup)


def test_no_space_at_all_still_splits_and_counts_emoji_twice() -> None:
    markup = "😀" * 3000  # 6000 UTF-16 units
    parts = split_html(markup)
    assert [telegram_length(p) for p in parts] == [4096, 1904]
    assert "".join(parts) == markup


def test_escaped_user_text_is_never_cut_inside_an_entity() -> None:
    markup = "&lt;b&gt;Kringwinkel &amp; co&lt;/b&gt; " * 200
    parts = split_html(markup)
    assert len(parts) >= 2
    assert "".join(plain_text(p) + " " for p in parts).split() == plain_text(markup).split()


def test_keyboard_goes_under_the_last_part() -> None:
    marker = object()
    reply = Reply("\n".join("z" * 100 for _ in range(60)))
    calls = plan_reply(reply, marker, 42)  # type: ignore[arg-type]
    assert len(calls) == 2
    assert calls[0].keyboard is None and calls[-1].keyboard is marker


def test_photo_caption_when_short_else_text_first() -> None:
    image = Attachment("grid.png", b"\x89PNG", "image/png")
    short = plan_reply(Reply("<b>kaart</b>", image=image), None, 7)
    assert [(c.photo is not None, c.html) for c in short] == [(True, "<b>kaart</b>")]
    long_html = "a " * (CAPTION_LIMIT)
    long = plan_reply(Reply(long_html, image=image), None, 7)
    assert [c.photo is not None for c in long] == [False, True]
    assert long[0].html == long_html and long[1].html == ""


def test_replace_edits_only_when_the_text_fits_one_message() -> None:
    assert plan_reply(Reply("kort", replace=True), None, 1, edit_message_id=9)[0].edit_message_id
    long = plan_reply(Reply("x\n" * 5000, replace=True), None, 1, edit_message_id=9)
    assert all(c.edit_message_id is None for c in long)
