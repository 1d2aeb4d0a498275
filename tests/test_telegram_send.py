"""Delivery's raw Bot API calls against the fake: what arrives, and Telegram's refusals handled
as before (the results are read as JSON, not as PTB objects)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from telegram.warnings import PTBUserWarning

from bot.telegram_ratelimit import ChatRateLimiter, RateLimitArgs, Result
from bot.telegram_render import Keyboard, keyboard
from bot.telegram_send import Delivery, Outgoing, plan_reply
from flows.events import Attachment, Poll, Reply
from tests.telegram_harness import Harness


def buttons(*labels: str) -> Keyboard:
    """One row of buttons."""
    return keyboard([[{"text": x, "callback_data": x} for x in labels]])


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
