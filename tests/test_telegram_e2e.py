"""End to end: the real python-telegram-bot Application, over HTTP, against the fake Bot API.

Each test runs on SQLite and on PostgreSQL. People type and tap; the fake enforces Telegram's
rules and answers 400 for anything Telegram would refuse, so every test also checks that the
bot never made a call Telegram would have refused.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from sqlalchemy import delete, func, select

from bot.telegram_ratelimit import Limits
from bot.telegram_send import Delivery, plan_reply
from bot.telegram_updates import external_id
from flows import drawing
from flows.events import Attachment, Reply
from storage.db import Store
from storage.inbox import UpdateInbox
from storage.json_codec import dumps_bytes
from storage.tables import ButtonRow, ItemRow, ProcessedEventRow
from tests.chat import rate
from tests.fakebot import FakeTelegram
from tests.telegram_harness import Harness, eventually, join, new_team, summary_parts

NAME = "<b>Kringwinkel & co</b>"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def stakeholder_rows(store: Store) -> list[tuple[str, dict[str, object]]]:
    """Every current stakeholder in the database: (name, answers), oldest first."""
    async with store.engine.connect() as connection:
        result = await connection.execute(
            select(ItemRow.data)
            .where(
                ItemRow.tool == "stakeholder",
                ItemRow.key.is_(None),  # the one keyed record holds flow-level answers
                ItemRow.deleted_at.is_(None),
            )
            .order_by(ItemRow.id)
        )
        return [(str(row.data["name"]), dict(row.data)) for row in result]


# ---------------------------------------------------------------------------------------------
# teamwork, restarts


async def test_two_members_map_concurrently_and_a_restart_loses_nothing(
    harness: Harness,
) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    await new_team(an)
    await join(an, bram)

    await asyncio.gather(an.say("/stakeholders"), bram.say("/stakeholders"))
    await an.say("Kringwinkel Gent\nIVAGO")
    await bram.say("Schepen van milieu")  # the list is shared: third, after An's two
    await an.press("Klaar")
    assert "(1 van 3)" in an.text
    await bram.press("Klaar")

    async def an_part() -> None:
        await rate(an, "Extern", "hoog", "hoog", "Co-produceren")  # Kringwinkel Gent
        await an.press("Extern")  # IVAGO, half-way
        await an.press("laag")

    async def bram_part() -> None:
        await bram.press("Intern")  # Bram is on Kringwinkel Gent too, the first of the list
        await bram.press("hoog")

    await asyncio.gather(an_part(), bram_part())

    # A deploy: the bot stops mid-walk. An answers while it is down; the answer waits at
    # Telegram and is processed once the bot is back.
    await harness.stop_bot()
    await an.user.press(an.find_label("midden"))
    await harness.start_bot()
    await harness.settle()
    assert "Hoe wil je deze stakeholder betrekken?" in an.screen

    await an.press("Informeren")
    await an.press("Overslaan")
    await bram.say("/stakeholders")  # where was I? Right where the restart found him
    assert "stap 4 van 6" in bram.text and "Kringwinkel Gent (1 van 3)" in bram.text
    await bram.press("midden")
    await bram.press("Raadplegen")
    await bram.press("Overslaan")
    # He overrode An's answers about Kringwinkel Gent and was told so; IVAGO, which An did,
    # is not asked again: Bram goes on with the third one.
    assert any("An vulde dit net ook in" in m.text for m in bram.user.messages)
    assert "Schepen van milieu (3 van 3)" in bram.text
    await rate(bram, "Intern", "hoog", "midden", "Raadplegen")  # Schepen van milieu

    rows = dict(await stakeholder_rows(harness.store))
    assert set(rows) == {"Kringwinkel Gent", "IVAGO", "Schepen van milieu"}
    assert rows["IVAGO"]["power"] == "low" and rows["IVAGO"]["interest"] == "medium"
    assert rows["IVAGO"]["involvement"] == "inform"
    assert rows["Kringwinkel Gent"]["involvement"] == "consult"  # Bram's, the later answer
    assert rows["Schepen van milieu"]["side"] == "internal"
    await an.say("/overzicht")
    summary = an.text
    for name in rows:
        assert summary.count(name) >= 1
    assert "3 stakeholders" in summary


async def test_the_same_update_delivered_twice_has_one_effect(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel\nIVAGO")
    sent = len(an.user.chat.bot_messages)
    harness.fake.redeliver(harness.last_update_id())
    await harness.settle()
    assert len(an.user.chat.bot_messages) == sent  # no second reply
    await an.press("Klaar")
    pressed = harness.last_update_id()
    await an.press("Extern")
    screen = an.screen
    harness.fake.redeliver(pressed)  # the "Klaar" tap again, after later work
    await harness.settle()
    assert an.screen == screen
    assert sorted(name for name, _ in await stakeholder_rows(harness.store)) == [
        "IVAGO",
        "Kringwinkel",
    ]
    async with harness.store.engine.connect() as connection:
        processed = await connection.scalar(select(func.count()).select_from(ProcessedEventRow))
    assert processed is not None and processed >= 8


async def test_a_double_tap_on_a_button_counts_once(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("IVAGO")
    label = an.find_label("Klaar")
    sent = len(an.user.chat.bot_messages)
    await an.user.press(label)
    await an.user.press(label)  # the second tap, on the same (old) message
    await harness.settle()
    assert "IVAGO (1 van 1)" in an.screen
    later = an.user.chat.bot_messages[sent:]
    assert not any("verlopen" in m.text for m in later)  # no message about the second tap …
    first, second = harness.fake.callback_answers[-2:]
    assert first.text is None and "verlopen" in (second.text or "")  # … just a short notice
    assert await stakeholder_rows(harness.store) == [("IVAGO", {"name": "IVAGO"})]


async def forget_button_rows(store: Store) -> None:
    """Delete every stored button reference (as if they had been pruned)."""
    async with store.engine.begin() as connection:
        await connection.execute(delete(ButtonRow))


async def test_fresh_buttons_are_known_from_memory_and_others_from_the_database(
    harness: Harness,
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("IVAGO")
    # Issued by this bot moments ago: a tap needs no lookup, so it works without the row.
    await forget_button_rows(harness.store)
    await an.press("Klaar")
    assert "IVAGO (1 van 1)" in an.screen
    # After a restart only the database knows the buttons: with their rows gone they expired.
    await harness.stop_bot()
    await harness.start_bot()
    await forget_button_rows(harness.store)
    answered = len(harness.fake.callback_answers)
    await an.press("Extern")
    assert "verlopen" in (harness.fake.callback_answers[answered].text or "")
    assert "IVAGO (1 van 1)" in an.screen  # nothing moved on
    # A new question's buttons are remembered again.
    await an.say("/stakeholders")
    await forget_button_rows(harness.store)
    answered = len(harness.fake.callback_answers)
    await an.press("Extern")
    assert harness.fake.callback_answers[answered].text is None  # taken, no notice
    assert an.find_label("hoog")  # the next question (influence) is on screen
    assert await stakeholder_rows(harness.store) == [
        ("IVAGO", {"name": "IVAGO", "side": "external"})
    ]


# ---------------------------------------------------------------------------------------------
# safety


async def test_an_outsider_cannot_see_or_change_the_map(harness: Harness) -> None:
    an, eve = harness.phone(1001, "An"), harness.phone(1666, "Eve")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel\nIVAGO")
    await an.press("Klaar")
    before = await stakeholder_rows(harness.store)

    await eve.say("/overzicht")
    await eve.say("/stakeholders")
    assert "Kringwinkel" not in eve.text and "IVAGO" not in eve.text

    # Eve replays the callback data of every button An was ever shown, and forges her own.
    an_data = [
        str(button["callback_data"])
        for request in harness.fake.requests
        if request.params.get("chat_id") == str(an.id) and request.params.get("reply_markup")
        for row in json.loads(request.params["reply_markup"])["inline_keyboard"]
        for button in row
        if "callback_data" in button
    ]
    assert len(an_data) > 10
    forged = [*an_data, "s:1:side:0:pick:external", "m:open:stakeholders", "x" * 64]
    answered = len(harness.fake.callback_answers)
    for data in forged:
        eve.mark()
        await eve.user.press_data(data)
        await harness.settle()
        assert "Kringwinkel" not in eve.text
    expired = harness.fake.callback_answers[answered:]
    assert len(expired) == len(forged)  # every forged tap was answered …
    assert all("verlopen" in (answer.text or "") for answer in expired)  # … politely
    assert await stakeholder_rows(harness.store) == before


async def test_markup_in_a_name_is_shown_literally_everywhere(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    bram = harness.phone(1002, "Bram")
    await new_team(an)
    await join(an, bram)
    group = harness.fake.group(-1001234, "Team Gent").add(an.user, bram.user)
    await an.say("/koppel", group=group)
    await an.say("/stakeholders")
    await an.say(NAME)
    assert NAME in an.text
    await an.press("Klaar")
    assert f"{NAME} (1 van 1)" in an.text
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    assert NAME in an.text
    await an.say("/overzicht")
    assert NAME in an.text
    photo = next(m for m in reversed(an.user.messages) if m.photo is not None)
    assert photo.photo is not None and photo.photo.data.startswith(b"\x89PNG")
    await an.say("/wijzig")
    assert NAME in an.text
    assert "werkte de stakeholderkaart" in group.messages[-1].text  # announced in the group
    await an.say("/overzicht", group=group)  # and the summary, shown to the whole team
    assert any(NAME in m.text for m in group.messages)
    for message in [*an.user.messages, *group.messages]:
        assert not message.has_entity("bold", covering="Kringwinkel & co"), message.text


async def test_a_long_summary_arrives_in_accepted_parts(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    names = [f"Partnerorganisatie nummer {n:02} met een lange naam & afdeling" for n in range(60)]
    await an.say("\n".join(names[:30]))
    await an.say("\n".join(names[30:]))
    await an.say("stop")
    first_sent = len(an.user.chat.bot_messages)
    await an.say("/overzicht")
    parts = summary_parts(an.user.chat.bot_messages[first_sent:], "Stakeholderkaart — ")
    texts = [m.text for m in parts if m.photo is None]
    assert sum(len(t) for t in texts) > 5000
    assert len(texts) >= 2 and all(len(t) <= 4096 for t in texts)
    joined = "\n".join(texts)
    for name in names:
        assert joined.count(name) == 1, name  # split on line boundaries: no name cut in two


async def test_a_sticker_or_photo_is_answered_not_ignored(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    an.mark()
    harness.fake.push_update(
        {
            "message": {
                "message_id": 9000,
                "date": 0,
                "chat": {"id": an.id, "type": "private", "first_name": "An"},
                "from": {"id": an.id, "is_bot": False, "first_name": "An", "language_code": "nl"},
                "sticker": {
                    "file_id": "s1",
                    "file_unique_id": "s1u",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                },
            }
        }
    )
    await harness.settle()
    assert "Ik kan enkel tekst lezen" in an.text
    assert "Wie kan jullie project beïnvloeden" in an.user.last_message.text  # asked again
    await an.say("IVAGO")
    assert "1 toegevoegd: IVAGO" in an.text


async def test_only_the_newest_question_keeps_its_buttons(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    first_prompt = an.user.last_message
    assert first_prompt.buttons
    await an.say("IVAGO")
    assert an.user.last_message.buttons  # the new question has its buttons …
    with_buttons = [m for m in an.user.messages if m.buttons]
    assert with_buttons == [an.user.last_message]  # … and every earlier message lost them
    await an.say("tip")  # a reply without buttons leaves the question's buttons in place
    assert any("Klaar" in label for row in with_buttons[0].buttons for label in row)
    await an.press("Klaar")  # the tip is below the question: the next one comes at the bottom
    assert [m for m in an.user.messages if m.buttons] == [an.user.last_message]
    assert "interne of een externe" in an.screen and "Nog meer?" in with_buttons[0].text


async def test_rating_a_stakeholder_moves_one_card_on(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("IVAGO\nKringwinkel")
    card = an.user.last_message
    await an.press("Klaar")
    count, retired = len(an.user.messages), len(harness.fake.calls("editMessageReplyMarkup"))
    for label in ("Extern", "hoog", "midden", "Raadplegen"):
        await an.press(label)
    # Four taps, no new message: the card asks each next question, with the answers so far.
    assert len(an.user.messages) == count and card.buttons
    assert "Intern of extern: Extern · Macht: hoog · Belang: midden" in card.text
    assert "Betrokkenheid: Raadplegen" in card.text and "notitie" in card.text
    assert len(card.history) == 5  # the list, then four questions
    await an.press("Overslaan")
    # The card ends as the stakeholder's result; the next one is asked in a new message.
    assert card.text.startswith("IVAGO →") and card.buttons == []
    assert "Kringwinkel (2 van 2)" in an.screen and an.user.last_message.buttons
    assert [m for m in an.user.messages if m.buttons] == [an.user.last_message]
    # Nothing was left to take buttons off: every button went away with an edit of its card.
    assert len(harness.fake.calls("editMessageReplyMarkup")) == retired
    question = an.user.last_message
    await an.press("Intern")
    await an.press("Tip")  # the tip comes below; the question keeps its buttons
    assert an.user.last_message is not question and question.buttons
    await an.press("laag")
    # Tapped above the tip: the next question comes at the bottom, where the person reads.
    assert "Intern of extern: Intern · Macht: laag" in an.screen
    assert [m for m in an.user.messages if m.buttons] == [an.user.last_message]
    assert "macht" in question.text  # left as it was, without its buttons
    assert len(harness.fake.callback_answers) >= 7  # every tap answered


async def test_pictures_go_as_photos_and_exports_as_documents(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await an.say("/start")
    bot = harness.bot
    assert bot is not None
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    workbook = b"PK\x03\x04" + bytes(64)  # what an .xlsx starts with
    replies = [
        Reply("<b>Kaart</b>", image=Attachment("kaart.png", png, "image/png")),
        Reply(
            "Export &amp; co",
            document=Attachment(
                "export.xlsx",
                workbook,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ),
        ),
    ]
    calls = [call for reply in replies for call in plan_reply(reply, None, an.id)]
    await Delivery(bot.application.bot).send_all(calls, "test")
    photo, document = an.user.messages[-2:]
    assert photo.photo is not None and photo.caption == "Kaart"
    assert document.document is not None and document.document.filename == "export.xlsx"
    assert document.document.data == workbook and document.caption == "Export & co"


async def test_the_words_do_not_wait_for_the_picture(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    bot = harness.bot
    assert bot is not None
    original = drawing.draw
    may_draw = asyncio.Event()

    async def draw_slowly(function: Callable[..., Any], *args: Any) -> Any:
        await asyncio.wait_for(may_draw.wait(), 20)  # a drawing that takes long (a big map)
        return await original(function, *args)

    monkeypatch.setattr(drawing, "draw", draw_slowly)
    await an.say("/stakeholders")
    await an.say("IVAGO")
    await an.press("Klaar")
    for label in ("Extern", "hoog", "hoog", "Co-produceren"):
        await an.press(label)
    an.mark()
    await an.user.press(an.find_label("Overslaan"))
    # The feedback and the summary arrive while the picture is still being drawn …
    await eventually(lambda: "bijgewerkt" in an.text and "Stakeholderkaart" in an.text)
    assert not any(m.photo for m in an.new)
    may_draw.set()  # … and the picture follows them
    await eventually(lambda: any(m.photo for m in an.new))
    await harness.settle()
    assert an.new[-1].photo is not None  # in its place: after the words it belongs to


# ---------------------------------------------------------------------------------------------
# Telegram's limits


async def test_a_429_is_honoured_without_holding_up_other_chats(harness: Harness) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    fake = harness.fake
    fake.fail_next("sendMessage", retry_after=2)
    loop = asyncio.get_running_loop()
    start = loop.time()
    an.mark()
    await an.user.send("/help")
    await eventually(lambda: bool(fake.calls("sendMessage")))  # An's reply got the 429
    bram.mark()
    await bram.user.send("/help")
    await eventually(lambda: bool(bram.new), timeout=5)
    bram_waited = loop.time() - start
    await eventually(lambda: bool(an.new), timeout=10)
    an_waited = loop.time() - start
    assert bram_waited < 1.5 <= an_waited  # Bram was served while An's chat waited
    assert "Kringkoers" in an.text and "Kringkoers" in bram.text
    failed = [r for r in fake.calls("sendMessage") if r.status == 429]
    assert len(failed) == 1
    retried = [r for r in fake.calls("sendMessage") if r.params.get("chat_id") == str(an.id)]
    assert retried[-1].at - failed[0].at >= 2.0
    fake.world.requests[:] = [r for r in fake.requests if r.status != 429]


async def test_bursts_stay_within_telegrams_flood_limits(fake: FakeTelegram, store: Store) -> None:
    harness = Harness(fake, store)
    fake.world.enforce_rate_limits = True
    await harness.start_bot(limits=Limits())
    try:
        phones = [harness.phone(2000 + n, f"P{n}") for n in range(8)]
        for phone in phones:
            await phone.user.send("/start")
            await phone.user.send("/help")
            await phone.user.send("/help")
        await harness.settle(timeout=30)
        for phone in phones:
            assert len(phone.user.messages) >= 4
        assert fake.rate_violations == []
    finally:
        await harness.stop_bot()


# ---------------------------------------------------------------------------------------------
# groups, menus, languages


async def test_a_group_is_linked_and_sends_people_to_the_private_chat(harness: Harness) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    await new_team(an)
    group = harness.fake.group(-1009876, "Gent team").add(an.user, bram.user)
    await bram.say("/koppel", group=group)  # Bram is not in the team
    assert "koppel" not in group.last_message.text.lower() or "niet" in group.last_message.text
    before = len(group.messages)
    await an.say("hallo allemaal", group=group)  # chatter: no reply
    await an.say("/help@someone_else_bot", group=group)  # another bot's command: no reply
    assert len(group.messages) == before
    await an.say("/koppel", group=group)
    assert "gekoppeld" in group.last_message.text
    await an.say("/stakeholders", group=group)
    link = group.last_message.markup
    assert link is not None
    [[button]] = link.inline_rows
    assert button.kind == "url" and str(button.value).startswith("https://t.me/kringkoers_test_bot")
    await an.say("/stakeholders")
    await an.say("IVAGO")
    await an.say("stop")
    await an.say("/overzicht", group=group)
    assert any("IVAGO" in m.text for m in group.messages[-3:])
    assert not any("IVAGO" in m.text for m in an.new if m.chat_id == an.id)  # only in the group


async def test_a_group_that_adds_the_bot_is_told_how_to_link_it(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    group = harness.fake.group(-1004444, "Circulair Mechelen").add(an.user)
    bot_user = harness.fake.world.bot_user()
    harness.fake.push_update(
        {
            "my_chat_member": {
                "chat": group.as_dict(),
                "from": an.user.as_dict(),
                "date": 0,
                "old_chat_member": {"status": "left", "user": bot_user},
                "new_chat_member": {"status": "member", "user": bot_user},
            }
        }
    )
    await harness.settle()
    [welcome] = group.messages
    assert "/koppel" in welcome.text
    [[button]] = welcome.markup.inline_rows if welcome.markup else [[None]]
    assert button is not None and button.kind == "url"


async def test_command_menus_in_dutch_and_english(harness: Harness) -> None:
    fake = harness.fake
    dutch = {c["command"] for c in fake.commands(language_code="nl")}
    english = {c["command"] for c in fake.commands(language_code="en")}
    fallback = {c["command"] for c in fake.commands()}
    assert {"stakeholders", "overzicht", "help", "stop"} <= dutch
    assert {"stakeholders", "summary", "help", "stop"} <= english
    assert fallback == dutch
    described = fake.commands(language_code="en")
    assert all(c["description"] and len(c["description"]) <= 256 for c in described)


async def test_language_follows_telegram_and_can_be_changed(harness: Harness) -> None:
    emma = harness.phone(1003, "Emma", language="en")
    await emma.say("/start")
    assert "welcome" in emma.text.lower()
    await emma.say("/taal")
    await emma.press("Nederlands")
    await emma.say("/help")
    assert "Wat kan" in emma.text or "Kringkoers helpt" in emma.text
    jan = harness.phone(1004, "Jan", language=None)  # no language: the bot's default
    await jan.say("/start")
    assert "welkom" in jan.text.lower()


# ---------------------------------------------------------------------------------------------
# webhook mode and health


async def test_webhook_mode_runs_the_conversation_and_checks_the_secret(
    fake: FakeTelegram, store: Store
) -> None:
    harness = Harness(fake, store)
    port = free_port()
    bot = await harness.start_bot(
        mode="webhook",
        webhook_url=f"http://127.0.0.1:{port}/tg/hook",
        webhook_listen="127.0.0.1",
        webhook_port=port,
        webhook_secret="s3cret-Token_value",
    )
    try:
        assert fake.webhook is not None and fake.webhook.secret_token == "s3cret-Token_value"
        an = harness.phone(1001, "An")
        await new_team(an)
        await an.say("/stakeholders")
        await an.say("IVAGO")
        await an.press("Klaar")
        assert "IVAGO (1 van 1)" in an.text

        url = f"http://127.0.0.1:{bot.port}/tg/hook"
        forged = {
            "update_id": 999_999,
            "message": {
                "message_id": 1,
                "date": 0,
                "chat": {"id": an.id, "type": "private"},
                "from": {"id": an.id, "is_bot": False, "first_name": "An"},
                "text": "/stop",
            },
        }
        async with aiohttp.ClientSession() as session:
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                async with session.post(url, json=forged, headers=headers) as response:
                    assert response.status == 403
            async with session.get(f"http://127.0.0.1:{bot.port}/health") as response:
                assert response.status == 200
                assert (await response.json())["status"] == "ok"
        await harness.settle()
        assert "gepauzeerd" not in an.user.last_message.text
        await an.press("Extern")  # the walk was not paused by the forged /stop
        assert "macht" in an.screen
    finally:
        await harness.stop_bot()


@pytest.mark.parametrize("unreadable", [False, True])
async def test_webhook_mode_first_processes_what_a_polling_run_left_in_the_inbox(
    fake: FakeTelegram, store: Store, unreadable: bool
) -> None:
    harness = Harness(fake, store)
    an = harness.phone(1001, "An")
    # A polling run stored An's /start, confirmed it to Telegram and stopped before processing
    # it: only the inbox has it now, and a webhook will never bring it.
    update = {
        "update_id": 424_242,
        "message": {
            "message_id": 7,
            "date": int(time.time()),
            "chat": {"id": an.id, "type": "private", "first_name": "An"},
            "from": {"id": an.id, "is_bot": False, "first_name": "An", "language_code": "nl"},
            "text": "/start",
        },
    }
    bot_id = int(fake.token.split(":")[0])
    inbox = UpdateInbox(store, external_id(bot_id))
    await inbox.keep(dumps_bytes([update]))
    if unreadable:  # the inbox cannot be read when the bot starts: tried again meanwhile
        async with store.engine.begin() as connection:
            await connection.exec_driver_sql("ALTER TABLE update_inbox RENAME TO inbox_away")
    port = free_port()
    await harness.start_bot(
        mode="webhook",
        webhook_url=f"http://127.0.0.1:{port}/tg/hook",
        webhook_listen="127.0.0.1",
        webhook_port=port,
    )
    try:
        if unreadable:
            await harness.settle()
            assert an.text == ""
            async with store.engine.begin() as connection:
                await connection.exec_driver_sql("ALTER TABLE inbox_away RENAME TO update_inbox")
            await eventually(lambda: "welkom" in an.text.lower())
        await harness.settle()
        assert "welkom" in an.text.lower()
        assert await inbox.waiting() == []
        await an.say("/help")  # and then the webhook's own updates
        assert "/stakeholders" in an.text
    finally:
        await harness.stop_bot()


# ---------------------------------------------------------------------------------------------
# failures


async def break_item_inserts(store: Store, db_kind: str, *, broken: bool) -> None:
    """A real database fault: a trigger that makes every new item fail (or its removal)."""
    async with store.engine.begin() as connection:
        if db_kind == "sqlite":
            statements = (
                [
                    "CREATE TRIGGER kk_fault BEFORE INSERT ON items "
                    "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
                ]
                if broken
                else ["DROP TRIGGER kk_fault"]
            )
        else:
            statements = (
                [
                    "CREATE FUNCTION kk_fault() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql",
                    "CREATE TRIGGER kk_fault BEFORE INSERT ON items "
                    "FOR EACH ROW EXECUTE FUNCTION kk_fault()",
                ]
                if broken
                else ["DROP TRIGGER kk_fault ON items", "DROP FUNCTION kk_fault()"]
            )
        for statement in statements:
            await connection.exec_driver_sql(statement)


async def test_a_failure_gets_a_friendly_message_and_loses_nothing(
    harness: Harness, db_kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    emma = harness.phone(1003, "Emma", language="en")
    await emma.say("/newteam")
    await emma.say("Leuven")
    await emma.say("Circular 2030")
    await emma.press("strategy")
    await emma.say("/stakeholders")
    await break_item_inserts(harness.store, db_kind, broken=True)
    with caplog.at_level(logging.INFO):
        await emma.say("IVAGO\nKringwinkel")
    assert "Oops" in emma.text and "saved" in emma.text  # her language, no traceback
    assert "Traceback" not in emma.text and "injected" not in emma.text
    failures = [r for r in caplog.records if "the engine failed" in r.getMessage()]
    assert failures and f"chat {emma.id}" in failures[0].getMessage()  # logged with context
    assert not any("IVAGO" in r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)

    await break_item_inserts(harness.store, db_kind, broken=False)
    await emma.say("IVAGO\nKringwinkel")  # she tries again: it works, and nothing is doubled
    assert "2 added" in emma.text
    assert [name for name, _ in await stakeholder_rows(harness.store)] == ["IVAGO", "Kringwinkel"]


async def test_polling_mode_serves_health_for_monitoring(fake: FakeTelegram, store: Store) -> None:
    harness = Harness(fake, store)
    port = free_port()
    await harness.start_bot(health_port=port)
    try:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{port}/health") as response,
        ):
            assert response.status == 200
            assert await response.json() == {"status": "ok"}
    finally:
        await harness.stop_bot()
    with pytest.raises(aiohttp.ClientConnectionError):  # stopped means stopped
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{port}/health"),
        ):
            pass
