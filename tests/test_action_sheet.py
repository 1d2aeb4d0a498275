"""Tools 7 and 8: the action sheet with its milestones as deadlines, and the action table."""

from __future__ import annotations

from datetime import date

import pytest

from flows.engine import Engine
from flows.tools.action_sheet import milestone_date, split_pair
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code, plain, rate
from tests.test_ideas_flow import add_goal
from tests.test_impact import ideas, score

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Opleiding gegeven — eind juni 2027", ("Opleiding gegeven", date(2027, 6, 30))),
        ("Bestek klaar - 15/3/2027", ("Bestek klaar", date(2027, 3, 15))),
        ("Kick-off: volgende week vrijdag", ("Kick-off", date(2026, 12, 11))),
        (
            "Sloopbeleid goedgekeurd tegen Q3 2027",
            ("Sloopbeleid goedgekeurd tegen Q3 2027", date(2027, 9, 30)),
        ),
        ("Training given — end of June 2027", ("Training given", date(2027, 6, 30))),
    ],
)
def test_milestones_are_read_as_what_and_when(line: str, expected: tuple[str, date]) -> None:
    assert milestone_date(line, TODAY) == expected


def test_a_milestone_without_a_date_is_not_guessed() -> None:
    assert milestone_date("Opleiding gegeven", TODAY) is None
    assert split_pair("Kringwinkel — levert materialen") == ("Kringwinkel", "levert materialen")


async def sheet(person: Person, action: str = "Opleiding circulair aanbesteden") -> None:
    """Fill in a complete action sheet."""
    await person.say("/actiefiche")
    await person.press(action)
    await person.say("Een opleiding voor de aankoopdienst")
    await person.say("Alle bestekken met circulaire gunningscriteria")
    await person.say("Opleiding gegeven — eind juni 2027\nEerste circulair bestek — 15/10/2027")
    await person.say("Kringwinkel Gent — geeft praktijkvoorbeelden\nVVSG — levert de lesgever")
    await person.say("0,2 VTE en 5.000 euro")
    await person.say("januari tot december 2027")
    await person.press("Overslaan")  # preconditions
    await person.say("Te weinig inschrijvingen — samen met de buurgemeenten")
    await person.say("Aanbod vergelijken")


async def test_a_complete_action_sheet_with_deadlines(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel Gent")
    await an.press("Klaar")
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    await add_goal(an)
    await ideas(an, "Opleiding circulair aanbesteden", "Sloopbeleid")
    await sheet(an)
    assert "Op je stakeholderkaart: Kringwinkel Gent" in "\n".join(an.transcript)
    await an.press("An")  # the team's members are offered as lead
    text = an.text
    assert "Actiefiche: Opleiding circulair aanbesteden" in text
    assert "Trekker: An · Status: gepland" in text
    assert "• Opleiding gegeven — woensdag 30 juni 2027" in text
    assert "• VVSG — levert de lesgever (nieuw, niet op de stakeholderkaart)" in text
    assert "• Kringwinkel Gent — geeft praktijkvoorbeelden\n" in text
    assert "• Te weinig inschrijvingen → samen met de buurgemeenten" in text
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        action = next(
            a
            for a in await tx.items.list(project_id, "action", person_id)
            if a.data["name"] == "Opleiding circulair aanbesteden"
        )
    found = engine.registry.deadlines["action"](action)
    assert [(d.ref, d.due, d.owner) for d in found] == [
        ("milestone:0", date(2027, 6, 30), "An"),
        ("milestone:1", date(2027, 10, 15), "An"),
    ]
    assert found[0].label == "Opleiding circulair aanbesteden: Opleiding gegeven"


async def test_a_milestone_without_date_is_asked_again_kindly(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await add_goal(an)
    await ideas(an, "Opleiding circulair aanbesteden")
    await an.say("/actiefiche")
    await an.say("Iets anders")
    assert "Die actie ken ik niet" in an.text
    await an.press("Opleiding circulair aanbesteden")
    await an.say("Beschrijving")
    await an.say("Resultaten")
    await an.say("Opleiding gegeven")
    assert "geen datum" in an.text
    await an.say("Opleiding gegeven — eind juni 2027")
    assert "partijen" in an.text


async def test_the_action_table_shows_and_updates_status(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await add_goal(an)
    await ideas(an, "Opleiding circulair aanbesteden", "Sloopbeleid")
    await score(an, (5, 1), (2, 5))
    await sheet(an)
    await an.press("Bram")
    await an.press("Actietabel")
    text = an.text
    assert "Actietabel — Strategie 2030" in text
    assert (
        "1. Opleiding circulair aanbesteden\n   trekker: Bram · gepland · prioriteit hoog · "
        "volgende deadline woensdag 30 juni 2027" in text
    )
    assert "2. Sloopbeleid\n   trekker: — · idee · prioriteit laag" in text
    await bram.say("/actietabel")
    await bram.press("✏ 1")
    assert "Welke status heeft Opleiding circulair aanbesteden nu?" in bram.text
    running = bram.button("lopend").value
    await bram.press("lopend")
    assert "Opleiding circulair aanbesteden staat nu op lopend" in bram.text
    assert "trekker: Bram · lopend" in bram.text
    await bram.event(button=running)  # a double tap
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        action = (await tx.items.list(project_id, "action", person_id))[0]
        changes = [c for c in await tx.items.history(action.id, person_id) if c.field == "status"]
    assert [(c.new, c.changed_by_name) for c in changes] == [
        ("planned", "An"),
        ("running", "Bram"),
    ]


async def test_outsiders_cannot_change_a_status(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await add_goal(an)
    await ideas(an, "Sloopbeleid")
    await an.say("/actietabel")
    await an.press("✏ 1")
    stop = an.button("stopgezet").value
    await create_team(eve, team="Elders")
    await eve.event(button=stop)
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        [action] = await tx.items.list(project_id, "action", person_id)
    assert action.data["status"] == "idea"
    assert "stopgezet" not in plain(eve.replies[0].html)


async def test_the_table_in_english(engine: Engine) -> None:
    an = Person(engine, "An", language="en")
    await create_team(an)
    await an.say("/actiontable")
    assert "no actions yet" in an.text


async def test_outsiders_cannot_open_a_teams_action_sheet(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await add_goal(an)
    await ideas(an, "Sloopbeleid")
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        [action] = await tx.items.list(project_id, "action", person_id)
    await create_team(eve, team="Elders")
    await eve.event(button=f"t:sheet:open:{action.id}")
    assert "Sloopbeleid" not in eve.text and "Beschrijving" not in eve.text
    await an.event(button=f"t:sheet:open:{action.id}")
    assert "Beschrijving" in an.text, "the team's own member gets the sheet, the action chosen"
