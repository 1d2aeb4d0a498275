"""The aiohttp transport (bot/telegram_http.py) under the real PTB Bot, against the fake Bot API."""

from __future__ import annotations

import json
import socket
import warnings
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.settings import Settings
from bot.telegram_app import build_application
from bot.telegram_http import AiohttpRequest
from bot.telegram_polling import PollingLoop
from bot.telegram_ratelimit import ChatRateLimiter
from bot.telegram_updates import ALLOWED_UPDATES, Dispatcher
from tests.fakebot import FakeTelegram
from tests.images import png

pytestmark = pytest.mark.asyncio


def make_bot(
    fake: FakeTelegram,
    request: AiohttpRequest | None = None,
    get_updates_request: AiohttpRequest | None = None,
) -> Bot:
    """A real PTB Bot on our transport, pointed at the fake."""
    return Bot(
        fake.token,
        base_url=fake.api_url,
        base_file_url=fake.file_url,
        request=request or AiohttpRequest(),
        get_updates_request=get_updates_request
        or AiohttpRequest(connection_pool_size=1, read_timeout=1.0),
    )


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """An initialized Bot on AiohttpRequest."""
    async with make_bot(fake) as client:
        yield client


def get_updates_data(timeout: int) -> RequestData:
    """The body of a getUpdates long poll of `timeout` seconds."""
    return RequestData([RequestParameter.from_input("timeout", timeout)])


def refused_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_json_parameters_arrive_as_sent(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "Anaïs")
    me = await bot.get_me()
    assert me.username == fake.bot_username
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ja & nee — ✓", callback_data="j:1")]])
    sent = await bot.send_message(
        user.id, "<b>Dag</b> Anaïs — 10 % klaar", parse_mode="HTML", reply_markup=keyboard
    )
    stored = user.last_message
    assert stored.message_id == sent.message_id
    assert stored.text == "Dag Anaïs — 10 % klaar"
    assert stored.has_entity("bold", "Dag")
    assert stored.buttons == [["Ja & nee — ✓"]]
    assert [(r.method, r.status) for r in fake.requests][-2:] == [
        ("getMe", 200),
        ("sendMessage", 200),
    ]


