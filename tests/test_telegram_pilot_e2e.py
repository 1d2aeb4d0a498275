"""End to end for the pilot's steps 3 and 4: the legacy canvas and the communication plan,
through the real python-telegram-bot Application against the fake Bot API, on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from storage.db import Store
from tests.fakebot import FakeTelegram
from tests.telegram_harness import Harness, Phone, invite_token

NAME = "<b>Buurt & co</b>"


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fresh fake Telegram (strict: also refuses what Telegram merely tolerates)."""
    server = FakeTelegram(poll_throttling=False, strict=True)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def harness(fake: FakeTelegram, store: Store) -> AsyncIterator[Harness]:
    """The bot running on the test database, against the fake; no refused call allowed."""
    rig = Harness(fake, store)
    await rig.start_bot()
    yield rig
    await rig.stop_bot()
    refused = [r for r in fake.requests if r.status >= 400 and r.status != 429]
    assert not refused, f"Telegram would have refused: {refused}"
    unanswered = [q.data for q in fake.world.callback_queries.values() if not q.answered]
    assert not unanswered, f"callback queries left spinning: {unanswered}"


async def pilot_team(an: Phone) -> None:
    """An creates a team with a pilot project."""
    await an.say("/start")
    await an.say("/nieuwteam")
    await an.say("Waasland Circulair")
    await an.say("Materialenbank")
    await an.press("pilootproject")
    assert "Team Waasland Circulair is aangemaakt" in an.text


async def test_the_legacy_canvas_arrives_as_text_and_photo(harness: Harness) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    await pilot_team(an)
    await an.say("/uitnodigen")
    await bram.say(f"/start {invite_token(an.text)}")
    await an.say("/legacy")
    assert "langer meegaat dan jullie project" in an.text
    await an.press("Tip")
    assert "Circulaire productie is de norm." in an.text
    await an.say("Circulair bouwen is de norm in het Waasland")
    await an.say("Te weinig opslagruimte")
    await an.say(f"Openstellen voor burgers\n{NAME}")
    await an.press("Overslaan")
    await an.say("Draaiboek delen met andere regio's")
    await an.press("Overslaan")
    assert "legacy canvas is bewaard" in an.text
    assert "Legacy canvas — Materialenbank" in an.text
    assert f"• {NAME}" in an.text  # markup typed by the team is shown literally
    photo = next(m for m in reversed(an.user.messages) if m.photo is not None)
    assert photo.photo is not None and photo.photo.data.startswith(b"\x89PNG")
    # A teammate changes one part; the others stay.
    await bram.say("/overzicht")
    assert "Circulair bouwen is de norm in het Waasland" in bram.text
    await an.press("Een deel aanpassen")
    await an.press("Scaling down")
    await an.say("Geen losse stenen meer")
    assert "• Geen losse stenen meer" in an.text and "Te weinig opslagruimte" in an.text
    assert sum(1 for m in an.new if m.photo is not None) == 1
    for message in an.user.messages:
        assert not message.has_entity("bold", covering="Buurt & co"), message.text


async def test_the_communication_plan_over_telegram(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await pilot_team(an)
    await an.say("/communicatieplan")
    await an.say("Buurtbewoners\nScholen")
    await an.press("Klaar")
    assert "Buurtbewoners (1 van 2)" in an.text
    for priority, when, who in (("midden", "15/3/2027", "Sara"), ("hoog", "ooit", "Lotte")):
        await an.press(priority)
        await an.say("Lenen is slimmer dan kopen")
        await an.say("50 nieuwe leden")
        await an.say("Stadsmagazine")
        await an.say("Flyer")
        await an.say(when)
        if when == "ooit":
            assert "Die datum begrijp ik niet" in an.text
            await an.say("1/10/2027")
        await an.say(who)
    assert "Communicatieplan — Materialenbank" in an.text
    summary = an.text
    assert summary.index("Scholen · prioriteit hoog") < summary.index("Buurtbewoners")
    assert "Wanneer: vrijdag 1 oktober 2027" in summary
    assert "Verantwoordelijke: Lotte" in summary
