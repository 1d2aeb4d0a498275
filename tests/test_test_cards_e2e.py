"""End to end: test cards logged from a phone through the real Telegram front end and the fake
Bot API, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from flows.dates import parse_date
from storage.db import Store
from storage.tables import ItemRow
from tests.telegram_harness import Harness, new_team
from tests.test_test_cards import NAME, QUICK


async def cards(store: Store) -> list[dict[str, Any]]:
    """Every live test card in the database, oldest first."""
    async with store.engine.connect() as connection:
        result = await connection.execute(
            select(ItemRow.data)
            .where(ItemRow.tool == "testcard", ItemRow.deleted_at.is_(None))
            .order_by(ItemRow.id)
        )
        return [dict(row.data) for row in result]


async def test_a_card_logged_from_the_phone_moves_on_the_board_and_gets_its_verdict(
    harness: Harness,
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an, "Gent Circulair", "Deelpunt Dampoort", "pilootproject")
    await an.say(QUICK)
    await an.press("hoog")
    await an.press("Interviews")
    assert "staat in de backlog" in an.text and "We geloven dat onze doelgroep" in an.text
    await an.press("Naar Bouwen")
    assert "staat nu op Bouwen" in an.text

    await an.say("/bord")
    assert "Bouwen (1)" in an.text and NAME in an.text
    assert any(message.photo is not None for message in an.new), "the board comes as a PNG"
    await an.press(NAME)  # the card's own button under the board
    await an.press("Naar Meten")
    assert "criteria liggen nu vast" in an.text

    await an.say(f"/resultaat {NAME} 7 van de 10 zien het als meerwaarde")
    assert "Mijn voorstel: Gevalideerd" in an.text
    await an.press("Gevalideerd")
    assert "ga door naar de volgende stap" in an.text
    (card,) = await cards(harness.store)
    assert card["status"] == "learn" and card["verdict"] == "validated"
    end_of_june = parse_date("eind juni", today=datetime.now(ZoneInfo("Europe/Brussels")).date())
    assert end_of_june is not None and card["deadline"] == end_of_june.value.isoformat()
    assert card["criteria"] == "minstens 6 van de 10 geïnterviewden dat zeggen"


async def test_an_outsider_cannot_see_or_change_a_teams_test_cards(harness: Harness) -> None:
    an, eve = harness.phone(1001, "An"), harness.phone(1666, "Eve")
    await new_team(an, "Gent Circulair", "Deelpunt Dampoort", "pilootproject")
    await an.say(QUICK)
    await an.press("hoog")
    await an.press("Interviews")
    await an.press("Naar Bouwen")
    await an.say("/bord")
    before = await cards(harness.store)

    await eve.say("/bord")
    await eve.say(f"/resultaat {NAME} 9 van de 10")
    assert NAME not in eve.text

    # Eve replays the callback data of every button An was shown, and forges a card button.
    an_data = [
        str(button["callback_data"])
        for request in harness.fake.requests
        if request.params.get("chat_id") == str(an.id) and request.params.get("reply_markup")
        for row in json.loads(request.params["reply_markup"])["inline_keyboard"]
        for button in row
        if "callback_data" in button
    ]
    assert len(an_data) > 5
    forged = [*an_data, "t:testcard:measure:1", "t:testcard:show:1"]
    answered = len(harness.fake.callback_answers)
    for data in forged:
        eve.mark()
        await eve.user.press_data(data)
        await harness.settle()
        assert NAME not in eve.text and "We geloven" not in eve.text
    answers = harness.fake.callback_answers[answered:]
    assert len(answers) == len(forged)
    assert all("verlopen" in (answer.text or "") for answer in answers)
    assert await cards(harness.store) == before