async def test_photo_and_documents_upload_intact(
    fake: FakeTelegram, bot: Bot, tmp_path: Path
) -> None:
    user = fake.user(1001, "An")
    image = png(40, 30)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Verder", callback_data="v")]])
    sent = await bot.send_photo(
        user.id,
        InputFile(image, filename="grafiek.png"),
        caption="<i>Grafiek</i> — week 3",
        parse_mode="HTML",
        reply_markup=keyboard,
    )
    stored = user.last_message
    assert stored.photo is not None and stored.photo.data == image
    assert (sent.photo[-1].width, sent.photo[-1].height) == (40, 30)
    assert stored.caption == "Grafiek — week 3" and stored.has_entity("italic", "Grafiek")
    assert stored.buttons == [["Verder"]]
    downloaded = await (await bot.get_file(sent.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == image  # retrieve(): a GET through the same transport

    await bot.send_document(user.id, b"%PDF-1.4 rapport", filename="verslag 3 – één.pdf")
    document = user.last_message.document
    assert document is not None
    assert (document.filename, document.data, document.mime_type) == (
        "verslag 3 – één.pdf",
        b"%PDF-1.4 rapport",
        "application/pdf",
    )

    # Content handed over as an open file rather than bytes (PTB's read_file_handle=False).
    path = tmp_path / "notities.txt"
    path.write_bytes(b"regel 1\nregel 2\n" * 1000)
    with path.open("rb") as handle:
        await bot.send_document(user.id, InputFile(handle, read_file_handle=False))
    document = user.last_message.document
    assert document is not None
    assert (document.filename, document.data) == ("notities.txt", path.read_bytes())
    assert all(r.status == 200 for r in fake.requests)


async def test_a_read_timeout_raises_timed_out_and_the_pool_recovers(fake: FakeTelegram) -> None:
    url = f"{fake.api_url}{fake.token}/getUpdates"
    async with AiohttpRequest(read_timeout=0.3) as request:
        with pytest.raises(TimedOut):
            await request.post(url, get_updates_data(5))
        # A timeout given for the call replaces the default (here: long enough for a 1 s poll).
        assert await request.post(url, get_updates_data(1), read_timeout=3.0) == []
        with pytest.raises(TimedOut):
            await request.post(url, get_updates_data(5), read_timeout=0.2)


async def test_get_updates_waits_the_poll_plus_the_read_timeout(fake: FakeTelegram) -> None:
    # PTB asks the getUpdates transport for its read timeout and adds the poll's length.
    async with make_bot(fake, AiohttpRequest(read_timeout=0.2)) as client:
        assert await client.get_updates(timeout=1) == ()
        user = fake.user(1001, "An")
        await user.send("hallo")
        updates = await client.get_updates(timeout=1)
        assert [u.message.text for u in updates if u.message] == ["hallo"]


async def test_a_refused_connection_raises_network_error() -> None:
    port = refused_port()
    async with AiohttpRequest(connect_timeout=2.0) as request:
        with pytest.raises(NetworkError) as caught:
            await request.post(f"http://127.0.0.1:{port}/bot1:x/getMe")
    assert not isinstance(caught.value, TimedOut)  # refused is not "may have arrived"
    assert "aiohttp.ClientConnectorError" in caught.value.message


async def test_error_answers_become_ptb_errors(fake: FakeTelegram, bot: Bot) -> None:
    user = fake.user(1001, "An")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(987654, "hallo")
    fake.fail_next("sendMessage", retry_after=7)
    with pytest.raises(RetryAfter) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB's deprecation note on the int form
        await bot.send_message(user.id, "hallo")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        retry_after = caught.value.retry_after
    assert retry_after == 7 or getattr(retry_after, "seconds", None) == 7
    fake.block(user)
    with pytest.raises(Forbidden):
        await bot.send_message(user.id, "hallo")
    fake.fail_next("sendMessage", status=500)
    fake.unblock(user)
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(user.id, "hallo")
    await bot.send_message(user.id, "hallo")
    assert [r.status for r in fake.calls("sendMessage")] == [400, 429, 403, 500, 200]


async def test_lifecycle(fake: FakeTelegram) -> None:
    request = AiohttpRequest(read_timeout=7.5)
    assert request.read_timeout == 7.5
    url = f"{fake.api_url}{fake.token}/getMe"
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request(url, "POST")
    await request.initialize()
    assert (await request.post(url))["username"] == fake.bot_username  # type: ignore[index]
    await request.shutdown()
    await request.shutdown()  # twice is harmless
    with pytest.raises(NetworkError, match="not initialized"):  # PTB wraps it
        await request.post(url)
    await request.initialize()  # PTB may initialize a bot again after a shutdown
    assert (await request.post(url))["id"] == fake.bot_id  # type: ignore[index]
    await request.shutdown()


async def test_the_application_uses_it_for_calls_and_for_get_updates() -> None:
    settings = Settings(_env_file=None, telegram_token="123456:TEST-token")  # type: ignore[call-arg]
    application = build_application(settings, ChatRateLimiter())
    calls, polls = application.bot.request, application.bot._request[0]
    assert isinstance(calls, AiohttpRequest) and isinstance(polls, AiohttpRequest)
    assert calls is not polls
    assert (calls.read_timeout, polls.read_timeout) == (20.0, 10.0)


# Answers of every kind the Bot API gives, for post_json against PTB's own BaseRequest.post.
ANSWERS = [
    (200, b'{"ok":true,"result":{"message_id":7,"text":"\\u00e9"}}'),
    (200, b'{"ok":true,"result":true}'),
    (400, b'{"ok":false,"error_code":400,"description":"Bad Request: message is not modified"}'),
    (403, b'{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}'),
    (
        429,
        b'{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3",'
        b'"parameters":{"retry_after":3}}',
    ),
    (
        400,
        b'{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded",'
        b'"parameters":{"migrate_to_chat_id":-1001234}}',
    ),
    (400, b'{"ok":false,"description":"odd","parameters":{"other":1}}'),
    (401, b'{"ok":false,"error_code":401,"description":"Unauthorized"}'),
    (404, b'{"ok":false,"error_code":404,"description":"Not Found"}'),
    (
        409,
        b'{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates"}',
    ),
    (500, b'{"ok":false,"error_code":500,"description":"Internal Server Error"}'),
    (502, b"<html>Bad Gateway</html>"),
    (599, b""),
    (200, b"not json"),
]


@pytest.fixture
async def scripted() -> AsyncIterator[tuple[str, list[tuple[int, bytes]]]]:
    """A server answering each request with the next scripted (status, body)."""
    script: list[tuple[int, bytes]] = []

    async def answer(request: web.Request) -> web.Response:
        await request.read()
        status, body = script.pop(0)
        return web.Response(status=status, body=body, content_type="application/json")

    app = web.Application()
    app.router.add_post("/{tail:.*}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}/bot1:x/sendMessage", script
    await runner.cleanup()


def outcome(result: object) -> object:
    """What a call gave, comparable across the two paths: a result, or the error's kind."""
    if isinstance(result, TelegramError):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # RetryAfter.retry_after's deprecation note
            extra = (getattr(result, "retry_after", None), getattr(result, "new_chat_id", None))
        return (type(result), result.message, extra)
    return result


@pytest.mark.parametrize(("status", "body"), ANSWERS)
async def test_post_json_answers_and_fails_as_ptbs_post(
    scripted: tuple[str, list[tuple[int, bytes]]], status: int, body: bytes
) -> None:
    url, script = scripted
    data = RequestData([RequestParameter.from_input("chat_id", 5)])
    results: list[object] = []
    async with AiohttpRequest() as request:
        for call in (
            lambda: request.post(url, data),
            lambda: request.post_json(url, data.json_payload),
        ):
            script.append((status, body))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # PTB's deprecation note on RetryAfter's int
                try:
                    results.append(await call())
                except TelegramError as error:
                    results.append(error)
    ptb, ours = results
    assert outcome(ours) == outcome(ptb)
    if isinstance(ptb, TelegramError):
        assert ptb.message  # a real failure, not both passing by accident
    else:
        assert status == 200


async def test_post_json_network_failures_as_ptbs_post(fake: FakeTelegram) -> None:
    port = refused_port()
    refused = f"http://127.0.0.1:{port}/bot1:x/getMe"
    async with AiohttpRequest(connect_timeout=2.0) as request:
        with pytest.raises(NetworkError) as ptb:
            await request.post(refused, RequestData([]))
        with pytest.raises(NetworkError) as ours:
            await request.post_json(refused, b"{}")
    assert outcome(ours.value) == outcome(ptb.value)
    assert not isinstance(ours.value, TimedOut)
    assert "Connect call failed" in ours.value.message  # says what went wrong
    poll = f"{fake.api_url}{fake.token}/getUpdates"
    async with AiohttpRequest(read_timeout=0.2) as request:
        with pytest.raises(TimedOut):
            await request.post_json(poll, get_updates_data(3).json_payload)
        # After a timeout the pool still serves calls.
        assert await request.post_json(poll, get_updates_data(0).json_payload) == []
    closed = AiohttpRequest()
    with pytest.raises(NetworkError) as ptb:
        await closed.post(poll)
    with pytest.raises(NetworkError) as ours:
        await closed.post_json(poll, b"{}")
    assert outcome(ours.value) == outcome(ptb.value)
    assert "not initialized" in ours.value.message


async def test_polling_asks_and_reads_as_ptbs_get_updates(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PollingLoop's own getUpdates on our transport against PTB's get_updates: the same body
    # (the same JSON, written compactly by orjson), the same read timeout, the same updates,
    # the same errors.
    sent = AiohttpRequest._send
    wire: list[tuple[dict[str, str], float | None]] = []

    async def record(
        self: AiohttpRequest, method: str, url: str, body: Any, headers: Any, timeouts: Any
    ) -> tuple[int, bytes]:
        if url.endswith("/getUpdates"):
            wire.append((json.loads(body), timeouts.sock_read))
        return await sent(self, method, url, body, headers, timeouts)

    monkeypatch.setattr(AiohttpRequest, "_send", record)
    updates_request = AiohttpRequest(connection_pool_size=1, read_timeout=2.5)
    async with make_bot(fake, get_updates_request=updates_request) as client:
        loop = PollingLoop(client, cast(Dispatcher, None), timeout=1, request=updates_request)
        user = fake.user(1001, "An")
        await user.send("hallo")
        await user.send("/start")

        async def ptb() -> tuple[Update, ...]:
            return await client.get_updates(
                offset=loop.offset, timeout=loop.timeout, allowed_updates=list(ALLOWED_UPDATES)
            )

        # Nothing is confirmed yet (no offset): both get the two messages.
        lean, theirs = [
            [update.to_dict() for update in await f()] for f in (loop._fetch_updates, ptb)
        ]
        assert lean == theirs and len(lean) == 2
        loop.offset = max(update["update_id"] for update in lean) + 1
        for fetch in (loop._fetch_updates, ptb):
            assert await fetch() == ()  # an empty long poll of a second
        await client.set_webhook("https://example.org/hook")
        errors = []
        for fetch in (loop._fetch_updates, ptb):
            with pytest.raises(Conflict) as caught:
                await fetch()
            errors.append(caught.value.message)
        assert errors[0] == errors[1]
    ours, ptbs = wire[0::2], wire[1::2]
    assert ours == ptbs and len(ours) == 3
    assert wire[0][1] == 3.5  # the transport's read timeout plus the poll's
    assert "offset" not in wire[0][0] and wire[-1][0]["offset"] == str(loop.offset)
