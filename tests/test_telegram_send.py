"""Delivery's raw Bot API calls against the fake: what arrives, and Telegram's refusals handled
as before (the results are read as JSON, not as PTB objects)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from pydantic import SecretStr
from telegram import TelegramObject
from telegram.error import BadRequest, EndPointNotFound, TelegramError
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.settings import Settings
from bot.telegram_app import build_application
from bot.telegram_http import AiohttpRequest
from bot.telegram_ratelimit import ChatRateLimiter, RateLimitArgs, Result
from bot.telegram_render import Keyboard, keyboard
from bot.telegram_send import Delivery, Outgoing, plan_reply
from flows.events import Attachment, Poll, Reply
from tests.fakebot import FakeTelegram
from tests.telegram_harness import Harness


def buttons(*labels: str) -> Keyboard:
    """One row of buttons."""
    return keyboard([[{"text": x, "callback_data": x} for x in labels]])


# Parameters whose values are JSON documents in a string (PTB encodes them so).
NESTED = {"reply_markup", "link_preview_options", "entities", "reply_parameters", "media"}


def as_sent(body: Any) -> Any:
    """A JSON request body as its parameters, nested JSON ones decoded: the same call is
    the same value, whoever wrote it (orjson writes compact UTF-8, PTB json.dumps's escapes)."""
    if not isinstance(body, bytes):
        return body  # a multipart upload
    fields = json.loads(body)
    return {k: json.loads(v) if k in NESTED else v for k, v in fields.items()}


def delivery(harness: Harness, **kwargs: Any) -> Delivery:
    """A Delivery on the running bot's ExtBot (its rate limiter and Defaults)."""
    assert harness.bot is not None
    return Delivery(harness.bot.application.bot, **kwargs)


def forget_refusals(harness: Harness) -> None:
    """Drop the 400s a test provoked on purpose, so the harness's final check is about the rest."""
    world = harness.fake.world
    world.requests[:] = [r for r in world.requests if r.status < 400]


async def test_texts_arrive_with_their_keyboard_and_no_link_preview(harness: Harness) -> None:
    an = harness.fake.user(2001, "An")
    send = delivery(harness)
    with warnings.catch_warnings(record=True) as caught:
        reply = Reply("Zie https://example.org")
        await send.send_all(plan_reply(reply, buttons("Ja"), an.id), "t")
    # PTB's advice to use send_message instead of do_api_request is silenced, for us only.
    assert not [w for w in caught if issubclass(w.category, PTBUserWarning)]
    [request] = harness.fake.calls("sendMessage")
    assert json.loads(request.params["link_preview_options"]) == {"is_disabled": True}
    assert request.params["parse_mode"] == "HTML"
    [shown] = an.messages
    assert shown.buttons == [["Ja"]] and shown.text == "Zie https://example.org"
    # The next question takes the buttons off the first one (editMessageReplyMarkup).
    await send.send_all(plan_reply(Reply("Verder?"), buttons("Nee"), an.id), "t")
    first, second = an.messages
    assert first.buttons == [] and second.buttons == [["Nee"]]


async def test_an_unchanged_edit_keeps_its_message_and_a_lost_one_is_sent_anew(
    harness: Harness,
) -> None:
    an = harness.fake.user(2001, "An")
    send = delivery(harness)
    await send.send_all(plan_reply(Reply("Kies"), buttons("A"), an.id), "t")
    [shown] = an.messages
    same = plan_reply(Reply("Kies"), buttons("A"), an.id, edit_message_id=shown.message_id)
    assert await send.send_all(same, "t")
    # "message is not modified" counts as shown: its buttons are not taken away as older ones.
    assert [m.buttons for m in an.messages] == [[["A"]]]
    lost = plan_reply(Reply("Opnieuw"), buttons("B"), an.id, edit_message_id=999)
    assert await send.send_all(lost, "t")
    first, second = an.messages
    assert second.text == "Opnieuw" and second.buttons == [["B"]] and first.buttons == []
    forget_refusals(harness)


async def test_an_edit_that_takes_the_buttons_away_leaves_nothing_to_retire(
    harness: Harness,
) -> None:
    an = harness.fake.user(2001, "An")
    send = delivery(harness)
    await send.send_all(plan_reply(Reply("Kies"), buttons("A"), an.id), "t")
    [card] = an.messages
    paused = plan_reply(Reply("Gepauzeerd"), None, an.id, edit_message_id=card.message_id)
    assert await send.send_all(paused, "t")
    assert card.text == "Gepauzeerd" and card.buttons == []
    await send.send_all(plan_reply(Reply("Verder?"), buttons("Ja"), an.id), "t")
    assert [m.buttons for m in an.messages] == [[], [["Ja"]]]
    assert harness.fake.calls("editMessageReplyMarkup") == []  # no call for what is gone


async def test_an_edit_that_leads_on_goes_below_newer_messages_an_update_stays(
    harness: Harness,
) -> None:
    an = harness.fake.user(2001, "An")
    newest: dict[int, int] = {}
    send, reminders = delivery(harness, newest=newest), delivery(harness, newest=newest)
    await send.send_all(plan_reply(Reply("Vraag 1"), buttons("A"), an.id), "t")
    [question] = an.messages
    onward = Reply("Vraag 2", replace=True, leads_on=True)
    # The question is the newest message: the next one takes its place.
    at_question = question.message_id
    await send.send_all(plan_reply(onward, buttons("B"), an.id, edit_message_id=at_question), "t")
    assert [m.text for m in an.messages] == ["Vraag 2"]
    # A reminder arrives below it (through the other Delivery of the bot).
    await reminders.send_all(plan_reply(Reply("Herinnering"), buttons("Klaar"), an.id), "t")
    reminder = an.messages[-1]
    onward = Reply("Vraag 3", replace=True, leads_on=True)
    await send.send_all(plan_reply(onward, buttons("C"), an.id, edit_message_id=at_question), "t")
    assert [m.text for m in an.messages] == ["Vraag 2", "Herinnering", "Vraag 3"]
    assert question.buttons == [] and an.messages[-1].buttons == [["C"]]  # retired as usual
    # An update of a message (a reminder marked done) stays where that message is.
    done = Reply("Herinnering ✓", replace=True)
    marked = plan_reply(done, None, an.id, edit_message_id=reminder.message_id)
    await reminders.send_all(marked, "t")
    assert [m.text for m in an.messages] == ["Vraag 2", "Herinnering ✓", "Vraag 3"]


async def test_html_telegram_cannot_parse_arrives_as_plain_words(harness: Harness) -> None:
    an = harness.fake.user(2001, "An")
    assert await delivery(harness).send_all([Outgoing(an.id, "<b>vet & scheef")], "t")
    [shown] = an.messages
    assert shown.text == "<b>vet & scheef"[3:] and shown.parse_mode is None
    forget_refusals(harness)


async def test_a_blocked_chat_is_skipped(harness: Harness) -> None:
    an = harness.fake.user(2001, "An")
    harness.fake.block(an)
    assert not await delivery(harness).send_all([Outgoing(an.id, "Hallo")], "t")
    harness.fake.world.requests[:] = [r for r in harness.fake.requests if r.status != 403]


async def test_photos_polls_and_bulk_calls_keep_their_parts(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, RateLimitArgs | None]] = []
    original = ChatRateLimiter.process_request

    async def spy(
        self: ChatRateLimiter,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: RateLimitArgs | None,
    ) -> Result:
        seen.append((endpoint, rate_limit_args))
        return await original(self, callback, args, kwargs, endpoint, data, rate_limit_args)

    monkeypatch.setattr(ChatRateLimiter, "process_request", spy)
    polls: list[tuple[str, str, int]] = []

    async def record(poll_id: str, value: str, chat_id: int) -> None:
        polls.append((poll_id, value, chat_id))

    an = harness.fake.user(2001, "An")
    send = delivery(harness, on_poll=record)
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    reply = Reply("<b>Kaart</b>", image=Attachment("kaart.png", png, "image/png"), bulk=True)
    await send.send_all(plan_reply(reply, buttons("Meer"), an.id), "t")
    question = Reply("", poll=Poll("Welke?", ("a", "b"), "dots:1"))
    await send.send_all(plan_reply(question, None, an.id), "t")
    photo, poll = an.messages
    assert photo.photo is not None and photo.caption == "Kaart" and photo.buttons == [["Meer"]]
    assert poll.poll is not None and polls == [(poll.poll.id, "dots:1", an.id)]
    assert seen == [("sendPhoto", {"priority": "bulk"}), ("sendPoll", None)]


