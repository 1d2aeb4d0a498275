"""Transcript tests of the legacy canvas (Tool 15), through the engine, on SQLite and PostgreSQL."""

from __future__ import annotations

from flows.engine import Engine
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code


async def fill_canvas(an: Person, *, start: bool = True) -> None:
    """Walk the whole canvas, skipping scaling down."""
    if start:
        await an.say("/legacy")
    await an.say("Circulaire productie is de norm in het Waasland.")
    await an.say("Te weinig vrijwilligers\nGeen vaste locatie na 2026")
    await an.say("Materialenbank openstellen voor burgers\n- Buurgemeenten aansluiten")
    await an.say("Opleiding hergebruik bouwmaterialen")
    await an.say("Draaiboek delen met andere regio's")
    await an.press("Overslaan")


async def canvas_data(engine: Engine, person: Person) -> tuple[int, dict[str, object]]:
    """The stored canvas of the person's project: its id and answers."""
    person_id, project_id = await ids(engine.store, person)
    async with engine.store.transaction() as tx:
        items = await tx.items.list(project_id, "legacy", person_id)
    assert len(items) == 1, items
    return items[0].id, items[0].data


async def test_the_canvas_is_walked_and_shown_as_text_and_picture(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an, project="Materialenbank")
    await an.say("/legacy")
    # The first question explains what a legacy is; the tip gives the guide's example.
    assert "langer meegaat dan jullie project" in an.text and "stap 1 van 6" in an.text
    await an.press("Tip")
    assert "Circulaire productie is de norm." in an.text
    await fill_canvas(an, start=False)
    assert "legacy canvas is bewaard" in an.text
    assert "Legacy canvas — Materialenbank" in an.text
    summary = an.text
    # One action per line, bullets typed by the team don't double up.
    assert "• Buurgemeenten aansluiten" in summary and "- Buurgemeenten" not in summary
    assert (
        summary.index("Scaling up") < summary.index("Scaling deep") < summary.index("Scaling down")
    )
    assert "Laatst bijgewerkt door An" in summary
    image = next(r.image for r in an.replies if r.image is not None)
    assert image.data.startswith(b"\x89PNG") and image.filename == "legacy-canvas.png"
    _, data = await canvas_data(engine, an)
    assert data["statement"] == "Circulaire productie is de norm in het Waasland."
    assert data.get("down") is None


async def test_each_strategy_explains_itself_with_the_guides_example(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/legacy")
    await an.say("Circulair bouwen is de norm")
    await an.say("Geen budget")
    assert "Scaling up" in an.text
    await an.press("Tip")
    assert "materialenbank uitbreiden naar de buurgemeenten" in an.text
    await an.say("klaar")  # not a list: the step is still asked
    await an.say("Nieuwe doelgroep: scholen")
    await an.press("Tip")
    assert "opleiding" in an.text and "teambuildings" in an.text
    await an.say("overslaan")
    await an.press("Tip")
    assert "regio's die nog aan het begin staan" in an.text
    await an.say("overslaan")
    await an.press("Tip")
    assert "tweedehandsmarkt" in an.text


async def test_one_part_can_be_changed_and_the_history_is_kept(engine: Engine) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await fill_canvas(an)
    await bram.say("/overzicht")
    assert "Legacy canvas — Strategie 2030" in bram.text
    assert any(r.image is not None for r in bram.replies)
    await an.press("Een deel aanpassen")
    await an.press("Scaling down")
    assert "Scaling down" in an.text and "stap 6 van 6" in an.text
    await an.say("Geen losse stenen meer aannemen")
    assert "• Geen losse stenen meer aannemen" in an.text
    item_id, data = await canvas_data(engine, an)
    assert data["statement"] == "Circulaire productie is de norm in het Waasland."  # untouched
    person_id, _ = await ids(engine.store, an)
    async with engine.store.transaction() as tx:
        history = await tx.items.history(item_id, person_id)
    downs = [c for c in history if c.field == "down"]
    assert [(c.old, c.new, c.changed_by_name) for c in downs] == [
        (None, "Geen losse stenen meer aannemen", "An")
    ]


async def test_bad_input_is_refused_and_nothing_is_lost(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/legacy")
    await an.say("x" * 301)
    assert "stap 1 van 6" in an.text  # asked again
    await an.say("Hergebruik is de norm")
    assert "Overslaan" not in [c.label for c in an.buttons()]
    await an.say("overslaan")  # the constraints are not optional
    assert "stap 2 van 6" in an.text and "overslaan" in an.text.lower()
    await an.say("/legacy")
    assert "stap 2 van 6" in an.text  # where was I


async def test_english_summary(engine: Engine) -> None:
    an = Person(engine, "An", language="en")
    await create_team(an)
    await an.say("/legacycanvas")
    assert "outlives your project" in an.text
    await an.say("Repair is the norm")
    await an.say("No budget")
    for _ in range(4):
        await an.press("Skip")
    assert "Your legacy canvas is saved" in an.text
    assert "Constraints" in an.text and "not filled in yet" in an.text


async def test_an_outsider_can_neither_read_nor_change_the_canvas(
    engine: Engine, store: Store
) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await fill_canvas(an)
    part = an.button("Een deel aanpassen").value
    assert part is not None
    await create_team(eve, team="Ander team", project="Elders")
    await eve.event(button="t:legacy:part:statement")
    assert "Er is nog geen legacy canvas" in eve.text  # her own project has none
    await eve.say("/overzicht")
    assert "Circulaire productie" not in eve.text
    # Eve in An's project (as if she had guessed its id) is refused by the repositories.
    _, project_id = await ids(store, an)
    eve_id, _ = await ids(store, eve)
    async with store.transaction() as tx:
        await tx.people.set_active_project(eve_id, project_id)
    await eve.event(button="t:legacy:parts:")
    assert "Circulaire productie" not in eve.text
    assert "Scaling" not in eve.text


async def test_a_new_walk_keeps_what_is_skipped_and_a_part_edit_can_clear(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await fill_canvas(an)
    await an.say("/legacy")
    await an.say("Hergebruik is de norm")
    await an.say("Geen budget")
    for _ in range(4):
        await an.say("overslaan")
    _, data = await canvas_data(engine, an)
    assert data["statement"] == "Hergebruik is de norm"
    assert data["deep"] == "Opleiding hergebruik bouwmaterialen"  # skipped, so kept
    await an.press("Een deel aanpassen")
    await an.press("Scaling deep")
    await an.say("overslaan")
    _, data = await canvas_data(engine, an)
    assert data["deep"] is None  # skipping the one part asked clears it
    assert data["out"] == "Draaiboek delen met andere regio's"


async def test_a_double_tap_on_the_last_skip_saves_one_canvas(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/legacy")
    for answer in ("Hergebruik is de norm", "Geen budget", "Scholen", "Les", "Draaiboek"):
        await an.say(answer)
    skip = an.button("Overslaan").value
    await an.event(button=skip)
    assert "legacy canvas is bewaard" in an.text
    await an.event(button=skip)
    assert "verlopen" in an.text and "bewaard" not in an.text
    item_id, _ = await canvas_data(engine, an)  # exactly one canvas
    person_id, _ = await ids(engine.store, an)
    async with engine.store.transaction() as tx:
        history = await tx.items.history(item_id, person_id)
    assert sorted(c.field for c in history) == ["constraints", "deep", "out", "statement", "up"]
