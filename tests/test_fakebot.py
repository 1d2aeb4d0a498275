"""The fake Telegram Bot API, driven by the real python-telegram-bot over HTTP.

Every expected description below is Telegram's own wording (telegram-bot-api / TDLib); the
fake must produce it for the bot's error handling to be tested against the real thing.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import time
import warnings
from collections.abc import AsyncIterator, Awaitable
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageEntity,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.fakebot import FakeTelegram, HtmlParseError, RateLimits, parse_html
from tests.images import png

pytestmark = pytest.mark.asyncio

TOKEN = "123456:TEST-token"
OTHER_POLLER = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"


# -- helpers -----------------------------------------------------------------------------------


def make_bot(fake: FakeTelegram, token: str | None = None) -> Bot:
    """A real PTB Bot pointed at the fake."""
    return Bot(
        token or fake.token,
        base_url=f"{fake.base_url}/bot",
        base_file_url=f"{fake.base_url}/file/bot",
    )


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A running fake with Telegram's behaviour."""
    async with FakeTelegram(token=TOKEN, bot_username="kringkoers_test_bot") as server:
        yield server


@pytest_asyncio.fixture
async def strict() -> AsyncIterator[FakeTelegram]:
    """A running fake with the checks that are stricter than Telegram's."""
    async with FakeTelegram(token=TOKEN, strict=True) as server:
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """An initialized PTB Bot talking to ``fake``."""
    async with make_bot(fake) as client:
        yield client


def ptb_message(description: str) -> str:
    """What PTB makes of a description: "Bad Request: " dropped and the rest capitalized."""
    stripped = description.removeprefix("Bad Request: ")
    return stripped.capitalize() if stripped != description else description


async def rejected(
    fake: FakeTelegram,
    call: Awaitable[Any],
    description: str,
    error: type[TelegramError] = BadRequest,
) -> None:
    """The call fails with exactly Telegram's description, as the fake sent it and PTB read it."""
    with pytest.raises(error) as caught:
        await call
    failed = [r for r in fake.requests if r.status != 200]
    assert failed, "the fake recorded no failed request"
    assert failed[-1].description == description
    assert caught.value.message == ptb_message(description)


def seconds(value: int | dtm.timedelta) -> float:
    """RetryAfter.retry_after is an int or a timedelta depending on PTB_TIMEDELTA."""
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def retry_after(error: RetryAfter) -> float:
    """Seconds to wait; PTB warns that its int form is deprecated, which is no news here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return seconds(error.retry_after)


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """Callback buttons from (label, data) pairs."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


class Receiver:
    """A tiny webhook endpoint: records what arrives and answers from a script."""

    def __init__(self, answers: list[web.Response] | None = None) -> None:
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self._answers = answers or []
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _handle(self, request: web.Request) -> web.Response:
        self.received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        if self._answers:
            return self._answers.pop(0)
        return web.Response(text="ok")

    async def __aenter__(self) -> Receiver:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/hook"
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


# -- identity and routing ----------------------------------------------------------------------


