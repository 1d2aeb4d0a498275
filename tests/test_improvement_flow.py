"""Transcript tests of the improvement log (pilot step 4), through the engine, on both databases."""

from __future__ import annotations

from datetime import date

from flows.engine import Engine
from flows.model import Deadline
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code


async def stored(store: Store, person: Person) -> list[Deadline]:
    """Every deadline the improvement log declares for the person's project."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        items = await tx.items.list(project_id, "improvement", person_id)
    source = person.engine.registry.deadlines["improvement"]
    return [deadline for item in items for deadline in source(item)]


async def test_projects_by_theme_with_timing_and_who(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/verbeteren")
    assert "geen piloot meer" in an.text and "stap 1 van 4" in an.text
    await an.press("Tip")
    assert "minder afhankelijk van één of twee mensen" in an.text
    await an.say("Online reservatiesysteem\nVrijwilligers opleiden\nCampagne nieuwe leden")
    await an.press("Klaar")
    assert "Online reservatiesysteem (1 van 3)" in an.text
    await an.press("Processen en systemen")
    await an.say("eind september 2027")
    await an.say("Koen")
    await an.press("Mensen en vaardigheden")
    await an.say("1/3/2027")
    await an.say("Lies")
    await an.press("Communicatie")
    await an.say("1/2/2027")
    await an.say("Sara")
    summary = an.text
    assert "Verbeterlijst — Strategie 2030" in summary
    assert "3 verbeterprojecten, per thema." in summary
    # The guide's order of themes, each with its question.
    assert summary.index("Mensen en vaardigheden") < summary.index("Processen en systemen")
    assert summary.index("Processen en systemen") < summary.index("Communicatie —")
    assert "hoe blijven we nieuwe gebruikers aantrekken?" in summary
    assert "Online reservatiesysteem — tegen donderdag 30 september 2027, Koen" in summary
    assert "Innovatie" not in summary  # a theme without projects is left out
    assert sorted(await stored(store, an), key=lambda d: d.due) == [
        Deadline("when", date(2027, 2, 1), "Campagne nieuwe leden", owner="Sara"),
        Deadline("when", date(2027, 3, 1), "Vrijwilligers opleiden", owner="Lies"),
        Deadline("when", date(2027, 9, 30), "Online reservatiesysteem", owner="Koen"),
    ]


async def test_bad_input_and_a_redelivered_answer(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/verbeteren")
    await an.say("Chatbot voor vragen")
    await an.press("Klaar")
    await an.press("Innovatie")
    await an.say("ooit")
    assert "Die datum begrijp ik niet" in an.text
    await an.say("1/6/2027", key="same-update")
    await an.say("1/6/2027", key="same-update")  # Telegram delivers the update twice
    assert "verantwoordelijk" in an.text  # still at "who", not skipped past it
    await an.say("")
    assert "leeg antwoord" in an.text
    await an.say("Wout")
    assert [d.owner for d in await stored(store, an)] == ["Wout"]


async def test_english_summary_and_editing_a_date(engine: Engine, store: Store) -> None:
    an = Person(engine, "An", language="en")
    await create_team(an)
    await an.say("/improve")
    await an.say("Booking system")
    await an.press("Done")
    await an.press("Processes and systems")
    await an.say("30/9/2027")
    await an.say("Koen")
    assert "Improvement log — Strategie 2030" in an.text
    assert "1 improvement project, by theme." in an.text
    assert "Booking system — by Thursday 30 September 2027, Koen" in an.text
    await an.press("Edit")
    await an.press("Booking system")
    await an.press("Timing")
    await an.say("15/10/2027")
    assert [d.due for d in await stored(store, an)] == [date(2027, 10, 15)]


async def test_an_outsider_cannot_read_the_log(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await an.say("/verbeteren")
    await an.say("Geheim project")
    await an.press("Klaar")
    await create_team(eve, team="Ander team", project="Elders")
    await eve.say("/verbeteren")
    assert "Geheim project" not in eve.text
    _, project_id = await ids(store, an)
    eve_id, _ = await ids(store, eve)
    async with store.transaction() as tx:
        await tx.people.set_active_project(eve_id, project_id)
    await eve.say("/overzicht")
    assert "Geheim project" not in eve.text


async def test_edit_without_a_tool_opens_the_one_with_entries(engine: Engine) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await an.say("/verbeteren")
    await an.say("Chatbot voor vragen")
    await an.press("Klaar")
    # Bram never opened a tool; the communication plan sorts first but is empty.
    await bram.say("/wijzig")
    assert "1. Chatbot voor vragen" in bram.text