async def scenario(harness: Harness, send: Delivery, chat: int) -> list[object]:
    """Calls of every kind Delivery makes, with Telegram's refusals on the way: what each gave."""
    fake = harness.fake
    seen: list[object] = []
    calls = [
        [Outgoing(chat, "Zie https://example.org — één")],
        [Outgoing(chat, "<b>Kies</b>", buttons("A", "B"))],
        [Outgoing(chat, "Kies", buttons("A", "B"), edit_message_id=2)],  # not modified
        [Outgoing(chat, "Verder", buttons("C"))],  # retires the buttons of message 2
        [Outgoing(chat, "Anders", buttons("D"), edit_message_id=99)],  # lost: sent anew
        [Outgoing(chat, "<b>vet & scheef")],  # HTML Telegram cannot parse: plain words
        [Outgoing(chat, "Later", bulk=True)],
    ]
    for planned in calls:
        seen.append(await send.send_all(planned, "t"))
    fake.fail_next("sendMessage", retry_after=1)  # 429: the chat waits, then it goes out
    seen.append(await send.send_all([Outgoing(chat, "Na een pauze")], "t"))
    fake.fail_next("sendMessage", status=500, times=2)  # network trouble: tried again
    seen.append(await send.send_all([Outgoing(chat, "Toch")], "t"))
    fake.fail_next("sendMessage", status=500, times=3)  # gone for good: dropped
    seen.append(await send.send_all([Outgoing(chat, "Kwijt")], "t"))
    for endpoint in ("noSuchMethod", "editMessageText"):
        try:
            await send._raw(endpoint, {"chat_id": chat, "message_id": 99, "text": "x"})
        except TelegramError as error:
            seen.append((type(error), error.message))
    return seen


