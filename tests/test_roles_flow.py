"""Transcript tests of the roles of the local government, through the engine, on both databases."""

from __future__ import annotations

from flows.engine import Engine
from storage.db import Store
from tests.chat import Clock, Person, create_team, ids, invite_code


async def take(person: Person, role: str, meaning: str) -> None:
    """Record one role with what it means."""
    await person.say("/rollen")
    await person.press(role)
    await person.say(meaning)


async def roles(store: Store, person: Person) -> dict[str, dict[str, object]]:
    """Every role recorded in the person's project, by its value."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        items = await tx.items.list(project_id, "role", person_id)
    return {str(i.data["role"]): i.data for i in items}


async def test_roles_are_chosen_from_the_twelve_with_what_they_mean(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/rollen")
    labels = [c.label for c in an.buttons()]
    assert labels[:12] == [
        "Initiatiefnemer",
        "Trekker",
        "Waarnemer",
        "Uitvoerder",
        "Draagvlakcreëerder",
        "Raadgever",
        "Inspirator",
        "Woordvoerder",
        "Kennisdeler",
        "Fondsenwerver",
        "Verschaffer van middelen",
        "Matchmaker",
    ]
    await an.press("Tip")
    assert "bouwt bruggen en bemiddelt" in an.text
    await an.say("Matchmaker")  # typing a role's name works as well as tapping it
    await an.say("We brengen de Kringwinkel en de bouwbedrijven samen.")
    assert "De rol Matchmaker is vastgelegd" in an.text
    await take(an, "Verschaffer van middelen", "We stellen de loods ter beschikking.")
    summary = an.text
    assert "Rollen van het lokaal bestuur — Strategie 2030" in summary
    # The guide's order, not the order of choosing.
    assert summary.index("Verschaffer van middelen") < summary.index("Matchmaker —")
    assert "Matchmaker — We brengen de Kringwinkel en de bouwbedrijven samen." in summary
    assert set(await roles(store, an)) == {"matchmaker", "provider"}


async def test_revisiting_a_role_keeps_its_history(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await take(an, "Trekker", "We coördineren de opstart.")
    await take(bram, "Trekker", "De intercommunale neemt het over; wij volgen op.")
    assert "De rol Trekker is bijgewerkt. Eerder stond er: We coördineren de opstart." in bram.text
    assert len(await roles(store, an)) == 1  # the same role, not a second one
    await bram.press("Rol loslaten")
    await bram.press("Trekker")
    assert "De rol Trekker is losgelaten" in bram.text
    assert "Er zijn nog geen rollen gekozen" in bram.text
    await take(an, "Waarnemer", "We volgen op via de stuurgroep.")
    await an.press("Geschiedenis")
    history = an.text
    assert history.index("We coördineren de opstart.") < history.index("De intercommunale")
    assert "Bram: (losgelaten)" in history
    assert "Waarnemer" in history


async def test_a_double_tap_on_let_go_counts_once_and_bad_input_is_refused(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/rollen")
    await an.say("burgemeester")  # not one of the roles
    assert "Dat is geen van de mogelijkheden" in an.text
    await an.say("trekker")  # a role's name typed works too
    await an.say("")
    assert "leeg antwoord" in an.text
    await an.say("We coördineren.")
    await an.press("Rol loslaten")
    drop = an.button("Trekker").value
    await an.event(button=drop)
    await an.event(button=drop)
    assert "verlopen" in an.text
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        item = (await tx.items.list(project_id, "role", person_id))[0]
        changes = [c for c in await tx.items.history(item.id, person_id) if c.field == "active"]
    assert [c.new for c in changes] == [False]


async def test_english_and_an_outsider_cannot_touch_the_roles(engine: Engine, store: Store) -> None:
    an = Person(engine, "An", language="en")
    eve = Person(engine, "Eve")
    await create_team(an)
    await an.say("/roles")
    await an.press("Fundraiser")
    await an.say("We apply for Flemish circular subsidies.")
    assert "The role Fundraiser is recorded" in an.text
    assert "Roles of the local government — Strategie 2030" in an.text
    await an.press("Let go of a role")
    drop = an.button("Fundraiser").value
    await create_team(eve, team="Ander team", project="Elders")
    await eve.event(button=drop)
    assert "Fundraiser" not in eve.text and "Fondsenwerver" not in eve.text
    await eve.event(button="t:roles:history:")
    assert "subsidies" not in eve.text
    assert (await roles(store, an))["fundraiser"].get("active", True) is True


async def test_the_summary_says_who_chose_and_who_changed_a_role(
    engine: Engine, clock: Clock
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await take(an, "Inspirator", "We tonen voorbeelden uit Gent.")
    assert "gekozen door An op zondag 22 november 2026" in an.text
    assert "aangepast" not in an.text
    clock.advance(days=2)
    await take(bram, "Inspirator", "We organiseren een bezoek aan De Kringwinkel.")
    assert (
        "gekozen door An op zondag 22 november 2026 · aangepast door Bram op dinsdag" in bram.text
    )
