"""Transcript tests of the action domains and the coached SMART goals, on both databases."""

from __future__ import annotations

from flows.engine import Engine
from flows.i18n import Translator
from flows.tools.domains import NAMES
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code, plain, rate


async def goals(store: Store, person: Person) -> list[dict[str, object]]:
    """The stored goals of the person's project."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        return [item.data for item in await tx.items.list(project_id, "goal", person_id)]


def test_the_domain_names_match_their_translations() -> None:
    translator = Translator()
    for domain, (nl, en) in NAMES.items():
        assert translator.plain("nl", f"dom-{domain}") == nl
        assert translator.plain("en", f"dom-{domain}") == en


async def test_team_picks_guide_domains_with_subdomains_and_its_own(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/domeinen")
    await an.press("Gebouwde omgeving")
    await an.say("Circulaire evenementen")
    assert "1 toegevoegd" in an.text
    await an.press("Klaar")
    assert "Gebouwde omgeving (1 van 2)" in an.text and "deeldomeinen" in an.text
    await an.press("Hergebruik van materialen")
    await an.press("Publieke infrastructuur")
    await an.press("Klaar")
    assert "Circulaire evenementen (2 van 2)" in an.text and "eigen domein" in an.text
    await an.say("Afvalarme stadsfeesten")
    summary = next(plain(r.html) for r in an.replies if "Actiedomeinen — " in plain(r.html))
    assert "Gebouwde omgeving: Hergebruik van materialen, Publieke infrastructuur" in summary
    assert "Circulaire evenementen: Afvalarme stadsfeesten" in summary
    assert "gekozen door An" in summary


async def test_the_guides_example_is_saved_without_coaching(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/domeinen")
    await an.press("Gebouwde omgeving")
    await an.press("Klaar")
    await an.press("Hergebruik van materialen")
    await an.press("Klaar")
    await an.say("/doel")
    await an.press("Gebouwde omgeving")  # the team's domains are offered
    await an.say(
        "Vanaf 2025 past de gemeente zelf circulaire principes toe in al haar nieuwbouwprojecten"
    )
    assert "Doel bewaard voor Gebouwde omgeving" in an.text
    assert "S ✓ · M ✓ · A ✓ · R ✓ · T ✓" in an.text
    assert "gemarkeerd" not in an.text and "herschrijven" not in an.text
    [goal] = await goals(store, an)
    assert goal["missing"] == [] and goal["due"] == "2025-01-01"


async def test_coaching_asks_per_missing_element_and_offers_a_rewrite(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel Gent")
    await an.press("Klaar")
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    await an.say("/doel")
    await an.say("Consumentengoederen en afval")  # typed: the team has no domains yet
    await an.say("Minder restafval bij evenementen")
    assert "getal, percentage of indicator" in an.text
    await an.say("30% minder restafval")
    assert "Wie draagt" in an.text
    await an.press("Kringwinkel Gent")  # offered from the stakeholder map
    assert "middelen" in an.text
    await an.say("herbruikbare bekers")
    assert "Tegen wanneer wil je dit bereikt hebben?" in an.text
    await an.say("ergens")
    assert "Daar herken ik geen moment in" in an.text, "a vague answer is refused kindly"
    await an.say("tegen eind 2027")
    assert "S ✓ · M ✓ · A ✓ · R ✓ · T ✓" in an.text
    assert (
        "Minder restafval bij evenementen, 30% minder restafval, tegen eind 2027, "
        "gedragen door Kringwinkel Gent, met herbruikbare bekers." in an.text
    )
    await an.press("Ja, herschrijf")
    assert "Herschreven" in an.text
    [goal] = await goals(store, an)
    assert str(goal["statement"]).startswith("Minder restafval bij evenementen, 30%")
    assert goal["smart_acceptable"] == "Kringwinkel Gent"
    await an.event(button="t:goal:rewrite:" + str((await _goal_ids(store, an))[0]))
    assert "al afgehandeld" in an.text, "a second press changes nothing"


async def _goal_ids(store: Store, person: Person) -> list[int]:
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        return [item.id for item in await tx.items.list(project_id, "goal", person_id)]


async def test_a_goal_missing_elements_is_saved_with_a_reason_and_marked(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/doel")
    await an.say("Bio-economie en voeding")
    await an.say("Voedselverlies in woonzorgcentra halveren")
    assert "Wie draagt" in an.text
    await an.press("Overslaan")
    await an.press("Overslaan")  # realistic
    await an.press("Overslaan")  # time-bound
    assert "waarom" in an.text
    await an.say("Het budget wordt pas in het najaar beslist")
    assert "niet volledig SMART" in an.text and "najaar" in an.text
    assert "S ✓ · M ✓ · A ✗ · R ✗ · T ✗" in an.text
    [goal] = await goals(store, an)
    assert goal["missing"] == ["acceptable", "realistic", "time_bound"]
    await an.press("Overzicht")
    assert "⚠ niet volledig SMART (Het budget wordt pas in het najaar beslist)" in an.text


async def test_goals_are_shared_in_the_team_and_in_english(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram", language="en")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await bram.say("/goal")
    await bram.say("Built environment")
    await bram.say(
        "By 2030 the municipality halves food waste in all school canteens through a "
        "training programme for kitchen staff"
    )
    assert "Goal saved for Built environment" in bram.text
    await an.event(button="m:summary:goal")
    assert "halves food waste" in an.text and "door Bram" in an.text


async def test_outsiders_cannot_rewrite_a_teams_goal(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await an.say("/doel")
    await an.say("Andere domeinen")
    await an.say("Minder afval")
    for _ in range(5):
        await an.press("Overslaan")
    await an.say("We beginnen klein")
    [goal_id] = await _goal_ids(store, an)
    await create_team(eve, team="Elders")
    await eve.event(button=f"t:goal:rewrite:{goal_id}")
    assert "niet" in eve.text.lower() or "verlopen" in eve.text
    [goal] = await goals(store, an)
    assert goal["statement"] == "Minder afval"


async def test_editing_a_domain_shows_only_its_own_subdomains(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/domeinen")
    await an.press("Gebouwde omgeving")
    await an.press("Klaar")
    await an.press("Hergebruik van materialen")
    await an.press("Klaar")
    await an.say("/wijzig")
    await an.press("Gebouwde")
    assert "1. Naam: Gebouwde omgeving\n2. Deeldomeinen: Hergebruik van materialen\n" in an.text
    assert "3." not in an.text and "Focus" not in an.text
    await an.say("2")
    assert "deeldomeinen" in an.text


async def test_a_goals_target_date_is_a_deadline_but_a_start_is_not(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/doel")
    await an.say("Gebouwde omgeving")
    await an.say(
        "Vanaf 2025 past de gemeente zelf circulaire principes toe in al haar nieuwbouwprojecten"
    )
    await an.say("/doel")
    await an.say("Gebouwde omgeving")
    await an.say("De gemeente hergebruikt zelf 50% van de bouwmaterialen uit eigen werven")
    await an.say("tegen eind 2027")  # the answer to "by when?"
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        first, second = await tx.items.list(project_id, "goal", person_id)
    declared = engine.registry.deadlines["goal"]
    assert declared(first) == []
    [deadline] = declared(second)
    assert deadline.due.isoformat() == "2027-12-31" and deadline.label.startswith("De gemeente")


async def test_a_goal_naming_a_stakeholder_of_the_map_is_not_asked_who_carries_it(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("IVAGO")
    await an.press("Klaar")
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    await an.say("/doel")
    await an.say("Consumentengoederen en afval")
    await an.say("Tegen 2028 haalt IVAGO 40% meer textiel op via 20 nieuwe containers")
    assert "Wie draagt" not in an.text
    assert "S ✓ · M ✓ · A ✓ · R ✓ · T ✓" in an.text
    [goal] = await goals(store, an)
    assert "_stakeholders" not in goal
