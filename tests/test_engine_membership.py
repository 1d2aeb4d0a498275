"""Only members reach a team's data through the engine: outsiders and removed members do not."""

from __future__ import annotations

from flows.engine import Engine
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code, stakeholders


def step_value(person: Person, label: str) -> str:
    """The value behind a button under the person's latest replies."""
    value = person.button(label).value
    assert value is not None
    return value


def conversation_id(person: Person) -> str:
    """The conversation id inside the step buttons under the latest replies."""
    value = next(c.value for c in person.buttons() if c.value and c.value.startswith("s:"))
    return value.split(":")[1]


async def an_at_power(an: Person) -> None:
    """An creates a team, lists Kringwinkel and IVAGO and reaches the power question."""
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel\nIVAGO")
    await an.press("Klaar")
    await an.press("Extern")
    assert "stap 3 van 6" in an.text


NOT_IN_TEAM = "Je zit nog niet in een team."


async def test_without_a_team_the_tools_say_you_are_not_in_a_team(engine: Engine) -> None:
    eve = Person(engine, "Eve")
    for typed in ("/stakeholders", "/overzicht", "/wijzig", "/uitnodigen", "Kringwinkel"):
        await eve.say(typed)
        assert NOT_IN_TEAM in eve.text, (typed, eve.text)
    assert "Nieuw team" in " ".join(c.label for c in eve.buttons())


async def test_an_outsider_pressing_a_copied_step_button_gets_expired(
    engine: Engine, store: Store
) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await an_at_power(an)
    copied = step_value(an, "hoog")
    await eve.event(button=copied)
    assert "Deze knop is verlopen" in eve.text
    assert "power" not in (await stakeholders(store, an))["Kringwinkel"].data
    # Even standing at the very same question of her own team's map.
    await create_team(eve, "Eeklo Circulair", "Pilootproject")
    await eve.say("/stakeholders")
    await eve.say("Repair Café")
    await eve.press("Klaar")
    await eve.press("Intern")
    assert "stap 3 van 6" in eve.text
    await eve.event(button=copied)
    assert "Deze knop is verlopen" in eve.text
    assert "power" not in (await stakeholders(store, an))["Kringwinkel"].data
    assert "power" not in (await stakeholders(store, eve))["Repair Café"].data
    # An's own button still works for An.
    await an.event(button=copied)
    assert "stap 4 van 6" in an.text


async def test_an_outsider_pressing_copied_menu_buttons_learns_nothing(
    engine: Engine, store: Store
) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await an_at_power(an)
    an_conversation = conversation_id(an)
    an_id, an_project = await ids(store, an)
    await an.say("stop")
    expired = "Deze knop is verlopen"
    for value, expected in (
        (f"m:resume:{an_conversation}", expired),
        (f"m:project:{an_project}", expired),
        (f"m:remove:{an_id}", expired),
        (f"m:handover:{an_id}", expired),
        ("m:edit:stakeholders", NOT_IN_TEAM),
        ("m:invite:", NOT_IN_TEAM),
        ("m:members:", NOT_IN_TEAM),
        ("m:summary:stakeholders", "Er is nog niets ingevuld"),
    ):
        await eve.event(button=value)
        assert expected in eve.text, (value, eve.text)
        assert "Kringwinkel" not in eve.text and "Gent Circulair" not in eve.text
    await eve.say("/overzicht")
    assert NOT_IN_TEAM in eve.text
    # Nothing of An's changed: her paused map still resumes where she was.
    await an.say("/stakeholders")
    await an.press("Verder")
    assert "stap 3 van 6" in an.text and "Kringwinkel (1 van 2)" in an.text


async def test_an_outsider_cannot_pick_another_teams_item_in_the_editor(
    engine: Engine, store: Store
) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await an_at_power(an)
    kringwinkel = (await stakeholders(store, an))["Kringwinkel"]
    await create_team(eve, "Eeklo Circulair", "Pilootproject")
    await eve.say("/stakeholders")
    await eve.say("Repair Café")
    await eve.say("stop")
    await eve.say("/wijzig")
    assert "1. Repair Café" in eve.text
    await eve.event(button=f"s:{conversation_id(eve)}:_pick_item:0:pick:{kringwinkel.id}")
    assert "Kringwinkel" not in eve.text and "Extern" not in eve.text
    assert "Dat mag je niet doen" in eve.text or "Deze knop is verlopen" in eve.text
    await eve.say(str(kringwinkel.id))  # typing its id as a number picks nothing of An's
    assert "Kringwinkel" not in eve.text
    await eve.say("/wijzig")
    await eve.press("Repair Café")
    assert "Repair Café — laatst gewijzigd door Eve" in eve.text


async def test_a_removed_member_can_no_longer_read_or_change_the_map(
    engine: Engine, store: Store
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await an_at_power(an)
    await an.press("hoog")
    token = await invite_code(an)
    await bram.say(f"/start {token}")
    await bram.say("/overzicht")
    assert "Kringwinkel" in bram.text  # as a member Bram sees the map
    await bram.say("/stakeholders")
    await bram.press("Klaar")
    assert "Kringwinkel (1 van 2)" in bram.text
    await bram.press("Extern")
    assert "stap 3 van 6" in bram.text
    stale = step_value(bram, "laag")
    await an.say("/team")
    await an.press("Leden")
    await an.press("Verwijder Bram")
    assert "Het lid is uit het team verwijderd." in an.text
    await bram.say("/overzicht")
    assert NOT_IN_TEAM in bram.text
    assert "Kringwinkel" not in bram.text and "IVAGO" not in bram.text
    await bram.event(button=stale)
    assert "Dat mag je niet doen" in bram.text or "Deze knop is verlopen" in bram.text
    await bram.say("midden")
    assert "Kringwinkel" not in bram.text
    for typed in ("/stakeholders", "/wijzig"):
        await bram.say(typed)
        assert NOT_IN_TEAM in bram.text, (typed, bram.text)
    await bram.event(button="m:summary:stakeholders")
    assert "Kringwinkel" not in bram.text
    kept = (await stakeholders(store, an))["Kringwinkel"].data
    assert kept["power"] == "high" and "interest" not in kept


async def test_a_member_who_left_no_longer_sees_the_map(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await an_at_power(an)
    token = await invite_code(an)
    await bram.say(f"/start {token}")
    await bram.say("/wijzig")
    assert "1. Kringwinkel" in bram.text
    await bram.say("/verlaten")
    await bram.press("Ja, verlaat het team")
    assert "Je hebt het team verlaten." in bram.text
    await bram.say("/overzicht")
    assert NOT_IN_TEAM in bram.text and "Kringwinkel" not in bram.text
    await bram.say("/wijzig")
    assert NOT_IN_TEAM in bram.text and "Kringwinkel" not in bram.text
