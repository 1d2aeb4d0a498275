"""bot/telegram_taps.py: taps read from the Bot API's JSON exactly as PTB would read them, odd
shapes left to PTB, and taps on that path handled (and failing) as on PTB's."""

from __future__ import annotations

import copy
import logging
from typing import Any

import pytest
from telegram import Update

from bot.telegram_taps import Pressed, Tap, read_tap, tap_of
from bot.telegram_updates import Redeliver, UpdateHandlers, chat_key
from tests.telegram_harness import Harness, new_team


def tap_json(**changes: Any) -> dict[str, Any]:
    """A tap on a question in a private chat, as Telegram sends it (the whole message)."""
    data: dict[str, Any] = {
        "update_id": 900,
        "callback_query": {
            "id": "4200000000000000001",
            "from": {
                "id": 1001,
                "is_bot": False,
                "first_name": "An",
                "last_name": "Peeters",
                "username": "an_p",
                "language_code": "nl",
            },
            "message": {
                "message_id": 77,
                "from": {"id": 5, "is_bot": True, "first_name": "Kringkoers"},
                "date": 1_790_000_000,
                "chat": {"id": 1001, "type": "private", "first_name": "An"},
                "text": "Intern of extern?",
                "entities": [{"type": "bold", "offset": 0, "length": 6}],
                "reply_markup": {
                    "inline_keyboard": [[{"text": "Extern", "callback_data": "b:x1"}]]
                },
            },
            "chat_instance": "-123",
            "data": "b:x1",
        },
    }
    for path, value in changes.items():
        *parents, key = path.split("__")
        target = data
        for parent in parents:
            target = target[parent]
        if value is ...:
            del target[key]
        else:
            target[key] = value
    return data


def ptb(data: dict[str, Any]) -> Tap | None:
    """The tap as the PTB path reads it."""
    return tap_of(Update.de_json(copy.deepcopy(data), None))


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"callback_query__from__last_name": ...},  # full name is the first name alone
        {"callback_query__from__language_code": ...},
        {"callback_query__message__date": 0},  # no longer accessible: PTB reads it all the same
        {
            "callback_query__message__chat": {"id": -100500, "type": "supergroup", "title": "Gent"},
            "callback_query__from__is_premium": True,
        },
        {"callback_query__message__chat": {"id": -42, "type": "group", "title": "Team"}},
        {"callback_query__message__chat": {"id": -7, "type": "channel", "title": "News"}},
    ],
)
def test_a_tap_is_read_as_ptb_reads_it(changes: dict[str, Any]) -> None:
    data = tap_json(**changes)
    ours = read_tap(copy.deepcopy(data))
    assert ours is not None
    assert ours == ptb(data)


def test_what_a_tap_holds() -> None:
    tap = read_tap(tap_json())
    assert tap == Tap(
        update_id=900,
        query_id="4200000000000000001",
        user_id=1001,
        full_name="An Peeters",
        language_code="nl",
        data="b:x1",
        chat_id=1001,
        chat_type="private",
        chat_title=None,
        pressed=Pressed(1001, 77),
    )
    assert chat_key(tap) == 1001


@pytest.mark.parametrize(
    "data",
    [
        # Other updates and shapes: not taps.
        {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 1}}},
        [1, 2],
        "x",
        None,
        tap_json(message={"message_id": 1}),  # something besides the tap
        tap_json(callback_query__data=...),  # a game's button: no data
        tap_json(callback_query__game_short_name="g"),
        tap_json(callback_query__message=..., callback_query__inline_message_id="i"),
        tap_json(callback_query__from__added_to_attachment_menu=True),  # a newer field
        tap_json(callback_query__message__chat__is_forum=True),
        # Malformed: wrong types where the handlers read.
        tap_json(update_id="900"),
        tap_json(update_id=True),
        tap_json(callback_query__id=42),
        tap_json(callback_query__data=7),
        tap_json(callback_query__from="An"),
        tap_json(callback_query__from__id="1001"),
        tap_json(callback_query__from__first_name=None),
        tap_json(callback_query__from__last_name=3),
        tap_json(callback_query__from__language_code=["nl"]),
        tap_json(callback_query__message="gone"),
        tap_json(callback_query__message__chat=...),
        tap_json(callback_query__message__message_id=None),
        tap_json(callback_query__message__date="today"),
        tap_json(callback_query__message__chat__id=1.5),
        tap_json(callback_query__message__chat__type=None),
        tap_json(callback_query__message__chat__title=0),
    ],
)
def test_anything_but_a_plain_tap_is_left_to_ptb(data: Any) -> None:
    assert read_tap(copy.deepcopy(data)) is None


def test_taps_ptb_reads_instead_still_reach_the_same_handler() -> None:
    # Shapes left to PTB that it accepts: the handler gets a Tap from them all the same.
    game = ptb(tap_json(callback_query__data=..., callback_query__game_short_name="g"))
    assert game is not None and game.data is None and game.pressed == Pressed(1001, 77)
    inline = ptb(tap_json(callback_query__message=..., callback_query__inline_message_id="i"))
    assert inline is not None and inline.chat_id is None and inline.pressed is None
    assert chat_key(inline) == 1001  # ordered by the person instead
    forum = ptb(tap_json(callback_query__message__chat__is_forum=True))
    assert forum is not None and forum.pressed == Pressed(1001, 77)
    assert tap_of(Update.de_json({"update_id": 3}, None)) is None


# ---------------------------------------------------------------------------------------------
# on the bot


async def test_a_tap_that_fails_for_a_moment_is_delivered_again_and_counts_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("IVAGO")
    lookup = UpdateHandlers._lookup
    failures: list[int] = []

    async def flaky(self: UpdateHandlers, update_id: int, ref: str) -> Any:
        if not failures:
            failures.append(update_id)
            # What _lookup raises when the database is briefly unavailable.
            raise Redeliver("button lookup: database is locked")
        return await lookup(self, update_id, ref)

    monkeypatch.setattr(UpdateHandlers, "_lookup", flaky)
    through_ptb: list[object] = []

    async def on_callback(self: UpdateHandlers, update: Update, _: object) -> None:
        through_ptb.append(update)

    monkeypatch.setattr(UpdateHandlers, "on_callback", on_callback)
    answered = len(harness.fake.callback_answers)
    await an.press("Klaar")
    assert through_ptb == []  # both deliveries took the path without PTB's objects
    assert failures  # it failed once …
    assert "IVAGO (1 van 1)" in an.screen  # … and went through on its next delivery
    assert [answer.text for answer in harness.fake.callback_answers[answered:]] == [None]


async def test_a_tap_that_fails_for_good_stops_the_spinner_and_is_logged(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("IVAGO")

    async def broken(self: UpdateHandlers, update_id: int, ref: str) -> Any:
        raise RuntimeError("injected")

    monkeypatch.setattr(UpdateHandlers, "_lookup", broken)
    answered = len(harness.fake.callback_answers)
    with caplog.at_level(logging.INFO):
        await an.press("Klaar")
    assert len(harness.fake.callback_answers) == answered + 1  # answered once, without text
    assert harness.fake.callback_answers[-1].text is None
    failed = [r for r in caplog.records if "handler failed" in r.getMessage()]
    assert failed and f"chat {an.id}" in failed[0].getMessage()
    assert not [r for r in caplog.records if "will try again" in r.getMessage()]