async def test_get_me_describes_the_bot(fake: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (123456, True, "kringkoers_test_bot")
    assert fake.bot_id == 123456
    assert fake.calls("getMe")[-1].status == 200


async def test_wrong_token_is_unauthorized_and_malformed_token_not_found(
    fake: FakeTelegram,
) -> None:
    with pytest.raises(InvalidToken):
        async with make_bot(fake, "123456:another-token"):
            pass  # initialize() calls getMe
    last = fake.requests[-1]
    assert (last.method, last.status, last.description) == ("getMe", 401, "Unauthorized")
    with pytest.raises(InvalidToken):
        async with make_bot(fake, "not-a-token"):
            pass
    last = fake.requests[-1]
    assert (last.method, last.status, last.description) == ("getMe", 404, "Not Found")


async def test_unknown_method_is_not_found(fake: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": 1})
    assert (fake.requests[-1].status, fake.requests[-1].description) == (404, "Not Found")


async def test_json_bodies_and_any_method_case_are_accepted(fake: FakeTelegram) -> None:
    user = fake.user(1001, "An")
    body = {
        "chat_id": user.id,
        "text": "<i>json</i>",
        "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{"text": "Ja", "callback_data": "ja"}]]},
    }
    async with aiohttp.ClientSession() as session:
        url = f"{fake.base_url}/bot{fake.token}/SENDMESSAGE"
        async with session.post(url, json=body) as response:
            answer = await response.json()
    assert response.status == 200
    assert answer["ok"] is True and answer["result"]["text"] == "json"
    assert user.last_message.has_entity("italic", "json")
    assert user.last_message.buttons == [["Ja"]]
    assert fake.requests[-1].method == "sendMessage"


# -- getUpdates --------------------------------------------------------------------------------


async def test_long_poll_returns_as_soon_as_a_message_arrives(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An", language_code="nl")
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await fake.wait_until(lambda: fake.long_poll_active)
    started = time.monotonic()
    await user.send("/start abc")
    updates = await poll
    assert time.monotonic() - started < 2
    [update] = updates
    assert update.message is not None
    assert update.message.text == "/start abc"
    assert update.message.chat.id == user.id
    assert update.message.from_user is not None
    assert update.message.from_user.language_code == "nl"
    assert update.message.entities == (
        MessageEntity(type=MessageEntity.BOT_COMMAND, offset=0, length=6),
    )


async def test_long_poll_without_updates_waits_its_timeout(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9


async def test_offset_confirms_and_negative_offset_keeps_the_newest(
    fake: FakeTelegram, bot: Bot
) -> None:
    user = fake.user(1001, "An")
    for text in ("een", "twee", "drie", "vier"):
        await user.send(text)
    ids = [u.update_id for u in await bot.get_updates()]
    assert ids == list(range(ids[0], ids[0] + 4))
    assert fake.pending_update_count == 4  # reading does not confirm

    rest = await bot.get_updates(offset=ids[1])
    assert [u.update_id for u in rest] == ids[1:]
    assert fake.pending_update_count == 3

    newest = await bot.get_updates(offset=-1)
    assert [u.update_id for u in newest] == [ids[3]]
    assert fake.pending_update_count == 1

    assert await bot.get_updates(offset=ids[3] + 1) == ()
    assert fake.pending_update_count == 0


async def test_repeating_an_offset_at_once_gets_one_update(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    for text in ("een", "twee", "drie"):
        await user.send(text)
    assert len(await bot.get_updates(offset=0)) == 3
    # telegram-bot-api's anti-busy-loop rule: the same offset within 0.5 s gets limit=1.
    assert len(await bot.get_updates(offset=0)) == 1


async def test_repeating_an_offset_within_3_s_makes_timeout_0_wait(
    fake: FakeTelegram, bot: Bot
) -> None:
    user = fake.user(1001, "An")
    assert await bot.get_updates(offset=0, timeout=0) == ()
    # telegram-bot-api raises a timeout below 3 to 3 when the offset repeats within 3 s.
    poll = asyncio.create_task(bot.get_updates(offset=0, timeout=0))
    await fake.wait_until(lambda: fake.long_poll_active, timeout=2)
    await user.send("hallo")
    [update] = await poll
    assert update.message is not None and update.message.text == "hallo"


async def test_allowed_updates_keeps_other_types_out_of_the_queue(
    fake: FakeTelegram, bot: Bot
) -> None:
    user = fake.user(1001, "An")
    await bot.send_message(user.id, "Kies", reply_markup=keyboard([("Hoog", "h")]))
    assert await bot.get_updates(allowed_updates=["callback_query"]) == ()
    await user.send("wordt niet bezorgd")
    assert fake.pending_update_count == 0
    await user.press("Hoog")
    [update] = await bot.get_updates(offset=-5)
    assert update.callback_query is not None and update.callback_query.data == "h"

    await bot.get_updates(offset=update.update_id + 1, allowed_updates=[])  # back to default
    await user.send("wel bezorgd")
    assert fake.pending_update_count == 1


async def test_a_second_poller_ends_the_first_with_conflict(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    first = asyncio.create_task(bot.get_updates(timeout=10))
    await fake.wait_until(lambda: fake.long_poll_active)
    async with make_bot(fake) as other_process:
        second = asyncio.create_task(other_process.get_updates(timeout=10))
        with pytest.raises(Conflict) as caught:
            await first
        assert caught.value.message == OTHER_POLLER
        await fake.wait_until(lambda: fake.long_poll_active)
        await user.send("voor de nieuwe poller")
        [update] = await second
    assert update.message is not None and update.message.text == "voor de nieuwe poller"


async def test_set_webhook_ends_a_waiting_long_poll(fake: FakeTelegram, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await fake.wait_until(lambda: fake.long_poll_active)
    assert await bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Conflict) as caught:
        await poll
    assert caught.value.message == "Conflict: terminated by setWebhook request"


async def test_get_updates_while_a_webhook_is_set_conflicts(fake: FakeTelegram, bot: Bot) -> None:
    assert await bot.set_webhook("http://127.0.0.1:9/hook")
    await rejected(
        fake,
        bot.get_updates(),
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
        "to delete the webhook first",
        Conflict,
    )
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_redelivered_update_comes_again_with_the_same_id(
    fake: FakeTelegram, bot: Bot
) -> None:
    user = fake.user(1001, "An")
    await user.send("/start")
    [first] = await bot.get_updates()
    assert await bot.get_updates(offset=first.update_id + 1) == ()  # confirmed
    fake.redeliver(first.update_id)
    [again] = await bot.get_updates(offset=first.update_id + 1)
    assert again.update_id == first.update_id
    assert again.message is not None and again.message.text == "/start"


async def test_delete_webhook_can_drop_pending_updates(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    await user.send("een")
    await user.send("twee")
    assert (await bot.get_webhook_info()).pending_update_count == 2
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert fake.pending_update_count == 0
    assert await bot.get_updates() == ()


# -- webhooks ----------------------------------------------------------------------------------


async def test_webhook_posts_updates_with_the_secret_and_records_statuses(
    fake: FakeTelegram, bot: Bot
) -> None:
    user = fake.user(1001, "An")
    async with Receiver([web.Response(status=500), web.Response(text="ok")]) as receiver:
        assert await bot.set_webhook(receiver.url, secret_token="kring_koers-42")
        await user.send("hallo")
        await fake.wait_until(lambda: any(d.status == 200 for d in fake.webhook_deliveries))

        update_id = fake.webhook_deliveries[0].update_id
        assert [(d.update_id, d.status) for d in fake.webhook_deliveries] == [
            (update_id, 500),
            (update_id, 200),
        ]
        secret, body = receiver.received[-1]
        assert secret == "kring_koers-42"
        assert body["update_id"] == update_id
        assert body["message"]["text"] == "hallo"
        info = await bot.get_webhook_info()
        assert info.url == receiver.url
        assert info.pending_update_count == 0
        assert info.last_error_message is not None and "500" in info.last_error_message

        fake.redeliver(update_id)
        await fake.wait_until(lambda: len(receiver.received) == 3)
        assert receiver.received[-1][1]["update_id"] == update_id


async def test_a_webhook_answer_can_carry_a_bot_api_call(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    reply = web.json_response({"method": "sendMessage", "chat_id": user.id, "text": "Dag An"})
    async with Receiver([reply]) as receiver:
        assert await bot.set_webhook(receiver.url)
        await user.send("hallo")
        [message] = await user.wait_for_messages(count=1, timeout=5)
    assert message.text == "Dag An"


@pytest.mark.parametrize(
    ("secret", "description"),
    [
        ("kring koers", "Bad Request: secret token contains unallowed characters"),
        ("x" * 257, "Bad Request: secret token is too long"),
    ],
)
async def test_set_webhook_checks_the_secret_token(
    fake: FakeTelegram, bot: Bot, secret: str, description: str
) -> None:
    await rejected(
        fake, bot.set_webhook("http://127.0.0.1:9/hook", secret_token=secret), description
    )
    assert fake.webhook is None


# -- text --------------------------------------------------------------------------------------


async def test_html_is_stored_as_plain_text_with_entities(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_message(user.id, "<b>Kringwinkel &amp; co</b>", parse_mode="HTML")
    assert sent.text == "Kringwinkel & co"
    assert sent.entities == (MessageEntity(type=MessageEntity.BOLD, offset=0, length=16),)
    stored = user.last_message
    assert (stored.text, stored.html) == ("Kringwinkel & co", "<b>Kringwinkel &amp; co</b>")
    assert stored.has_entity("bold", "Kringwinkel & co")


async def test_bare_ampersand_is_literal_on_telegram_and_refused_in_strict_mode(
    fake: FakeTelegram, bot: Bot, strict: FakeTelegram
) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_message(user.id, "<b>Kringwinkel & co</b>", parse_mode="HTML")
    assert sent.text == "Kringwinkel & co"  # TDLib keeps an "&" that starts no entity

    strict_user = strict.user(1001, "An")
    async with make_bot(strict) as strict_bot:
        with pytest.raises(BadRequest) as caught:
            await strict_bot.send_message(
                strict_user.id, "<b>Kringwinkel & co</b>", parse_mode="HTML"
            )
    assert "fake strict mode" in caught.value.message
    assert strict.requests[-1].description is not None
    assert strict.requests[-1].description.startswith(
        'Bad Request: can\'t parse entities: Character "&" at byte offset 15'
    )


@pytest.mark.parametrize(
    ("html", "detail"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("5 < 6", 'Unsupported start tag "" at byte offset 2'),
        ("x <b", "Unclosed start tag at byte offset 2"),
        ("</b>", "Unexpected end tag at byte offset 0"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("é<x>", 'Unsupported start tag "x" at byte offset 2'),  # offsets count bytes
    ],
)
async def test_broken_html_gets_telegrams_description(
    fake: FakeTelegram, bot: Bot, html: str, detail: str
) -> None:
    user = fake.user(1001, "An")
    await rejected(
        fake,
        bot.send_message(user.id, html, parse_mode="HTML"),
        f"Bad Request: can't parse entities: {detail}",
    )
    assert user.messages == []


@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [
        # Cases from TDLib's own test suite (test/message_entities.cpp).
        ("&ge;&lt;&gt;&amp;&quot;&laquo;&#12345678;", '&ge;<>&"&laquo;&#12345678;', []),
        ("🏟 🏟<i>🏟 &lt🏟</i>", "🏟 🏟🏟 <🏟", [("italic", 5, 6, None)]),
        ("<a href=telegram.org> </a>", " ", [("text_link", 0, 1, "http://telegram.org/")]),
        ("<a>telegram.org </a>", "telegram.org ", []),
        ("🏟 🏟&lt;<b></b>", "🏟 🏟<", []),  # empty tags make no entity
        ('<pre><code class="language-fift">x</code></pre>', "x", [("pre", 0, 1, "fift")]),
        ("<blockquote expandable>a</blockquote>", "a", [("expandable_blockquote", 0, 1, None)]),
        (
            '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>',
            "st",
            [("spoiler", 0, 1, None), ("spoiler", 1, 1, None)],
        ),
    ],
)
async def test_parse_html_follows_tdlib(
    html: str, text: str, entities: list[tuple[str, int, int, str | None]]
) -> None:
    plain, found = parse_html(html)
    assert plain == text
    assert [(e.type, e.offset, e.length, e.url or e.language) for e in found] == entities


async def test_parse_html_reports_byte_offsets_after_emoji() -> None:
    with pytest.raises(HtmlParseError, match='Unsupported start tag "abac" at byte offset 13'):
        parse_html("🏟 🏟&lt;<abac aba>")


async def test_message_length_counts_characters_after_parsing(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    assert (await bot.send_message(user.id, "x" * 4096)).text == "x" * 4096
    await rejected(fake, bot.send_message(user.id, "x" * 4097), "Bad Request: message is too long")
    # 4096 characters once "&amp;" is decoded, though the HTML itself is five times longer.
    sent = await bot.send_message(user.id, "&amp;" * 4096, parse_mode="HTML")
    assert sent.text == "&" * 4096
    # TDLib measures code points: an emoji outside the BMP counts once here...
    assert (await bot.send_message(user.id, "😀" * 4096)).text == "😀" * 4096
    await rejected(fake, bot.send_message(user.id, "😀" * 4097), "Bad Request: message is too long")


async def test_strict_mode_counts_utf16_code_units(strict: FakeTelegram) -> None:
    user = strict.user(1001, "An")
    async with make_bot(strict) as client:
        # ...while strict mode counts a surrogate pair as two units.
        assert (await client.send_message(user.id, "😀" * 2048)).text == "😀" * 2048
        await rejected(
            strict,
            client.send_message(user.id, "😀" * 2048 + "x"),
            "Bad Request: message is too long",
        )


async def test_caption_length_is_1024(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_document(user.id, b"data", filename="a.txt", caption="x" * 1024)
    assert sent.caption == "x" * 1024
    await rejected(
        fake,
        bot.send_document(user.id, b"data", filename="a.txt", caption="x" * 1025),
        "Bad Request: message caption is too long",
    )


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("", "Bad Request: message text is empty"),
        ("  \n ", "Bad Request: text must be non-empty"),
        ("<b> </b>", "Bad Request: text must be non-empty"),
    ],
)
async def test_empty_texts_are_refused(
    fake: FakeTelegram, bot: Bot, text: str, description: str
) -> None:
    user = fake.user(1001, "An")
    await rejected(fake, bot.send_message(user.id, text, parse_mode="HTML"), description)


async def test_text_is_trimmed_like_telegram(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_message(user.id, "  \n<b>Hallo</b> team \n ", parse_mode="HTML")
    assert sent.text == "Hallo team"
    assert sent.entities == (MessageEntity(type=MessageEntity.BOLD, offset=0, length=5),)


# -- keyboards ---------------------------------------------------------------------------------


async def test_callback_data_may_have_64_bytes(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    for data in ("a" * 64, "é" * 32):
        await bot.send_message(user.id, "ok", reply_markup=keyboard([("Ja", data)]))
    assert [m.markup.inline_rows[0][0].value for m in user.messages if m.markup] == [
        "a" * 64,
        "é" * 32,
    ]
    for data in ("a" * 65, "é" * 33):  # bytes count, not characters
        await rejected(
            fake,
            bot.send_message(user.id, "nee", reply_markup=keyboard([("Ja", data)])),
            "Bad Request: BUTTON_DATA_INVALID",
        )


@pytest.mark.parametrize(
    ("markup", "description"),
    [
        (
            InlineKeyboardMarkup([[InlineKeyboardButton("Site", url="ftp://example.org")]]),
            "Bad Request: inline keyboard button URL 'ftp://example.org' is invalid: "
            "Unsupported URL protocol",
        ),
        (
            InlineKeyboardMarkup([[InlineKeyboardButton("Lokaal", url="http://localhost:8080")]]),
            "Bad Request: inline keyboard button URL 'http://localhost:8080' is invalid: "
            "Wrong HTTP URL",
        ),
        (
            InlineKeyboardMarkup([[InlineKeyboardButton("Tekst")]]),
            "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in "
            "the inline keyboard",
        ),
        (keyboard([(str(i), str(i)) for i in range(9)]), "Bad Request: reply markup is too long"),
        (
            keyboard(*[[(f"{r}.{c}", f"{r}.{c}") for c in range(5)] for r in range(21)]),
            "Bad Request: reply markup is too long",
        ),
    ],
)
async def test_bad_keyboards_are_refused(
    fake: FakeTelegram, bot: Bot, markup: InlineKeyboardMarkup, description: str
) -> None:
    user = fake.user(1001, "An")
    await rejected(fake, bot.send_message(user.id, "Kies", reply_markup=markup), description)


async def test_largest_allowed_keyboard_and_url_normalisation(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    grid = keyboard(*[[(f"{r}.{c}", f"{r}.{c}") for c in range(8)] for r in range(12)])
    grid = InlineKeyboardMarkup(
        [*grid.inline_keyboard, [InlineKeyboardButton("x", callback_data="x")] * 4]
    )
    await bot.send_message(user.id, "100 knoppen", reply_markup=grid)
    assert sum(len(row) for row in user.last_message.buttons) == 100

    links = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Site", url="example.org/koers")],
            [InlineKeyboardButton("Bot", url="tg://resolve?domain=kringkoers")],
        ]
    )
    sent = await bot.send_message(user.id, "Links", reply_markup=links)
    assert sent.reply_markup is not None
    urls = [row[0].url for row in sent.reply_markup.inline_keyboard]
    assert urls == ["http://example.org/koers", "tg://resolve?domain=kringkoers"]


async def test_button_without_text_is_dropped_but_strict_mode_refuses_it(
    fake: FakeTelegram, bot: Bot, strict: FakeTelegram
) -> None:
    user = fake.user(1001, "An")
    markup = keyboard([("", "leeg"), ("Ja", "ja")])
    await bot.send_message(user.id, "Kies", reply_markup=markup)
    assert user.last_message.buttons == [["Ja"]]

    strict_user = strict.user(1001, "An")
    async with make_bot(strict) as strict_bot:
        with pytest.raises(BadRequest, match="fake strict mode"):
            await strict_bot.send_message(strict_user.id, "Kies", reply_markup=markup)


# -- editing and deleting ----------------------------------------------------------------------


async def test_edit_message_text_rules(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    other = fake.user(1002, "Bo")
    markup = keyboard([("Hoog", "h")])
    sent = await bot.send_message(user.id, "<b>Vraag</b>", parse_mode="HTML", reply_markup=markup)

    await rejected(
        fake,
        bot.edit_message_text("x", chat_id=user.id, message_id=999),
        "Bad Request: message to edit not found",
    )
    await rejected(
        fake,
        bot.edit_message_text("x", chat_id=other.id, message_id=sent.message_id),
        "Bad Request: message to edit not found",
    )
    await rejected(
        fake,
        bot.edit_message_text(
            "<b>Vraag</b>",
            chat_id=user.id,
            message_id=sent.message_id,
            parse_mode="HTML",
            reply_markup=markup,
        ),
        NOT_MODIFIED,
    )
    typed = await user.send("iets")
    await rejected(
        fake,
        bot.edit_message_text("x", chat_id=user.id, message_id=typed.message_id),
        "Bad Request: message can't be edited",
    )

    # Same text, no reply_markup: modified, because the edit removes the keyboard.
    await bot.edit_message_text(
        "<b>Vraag</b>", chat_id=user.id, message_id=sent.message_id, parse_mode="HTML"
    )
    edited = await bot.edit_message_text(
        "Antwoord: <i>hoog</i>", chat_id=user.id, message_id=sent.message_id, parse_mode="HTML"
    )
    assert isinstance(edited, type(sent)) and edited.edit_date is not None
    stored = user.last_message
    assert (stored.text, stored.edited, stored.buttons) == ("Antwoord: hoog", True, [])
    assert stored.history == ["<b>Vraag</b>", "<b>Vraag</b>"]
    assert stored.has_entity("italic", "hoog")


async def test_edit_reply_markup_and_not_modified(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_message(user.id, "Kies", reply_markup=keyboard([("A", "a")]))
    await bot.edit_message_reply_markup(
        user.id, sent.message_id, reply_markup=keyboard([("B", "b")])
    )
    assert user.last_message.buttons == [["B"]]
    await rejected(
        fake,
        bot.edit_message_reply_markup(
            user.id, sent.message_id, reply_markup=keyboard([("B", "b")])
        ),
        NOT_MODIFIED,
    )
    await bot.edit_message_reply_markup(user.id, sent.message_id)
    assert user.last_message.buttons == []


async def test_delete_message(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    first = await bot.send_message(user.id, "een")
    await bot.send_message(user.id, "twee")
    assert await bot.delete_message(user.id, first.message_id)
    assert [m.text for m in user.messages] == ["twee"]
    await rejected(
        fake,
        bot.delete_message(user.id, first.message_id),
        "Bad Request: message to delete not found",
    )


# -- chats and people --------------------------------------------------------------------------


async def test_unknown_chats_are_not_found(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An", language_code="nl")
    group = fake.group(-100123, "Team Gent")
    await rejected(fake, bot.send_message(999, "hallo"), "Bad Request: chat not found")
    await rejected(fake, bot.send_message(-4242, "hallo"), "Bad Request: chat not found")
    await bot.send_message(group.id, "Welkom team")
    assert group.last_message.text == "Welkom team"
    chat = await bot.get_chat(user.id)
    assert (chat.id, chat.type, chat.first_name) == (user.id, "private", "An")
    assert (await bot.get_chat(group.id)).title == "Team Gent"


async def test_blocked_and_never_started_users_are_forbidden(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    stranger = fake.user(1003, "Cas", started=False)
    fake.block(user)
    await rejected(
        fake,
        bot.send_message(user.id, "hallo"),
        "Forbidden: bot was blocked by the user",
        Forbidden,
    )
    await rejected(
        fake,
        bot.send_message(stranger.id, "hallo"),
        "Forbidden: bot can't initiate conversation with a user",
        Forbidden,
    )
    [update] = await bot.get_updates()
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"

    await user.send("/start")  # "Restart" unblocks the bot
    assert not user.blocked
    assert (await bot.send_message(user.id, "Welkom terug")).text == "Welkom terug"


async def test_group_messages_and_commands(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    outsider = fake.user(1002, "Bo")
    group = fake.group(-100123, "Team Gent").add(user)
    await user.send("/koppel@kringkoers_test_bot code", chat=group)
    [update] = await bot.get_updates()
    assert update.message is not None
    assert (update.message.chat.id, update.message.chat.type) == (-100123, "group")
    assert update.message.entities[0].length == len("/koppel@kringkoers_test_bot")
    with pytest.raises(ValueError, match="not a member"):
        await outsider.send("hallo", chat=group)


async def test_chat_actions(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    assert await bot.send_chat_action(user.id, "typing")
    assert [(a.chat_id, a.action) for a in fake.chat_actions] == [(user.id, "typing")]
    await rejected(
        fake,
        bot.send_chat_action(user.id, "dancing"),
        "Bad Request: wrong parameter action in request",
    )


# -- callback queries --------------------------------------------------------------------------


async def test_application_receives_a_pressed_button_and_answers() -> None:
    seen_args: list[list[str]] = []

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen_args.append(list(context.args or []))
        assert update.effective_message is not None
        await update.effective_message.reply_html(
            "<b>Ambitie?</b>", reply_markup=keyboard([("Hoog", "hoog"), ("Laag", "laag")])
        )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer(f"Opgeslagen: {query.data}")
        await query.edit_message_text(f"Gekozen: <b>{query.data}</b>", parse_mode="HTML")

    # poll_throttling=False: Updater.stop() need not wait Telegram's 3 s for its last poll.
    async with FakeTelegram(token=TOKEN, poll_throttling=False) as fake:
        app = (
            Application.builder()
            .token(fake.token)
            .base_url(f"{fake.base_url}/bot")
            .base_file_url(f"{fake.base_url}/file/bot")
            .build()
        )
        app.add_handler(CommandHandler("start", start))
        app.add_handler(CallbackQueryHandler(pressed))
        user = fake.user(1001, "An", language_code="nl")
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0, timeout=5)
            try:
                await user.send("/start abc")
                [question] = await user.wait_for_messages(count=1, timeout=5)
                assert (question.text, question.buttons) == ("Ambitie?", [["Hoog", "Laag"]])
                assert seen_args == [["abc"]]

                query_id = await user.press("Hoog")
                await fake.wait_until(lambda: user.last_message.edited)
                assert [(a.query_id, a.text) for a in fake.callback_answers] == [
                    (query_id, "Opgeslagen: hoog")
                ]
                assert user.last_message.text == "Gekozen: hoog"
                assert user.last_message.has_entity("bold", "hoog")
            finally:
                stopping = time.monotonic()
                await app.updater.stop()
                await app.stop()
        assert time.monotonic() - stopping < 2
        assert fake.pending_update_count == 0  # the final getUpdates confirmed everything


async def test_answer_callback_query_rules(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    await bot.send_message(user.id, "Kies", reply_markup=keyboard([("Hoog", "h")]))
    first = await user.press("Hoog")
    await rejected(
        fake, bot.answer_callback_query(first, text="x" * 201), "Bad Request: MESSAGE_TOO_LONG"
    )
    assert await bot.answer_callback_query(first, text="x" * 200, show_alert=True)
    assert fake.callback_answers[-1].show_alert
    await rejected(fake, bot.answer_callback_query(first), QUERY_INVALID)
    await rejected(fake, bot.answer_callback_query("123"), QUERY_INVALID)

    forged = await user.press_data("anything")
    [_, update] = await bot.get_updates()
    assert update.callback_query is not None
    assert (update.callback_query.id, update.callback_query.data) == (forged, "anything")


async def test_pressing_a_missing_button_raises(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    await bot.send_message(user.id, "Kies", reply_markup=keyboard([("Hoog", "h")]))
    with pytest.raises(LookupError, match="Laag"):
        await user.press("Laag")
    await bot.send_message(
        user.id,
        "Link",
        reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("Site", url="https://example.org")]]
        ),
    )
    with pytest.raises(ValueError, match="url button"):
        await user.press("Site")


# -- injected failures -------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_injected_429_raises_retry_after(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    fake.fail_next("sendMessage", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "hallo")
    assert retry_after(caught.value) == 7
    assert fake.requests[-1].description == "Too Many Requests: retry after 7"
    await bot.send_message(user.id, "hallo")
    assert [r.status for r in fake.calls("sendMessage")] == [429, 200]
    assert [m.text for m in user.messages] == ["hallo"]


async def test_injected_500_twice(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    fake.fail_next("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(user.id, "hallo")
    await bot.send_message(user.id, "hallo")
    assert [r.status for r in fake.calls("sendMessage")] == [500, 500, 200]


# -- files -------------------------------------------------------------------------------------


async def test_send_photo_and_document_with_bytes(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    image = png(30, 20)
    sent = await bot.send_photo(user.id, image, caption="<i>Grafiek</i>", parse_mode="HTML")
    assert (sent.photo[-1].width, sent.photo[-1].height) == (30, 20)
    assert sent.caption == "Grafiek"
    stored = user.last_message
    assert stored.photo is not None and stored.photo.data == image
    assert stored.has_entity("italic", "Grafiek")
    downloaded = await (await bot.get_file(sent.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == image

    again = await bot.send_photo(user.id, sent.photo[-1].file_id)
    assert again.photo[-1].file_id == sent.photo[-1].file_id

    report = await bot.send_document(user.id, b"%PDF-1.4 rapport", filename="rapport.pdf")
    assert report.document is not None and report.document.file_name == "rapport.pdf"
    document = user.last_message.document
    assert document is not None
    assert (document.filename, document.data, document.mime_type) == (
        "rapport.pdf",
        b"%PDF-1.4 rapport",
        "application/pdf",
    )


async def test_photos_must_be_images_and_files_non_empty(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    await rejected(
        fake, bot.send_photo(user.id, b"not an image"), "Bad Request: IMAGE_PROCESS_FAILED"
    )
    await rejected(
        fake,
        bot.send_document(user.id, b"", filename="leeg.txt"),
        "Bad Request: file must be non-empty",
    )
    await rejected(
        fake,
        bot.send_photo(user.id, "AgACAgQAAxkDAAI-unknown"),
        "Bad Request: wrong file identifier/HTTP URL specified",
    )


# -- commands ----------------------------------------------------------------------------------


async def test_commands_per_language_and_scope(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    assert await bot.set_my_commands([BotCommand("start", "Start"), BotCommand("help", "Help")])
    assert await bot.set_my_commands(
        [BotCommand("/start", " Begin "), BotCommand("koppel", "Koppel je team")],
        language_code="nl",
    )
    assert await bot.set_my_commands(
        [BotCommand("stop", "Stop")], scope=BotCommandScopeChat(user.id)
    )

    nl = await bot.get_my_commands(language_code="nl")
    assert [(c.command, c.description) for c in nl] == [
        ("start", "Begin"),
        ("koppel", "Koppel je team"),
    ]
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert await bot.get_my_commands(language_code="fr") == ()  # no fallback to the default
    assert [c.command for c in await bot.get_my_commands(scope=BotCommandScopeChat(user.id))] == [
        "stop"
    ]
    assert fake.commands(language_code="nl")[1] == {
        "command": "koppel",
        "description": "Koppel je team",
    }

    assert await bot.delete_my_commands(language_code="nl")
    assert await bot.get_my_commands(language_code="nl") == ()
    await rejected(
        fake,
        bot.set_my_commands([BotCommand("x", "y")], scope=BotCommandScopeChat(999)),
        "Bad Request: chat not found",
    )


@pytest.mark.parametrize(
    ("commands", "language", "description"),
    [
        ([BotCommand("Start", "Begin")], None, "Bad Request: BOT_COMMAND_INVALID"),
        ([BotCommand("kring-koers", "Begin")], None, "Bad Request: BOT_COMMAND_INVALID"),
        ([BotCommand("a" * 33, "Lang")], None, "Bad Request: command length must not exceed 32"),
        ([BotCommand("start", " ")], None, "Bad Request: command description must be non-empty"),
        (
            [BotCommand("start", "x" * 257)],
            None,
            "Bad Request: command description length must not exceed 256",
        ),
        (
            [BotCommand(f"c{i}", "Commando") for i in range(101)],
            None,
            "Bad Request: BOT_COMMANDS_TOO_MUCH",
        ),
        ([BotCommand("start", "Begin")], "nld", "Bad Request: invalid language code specified"),
    ],
)
async def test_bad_commands_are_refused(
    fake: FakeTelegram,
    bot: Bot,
    commands: list[BotCommand],
    language: str | None,
    description: str,
) -> None:
    await rejected(fake, bot.set_my_commands(commands, language_code=language), description)
    assert fake.commands(language_code=language or "") == []


# -- polls -------------------------------------------------------------------------------------


async def test_poll_votes_reach_the_bot(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_poll(
        user.id,
        "Welke strategie?",
        ["Hergebruik", "Herstel", "Recyclage"],
        is_anonymous=False,
        allows_multiple_answers=True,
    )
    assert sent.poll is not None and sent.poll.question == "Welke strategie?"
    message = user.last_message
    await user.vote(message, [0, 2])
    answer, state = await bot.get_updates()
    assert answer.poll_answer is not None
    assert answer.poll_answer.option_ids == (0, 2)
    assert answer.poll_answer.user is not None and answer.poll_answer.user.id == user.id
    assert state.poll is not None
    assert [o.voter_count for o in state.poll.options] == [1, 0, 1]
    assert state.poll.total_voter_count == 1

    stopped = await bot.stop_poll(user.id, sent.message_id)
    assert stopped.is_closed
    with pytest.raises(ValueError, match="closed"):
        await user.vote(message, [1])
    await rejected(
        fake, bot.stop_poll(user.id, sent.message_id), "Bad Request: poll has already been closed"
    )


async def test_anonymous_poll_votes_send_no_poll_answer(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    await bot.send_poll(user.id, "Ja of nee?", ["Ja", "Nee"])
    with pytest.raises(ValueError, match="one answer"):
        await user.vote(user.last_message, [0, 1])
    await user.vote(user.last_message, [1])
    [update] = await bot.get_updates()
    assert update.poll is not None and update.poll_answer is None
    assert [o.voter_count for o in update.poll.options] == [0, 1]


@pytest.mark.parametrize(
    ("question", "options", "description"),
    [
        (
            "Vraag?",
            [str(i) for i in range(13)],
            "Bad Request: poll can't have more than 12 options",
        ),
        ("x" * 301, ["Ja", "Nee"], "Bad Request: poll question length must not exceed 300"),
        ("Vraag?", ["x" * 101, "Nee"], "Bad Request: poll options length must not exceed 100"),
        ("Vraag?", [], "Bad Request: poll must have at least one answer option"),
        ("", ["Ja", "Nee"], "Bad Request: text must be non-empty"),
    ],
)
async def test_bad_polls_are_refused(
    fake: FakeTelegram, bot: Bot, question: str, options: list[str], description: str
) -> None:
    user = fake.user(1001, "An")
    await rejected(fake, bot.send_poll(user.id, question, options), description)
    assert fake.polls == {}


async def test_one_option_polls_are_fine_except_in_strict_mode(
    fake: FakeTelegram, bot: Bot, strict: FakeTelegram
) -> None:
    user = fake.user(1001, "An")
    sent = await bot.send_poll(user.id, "Akkoord?", ["Ja"])
    assert sent.poll is not None and len(sent.poll.options) == 1  # Bot API 10 allows one
    strict_user = strict.user(1001, "An")
    async with make_bot(strict) as strict_bot:
        with pytest.raises(BadRequest, match="at least 2 option"):
            await strict_bot.send_poll(strict_user.id, "Akkoord?", ["Ja"])


# -- flood limits ------------------------------------------------------------------------------


class ManualClock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        """The current fake time."""
        return self.now


async def test_flood_limits_are_recorded_without_refusing(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    for number in range(4):
        await bot.send_message(user.id, f"bericht {number}")
    assert len(user.messages) == 4
    assert [(v.method, v.chat_id, v.kind) for v in fake.rate_violations] == [
        ("sendMessage", user.id, "chat")
    ]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_enforced_flood_limits_answer_429() -> None:
    clock = ManualClock()
    async with FakeTelegram(token=TOKEN, enforce_rate_limits=True, clock=clock) as fake:
        user = fake.user(1001, "An")
        async with make_bot(fake) as client:
            for number in range(3):
                await client.send_message(user.id, f"bericht {number}")
            clock.now += 1.0
            with pytest.raises(RetryAfter) as caught:
                await client.send_message(user.id, "te veel")
            assert retry_after(caught.value) == 2  # the first message leaves the 3 s window
            clock.now += 2.0
            await client.send_message(user.id, "weer goed")
        assert [m.text for m in user.messages][-1] == "weer goed"
        assert len(user.messages) == 4


async def test_group_and_global_flood_limits() -> None:
    clock = ManualClock()
    limits = RateLimits()
    async with FakeTelegram(token=TOKEN, rate_limits=limits, clock=clock) as fake:
        group = fake.group(-100123, "Team Gent")
        people = [fake.user(2000 + n, f"P{n}") for n in range(31)]
        async with make_bot(fake) as client:
            for number in range(21):  # one every 2 s: under the per-chat limit
                await client.send_message(group.id, f"groep {number}")
                clock.now += 2.0
            assert [v.kind for v in fake.rate_violations] == ["group"]
            for person in people:  # 31 messages within one (frozen) second
                await client.send_message(person.id, "nieuws")
        assert [v.kind for v in fake.rate_violations] == ["group", "global"]
        assert fake.rate_violations[-1].chat_id == people[-1].id


# -- waiting -----------------------------------------------------------------------------------


async def test_wait_for_messages_reports_what_arrived(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    await user.send("/start")
    await bot.send_message(user.id, "een")
    with pytest.raises(TimeoutError, match="1 arrived: \\['een'\\]"):
        await user.wait_for_messages(count=2, timeout=0.2)
    await bot.send_message(user.id, "twee")
    assert [m.text for m in await user.wait_for_messages(count=2, timeout=1)] == ["een", "twee"]
    await user.send("nog iets")
    with pytest.raises(TimeoutError):
        await user.wait_for_messages(count=1, timeout=0.1)


async def test_push_update_accepts_any_update(fake: FakeTelegram, bot: Bot) -> None:
    update_id = fake.push_update(
        {
            "edited_message": {
                "message_id": 5,
                "date": int(time.time()),
                "chat": {"id": 1001, "type": "private", "first_name": "An"},
                "text": "verbeterd",
            }
        }
    )
    [update] = await bot.get_updates()
    assert update.update_id == update_id
    assert update.edited_message is not None and update.edited_message.text == "verbeterd"


async def test_log_out_makes_the_token_unauthorized(fake: FakeTelegram, bot: Bot) -> None:
    assert await bot.log_out()
    await rejected(fake, bot.get_me(), "Unauthorized", InvalidToken)


async def test_replies_must_point_at_an_existing_message(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    typed = await user.send("vraag")
    answer = await bot.send_message(user.id, "antwoord", reply_to_message_id=typed.message_id)
    assert answer.reply_to_message is not None
    assert answer.reply_to_message.text == "vraag"
    await rejected(
        fake,
        bot.send_message(user.id, "weg", reply_to_message_id=999),
        "Bad Request: message to be replied not found",
    )


async def test_benchmark_mode_logs_only_failures() -> None:
    async with FakeTelegram(token=TOKEN, log_successes=False) as fake:
        user = fake.user(1001, "An")
        async with make_bot(fake) as client:
            await client.send_message(user.id, "een")
            with pytest.raises(BadRequest):
                await client.send_message(999, "twee")
        assert [(r.method, r.status) for r in fake.requests] == [("sendMessage", 400)]
        assert [m.text for m in user.messages] == ["een"]
