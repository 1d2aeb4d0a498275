"""Transcript tests of the communication plan (Tool 16), through the engine, on both databases."""

from __future__ import annotations

from datetime import date

from flows.engine import Engine
from flows.model import Deadline
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code


async def plan_group(person: Person, priority: str, when: str, who: str) -> None:
    """Answer the questions about one target group."""
    await person.press(priority)
    await person.say("Lenen is slimmer dan kopen")
    await person.say("50 nieuwe leden tegen de zomer")
    await person.say("Stadsmagazine, sociale media")
    await person.say("Flyer en filmpje")
    await person.say(when)
    await person.say(who)


async def items(store: Store, person: Person) -> dict[str, dict[str, object]]:
    """The target groups of the person's project, by name."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        found = await tx.items.list(project_id, "communication", person_id)
    return {str(i.data["name"]): i.data for i in found}


async def test_a_plan_per_target_group_with_dates_declared_as_deadlines(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/communicatieplan")
    assert "doelgroepen" in an.text and "stap 1 van 8" in an.text
    await an.say("Buurtbewoners\nLokale handelaars")
    await an.press("Klaar")
    assert "Buurtbewoners (1 van 2)" in an.text and "prioriteit" in an.text
    await plan_group(an, "midden", "15/3/2027", "Sara")
    assert "Lokale handelaars (2 van 2)" in an.text
    await plan_group(an, "hoog", "eind juni", "Jan")
    summary = an.text
    assert "De communicatieplanning is bijgewerkt" in summary
    assert "Communicatieplan — Strategie 2030" in summary
    assert "2 doelgroepen, de hoogste prioriteit eerst." in summary
    # Highest priority first, whatever order the groups were typed in.
    assert summary.index("Lokale handelaars · prioriteit hoog") < summary.index(
        "Buurtbewoners · prioriteit midden"
    )
    assert "Boodschap: Lenen is slimmer dan kopen" in summary
    assert "Wanneer: maandag 15 maart 2027" in summary and "Verantwoordelijke: Sara" in summary

    plan = await items(store, an)
    assert plan["Buurtbewoners"]["when"] == "2027-03-15"
    source = engine.registry.deadlines["communication"]
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        stored = await tx.items.list(project_id, "communication", person_id)
    declared = {d.label: d for item in stored for d in source(item)}
    assert declared["Buurtbewoners: Flyer en filmpje"] == Deadline(
        "when", date(2027, 3, 15), "Buurtbewoners: Flyer en filmpje", owner="Sara"
    )
    assert declared["Lokale handelaars: Flyer en filmpje"].due == date(2027, 6, 30)


async def test_bad_input_is_explained_and_the_walk_goes_on(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/communication")
    await an.say("Scholen")
    await an.press("Klaar")
    await an.say("heel belangrijk")  # not one of the options
    assert "Dat is geen van de mogelijkheden" in an.text and "prioriteit" in an.text
    await an.press("hoog")
    await an.say("Leren herstellen is cool")
    await an.say("3 klassen doen mee")
    await an.say("Nieuwsbrief")
    await an.say("Lespakket")
    await an.say("gisteren")
    assert "ligt in het verleden" in an.text
    await an.say("de blauwe maandag")
    assert "Die datum begrijp ik niet" in an.text
    await an.say("1 oktober 2027")
    await an.say("Lotte")
    assert (await items(store, an))["Scholen"]["when"] == "2027-10-01"


async def test_english_summary_and_a_teammate_sees_the_plan(engine: Engine) -> None:
    an = Person(engine, "An", language="en")
    bram = Person(engine, "Bram", language="en")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await an.say("/communication")
    await an.say("Repair cafés")
    await an.press("Done")
    await plan_group(an, "low", "1/12/2027", "Tom")
    assert "Communication plan — Strategie 2030" in an.text
    assert "1 target group, highest priority first." in an.text
    assert "Repair cafés · low priority" in an.text
    assert "When: Wednesday 1 December 2027" in an.text
    await bram.say("/summary")
    assert "Communication plan — Strategie 2030" in bram.text
    assert "Responsible: Tom" in bram.text


async def test_an_outsider_sees_nothing_of_the_plan(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await an.say("/communicatieplan")
    await an.say("Buurtbewoners")
    await an.press("Klaar")
    await plan_group(an, "hoog", "15/3/2027", "Sara")
    await create_team(eve, team="Ander team", project="Elders")
    await eve.say("/overzicht")
    assert "Buurtbewoners" not in eve.text
    await eve.say("/communicatieplan")
    assert "Buurtbewoners" not in eve.text
    # Even with An's project forced on her, the repositories refuse her.
    _, project_id = await ids(store, an)
    eve_id, _ = await ids(store, eve)
    async with store.transaction() as tx:
        await tx.people.set_active_project(eve_id, project_id)
    await eve.say("/overzicht")
    assert "Buurtbewoners" not in eve.text


async def test_each_question_shows_the_answers_so_far_long_ones_shortened(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/communicatieplan")
    await an.say("Buurtbewoners")
    await an.press("Klaar")
    await an.press("hoog")
    await an.say("Waarom kopen als je het hier kan lenen? Kom langs en probeer het zelf.")
    assert "✓ Prioriteit: hoog · Boodschap: Waarom kopen als je het hier kan lenen?…" in an.text
    assert "bereiken" in an.text  # the question itself follows