async def test_raw_calls_send_what_ptb_sends_and_fail_the_same_way(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same calls once through our lean path and once through PTB's do_api_request: the
    # same bodies on the wire, the same arguments for the rate limiter, the same outcomes.
    wire: list[tuple[str, Any]] = []
    limited: list[tuple[str, dict[str, object], RateLimitArgs | None]] = []
    sent = AiohttpRequest._send
    limit = ChatRateLimiter.process_request

    async def record_wire(
        self: AiohttpRequest, method: str, url: str, body: Any, *rest: Any
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[1]
        if endpoint != "getUpdates":  # the harness's polling
            wire.append((endpoint, as_sent(body)))
        return await sent(self, method, url, body, *rest)

    async def record_limits(
        self: ChatRateLimiter,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: RateLimitArgs | None,
    ) -> Result:
        shown = {k: v.to_dict() if isinstance(v, TelegramObject) else v for k, v in data.items()}
        limited.append((endpoint, shown, rate_limit_args))
        return await limit(self, callback, args, kwargs, endpoint, data, rate_limit_args)

    monkeypatch.setattr(AiohttpRequest, "_send", record_wire)
    monkeypatch.setattr(ChatRateLimiter, "process_request", record_limits)
    ptb_calls: list[str] = []
    ptb_call = ExtBot.do_api_request

    async def count_ptb(self: ExtBot[Any], endpoint: str, *args: Any, **kwargs: Any) -> Any:
        ptb_calls.append(endpoint)
        with warnings.catch_warnings():  # PTB's advice, now pointing at this wrapper
            warnings.simplefilter("ignore", PTBUserWarning)
            return await ptb_call(self, endpoint, *args, **kwargs)

    monkeypatch.setattr(ExtBot, "do_api_request", count_ptb)
    runs = []
    for chat, lean in ((2001, True), (2002, False)):
        harness.fake.user(chat, "An")
        send = delivery(harness)
        if not lean:
            send._request = None  # as when the transport is not ours: PTB's path
        wire.clear()
        limited.clear()
        outcomes = await scenario(harness, send, chat)
        runs.append(
            (
                outcomes,
                [
                    (endpoint, {**body, "chat_id": "<chat>"} if "chat_id" in body else body)
                    for endpoint, body in wire
                ],
                [
                    (e, {**d, "chat_id": "<chat>"} if "chat_id" in d else d, r)
                    for e, d, r in limited
                ],
            )
        )
    lean_run, ptb_run = runs
    forget_refusals(harness)
    assert len(ptb_calls) == len(runs[1][2])  # the lean run did not go through PTB at all
    assert lean_run == ptb_run
    outcomes, bodies, limits = lean_run
    assert outcomes[:10] == [True] * 10
    assert outcomes[10] == (EndPointNotFound, "Endpoint 'noSuchMethod' not found in Bot API")
    assert outcomes[11] == (BadRequest, "Message to edit not found")
    assert len(bodies) >= 14 and all(isinstance(body, dict) for _, body in bodies)
    assert [e for e, _, r in limits if r] == ["sendMessage"]  # the bulk one


async def test_button_answers_send_what_ptbs_answer_sends(
    fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No polling bot here: the taps stay for this test to answer.
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=SecretStr(fake.token),
        telegram_base_url=fake.api_url,
        telegram_file_base_url=fake.file_url,
    )
    limiter = ChatRateLimiter()
    application = build_application(settings, limiter)
    wire: list[dict[str, Any]] = []
    limited: list[tuple[str, dict[str, Any]]] = []
    sent = AiohttpRequest._send
    limit = ChatRateLimiter.process_request

    async def record_wire(
        self: AiohttpRequest, method: str, url: str, body: Any, *rest: Any
    ) -> Any:
        if url.endswith("/answerCallbackQuery"):
            wire.append(as_sent(body))
        return await sent(self, method, url, body, *rest)

    async def record_limits(self: ChatRateLimiter, **kwargs: Any) -> Result:
        limited.append((kwargs["endpoint"], dict(kwargs["data"])))
        return await limit(self, **kwargs)

    monkeypatch.setattr(AiohttpRequest, "_send", record_wire)
    monkeypatch.setattr(ChatRateLimiter, "process_request", record_limits)
    async with application:
        bot = application.bot
        send = Delivery(bot)
        an = fake.user(2001, "An")
        await send.send_all([Outgoing(an.id, "Kies", buttons("A", "B"))], "t")
        ours, theirs = await an.press("A"), await an.press("B")
        limited.clear()
        await send.answer_callback(ours, "Opgeslagen ✓")
        await bot.answer_callback_query(theirs, "Opgeslagen ✓")
        with pytest.raises(BadRequest) as lean:  # an unknown query: the same refusal
            await send.answer_callback(ours + "x", None)
        with pytest.raises(BadRequest) as ptb:
            await bot.answer_callback_query(theirs + "x")
    assert lean.value.message == ptb.value.message
    assert {**wire[0], "callback_query_id": "<q>"} == {**wire[1], "callback_query_id": "<q>"}
    assert wire[0] == {"callback_query_id": ours, "text": "Opgeslagen ✓"}
    assert [(e, {**d, "callback_query_id": "<q>"}) for e, d in limited] == [
        ("answerCallbackQuery", {"callback_query_id": "<q>", "text": "Opgeslagen ✓"})
    ] * 2 + [("answerCallbackQuery", {"callback_query_id": "<q>"})] * 2
    assert [(a.query_id, a.text) for a in fake.callback_answers] == [
        (ours, "Opgeslagen ✓"),
        (theirs, "Opgeslagen ✓"),
    ]
