"""The dispatcher: one chat's updates strictly in order, different chats side by side."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Message, Update
from telegram.ext import ApplicationBuilder, TypeHandler

from bot.telegram_taps import Tap, read_tap
from bot.telegram_updates import Dispatcher, RecentButtons, chat_key, lighten
from tests.fakebot import FakeTelegram


def text_update(update_id: int, chat_id: int, text: str) -> Update:
    """A private text message as Telegram sends it."""
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "from": {"id": chat_id, "is_bot": False, "first_name": "P"},
                "text": text,
            },
        },
        None,
    )


class Recorder:
    """Stands in for our handlers on a real PTB Application: logs starts and ends."""

    def __init__(self) -> None:
        self.failed: set[int] = set()
        self.log: list[tuple[str, int]] = []
        self.slow_chat = 1
        self.release = asyncio.Event()

    async def handle(self, update: Update | Tap, _: Any = None) -> None:
        """Record the update; the slow chat waits until released."""
        self.log.append(("start", update.update_id))
        if chat_key(update) == self.slow_chat:
            await self.release.wait()
        self.log.append(("end", update.update_id))

    async def on_tap(self, tap: Tap) -> None:
        """Where the Dispatcher hands taps read without PTB."""
        await self.handle(tap)


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """The fake Bot API the application initialises against (getMe)."""
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()


async def dispatcher_with(fake: FakeTelegram, recorder: Recorder) -> Dispatcher:
    """A Dispatcher over a real, initialised Application."""
    application = (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(fake.api_url)
        .base_file_url(fake.file_url)
        .updater(None)
        .build()
    )
    application.add_handler(TypeHandler(Update, recorder.handle))
    await application.initialize()
    return Dispatcher(application, recorder)  # type: ignore[arg-type]


async def test_one_chat_in_order_while_other_chats_go_ahead(fake: FakeTelegram) -> None:
    recorder = Recorder()
    dispatcher = await dispatcher_with(fake, recorder)
    batch = [
        text_update(1, 1, "a"),
        text_update(2, 2, "x"),
        text_update(3, 1, "b"),
        text_update(4, 3, "y"),
    ]
    task = asyncio.create_task(dispatcher.process_batch(batch))
    for _ in range(100):
        if ("end", 4) in recorder.log and ("end", 2) in recorder.log:
            break
        await asyncio.sleep(0.01)
    # Chats 2 and 3 finished while chat 1 is stuck on its first update; its second waits.
    assert ("end", 2) in recorder.log and ("end", 4) in recorder.log
    assert ("start", 3) not in recorder.log
    recorder.release.set()
    assert await task == []
    chat_one = [entry for entry in recorder.log if entry[1] in (1, 3)]
    assert chat_one == [("start", 1), ("end", 1), ("start", 3), ("end", 3)]


async def test_taps_read_without_ptb_keep_their_place_in_their_chat(fake: FakeTelegram) -> None:
    recorder = Recorder()
    dispatcher = await dispatcher_with(fake, recorder)
    tap = read_tap(
        {
            "update_id": 2,
            "callback_query": {
                "id": "q",
                "from": {"id": 1, "is_bot": False, "first_name": "P"},
                "message": {"message_id": 9, "date": 1, "chat": {"id": 1, "type": "private"}},
                "chat_instance": "c",
                "data": "b:1",
            },
        }
    )
    assert tap is not None
    task = asyncio.create_task(
        dispatcher.process_batch([text_update(1, 1, "a"), tap, text_update(3, 2, "x")])
    )
    for _ in range(100):
        if ("end", 3) in recorder.log:
            break
        await asyncio.sleep(0.01)
    assert ("start", 2) not in recorder.log  # behind update 1 of its chat, which is stuck
    recorder.release.set()
    assert await task == []
    assert [e for e in recorder.log if e[1] in (1, 2)] == [
        ("start", 1),
        ("end", 1),
        ("start", 2),
        ("end", 2),
    ]
    assert await dispatcher.process(tap)  # a repeat is skipped
    assert recorder.log.count(("start", 2)) == 1


async def test_updates_in_progress_count_as_interactive_activity(fake: FakeTelegram) -> None:
    # Reminder rounds wait for a lull: an update being handled must show as busy.
    recorder = Recorder()
    dispatcher = await dispatcher_with(fake, recorder)
    task = asyncio.create_task(dispatcher.process(text_update(1, 1, "a")))  # the slow chat
    for _ in range(100):
        if ("start", 1) in recorder.log:
            break
        await asyncio.sleep(0.01)
    assert dispatcher.activity.busy == 1
    assert await dispatcher.activity.lull(0.05) is False
    recorder.release.set()
    assert await task is True
    assert dispatcher.activity.busy == 0


async def test_a_failed_update_holds_back_the_rest_of_its_chat_only(fake: FakeTelegram) -> None:
    recorder = Recorder()
    recorder.release.set()
    recorder.failed.add(1)  # as if update 1 must be delivered again
    dispatcher = await dispatcher_with(fake, recorder)
    failed = await dispatcher.process_batch(
        [text_update(1, 1, "a"), text_update(2, 1, "b"), text_update(3, 2, "c")]
    )
    assert failed == [1]
    assert ("start", 2) not in recorder.log  # not before update 1 went through
    assert ("end", 3) in recorder.log
    # Until the chat is released, its later updates wait too, even those of another batch.
    assert await dispatcher.process_batch([text_update(4, 1, "d"), text_update(5, 2, "e")]) == [4]
    assert ("start", 4) not in recorder.log and ("end", 5) in recorder.log
    # One at a time (a webhook's) as well: refused, for Telegram to deliver again.
    assert await dispatcher.process(text_update(6, 1, "f")) is False
    assert await dispatcher.process(text_update(7, 2, "g")) is True
    assert ("start", 6) not in recorder.log and ("end", 7) in recorder.log
    # Delivered again, update 1 and then 2 go through; a repeat of 3 is skipped.
    dispatcher.release()
    assert await dispatcher.process_batch([text_update(1, 1, "a"), text_update(2, 1, "b")]) == []
    assert await dispatcher.process(text_update(3, 2, "c"))
    assert [e for e in recorder.log if e == ("start", 3)] == [("start", 3)]


async def test_a_held_chat_is_let_in_only_when_its_update_delivered_again_has_its_turn(
    fake: FakeTelegram,
) -> None:
    recorder = Recorder()
    recorder.release.set()
    recorder.failed.add(1)
    dispatcher = await dispatcher_with(fake, recorder)
    assert await dispatcher.process_batch([text_update(1, 1, "a")]) == [1]
    # Update 1 comes again (from the inbox) while a newer one of its chat arrives by webhook
    # at the same moment: the newer one must not go first.
    again = asyncio.create_task(dispatcher.process_batch([text_update(1, 1, "a")], again=True))
    newer = asyncio.create_task(dispatcher.process(text_update(2, 1, "b")))
    assert await again == [] and await newer is False  # refused: Telegram delivers it again
    assert ("start", 2) not in recorder.log
    assert await dispatcher.process(text_update(2, 1, "b"))
    # Update 1 twice (failed, then delivered again), then update 2.
    assert [e for e in recorder.log if e[0] == "end"] == [("end", 1), ("end", 1), ("end", 2)]
    # Only the chats of the batch are let in; releasing some leaves the others held.
    dispatcher.held.update({5, 6})
    dispatcher.release([5])
    assert dispatcher.held == {6}


def test_recent_buttons_are_bounded_and_expire() -> None:
    now = [0.0]
    recent = RecentButtons(size=3, seconds=60.0, clock=lambda: now[0])
    recent.add([(f"ref{n}", ("tg:1", "1", f"v{n}")) for n in range(4)])
    assert recent.get("ref0") is None  # the oldest made room
    assert [recent.get(f"ref{n}") for n in (1, 2, 3)] == [
        ("tg:1", "1", "v1"),
        ("tg:1", "1", "v2"),
        ("tg:1", "1", "v3"),
    ]
    assert recent.get("unknown") is None
    now[0] = 30.0
    recent.add([("ref4", ("tg:2", "2", "v4"))])
    now[0] = 61.0  # ref1..ref3 are too old now; ref4 is not
    assert recent.get("ref3") is None
    assert recent.get("ref4") == ("tg:2", "2", "v4")


def test_a_tap_is_read_without_the_pressed_messages_text_and_keyboard() -> None:
    """What handlers use of the pressed message (its chat, its id, whether it is still
    accessible) survives; its text, entities and keyboard are not parsed; other updates and
    what is not an update are left alone."""
    pressed = {
        "message_id": 77,
        "date": 1_764_000_000,
        "chat": {"id": -1001, "type": "supergroup", "title": "Gent Circulair"},
        "from": {"id": 42, "is_bot": True, "first_name": "Kringkoers"},
        "text": "Hoe groot is hun invloed?",
        "entities": [{"type": "bold", "offset": 0, "length": 3}],
        "reply_markup": {"inline_keyboard": [[{"text": "1", "callback_data": "ref1"}]]},
    }
    tap = {
        "update_id": 9,
        "callback_query": {
            "id": "q9",
            "from": {"id": 5, "is_bot": False, "first_name": "An"},
            "message": pressed,
            "chat_instance": "c",
            "data": "ref1",
        },
    }
    update = Update.de_json(lighten(tap), None)
    query = update.callback_query
    assert query is not None and query.data == "ref1" and query.from_user.id == 5
    message = query.message
    assert isinstance(message, Message)
    assert (message.message_id, message.chat.id, message.chat.title) == (
        77,
        -1001,
        "Gent Circulair",
    )
    assert message.text is None and message.reply_markup is None and not message.entities

    # A message too old to reach (date 0) is read as PTB reads it in full.
    for date in (0, 1_764_000_000):
        old = {
            **tap,
            "callback_query": {**tap["callback_query"], "message": {**pressed, "date": date}},
        }
        full = Update.de_json(copy.deepcopy(old), None).callback_query
        light = Update.de_json(lighten(copy.deepcopy(old)), None).callback_query
        assert full is not None and light is not None
        assert type(light.message) is type(full.message)
        assert light.message is not None and full.message is not None
        assert light.message.date == full.message.date

    said = text_update(1, 5, "hallo").to_dict()
    assert lighten(dict(said)) == said
    for odd in ([1, 2], "x", None, {"callback_query": "x"}, {"callback_query": {"id": "q"}}):
        assert lighten(odd) == odd
