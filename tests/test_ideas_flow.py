"""Transcript tests of goal → action lines → actions by brainwriting, on both databases."""

from __future__ import annotations

from flows.engine import Engine
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code, plain

EXAMPLE_GOAL = (
    "Vanaf 2025 past de gemeente zelf circulaire principes toe in al haar nieuwbouwprojecten"
)
EXAMPLE_LINE = (
    "Inbedden van circulaire principes bij de opmaak van aanbestedingen en bijhorende "
    "gunningscriteria"
)


async def add_goal(person: Person, statement: str = EXAMPLE_GOAL) -> None:
    """Write a complete SMART goal in the domain 'Gebouwde omgeving'."""
    await person.say("/doel")
    await person.say("Gebouwde omgeving")
    await person.say(statement)
    assert "Doel bewaard" in person.text, person.text


async def actions(store: Store, person: Person) -> list[dict[str, object]]:
    """The stored actions of the person's project."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        return [item.data for item in await tx.items.list(project_id, "action", person_id)]


async def test_the_guides_worked_example_as_a_tree(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await add_goal(an)
    await an.press("Acties bedenken")  # straight from the saved goal
    assert "Doel: " + EXAMPLE_GOAL in an.text and "Typ een eerste actielijn" in an.text
    await an.say(EXAMPLE_LINE)
    assert "Hoe kunnen we ervoor zorgen dat dit lukt: Inbedden van" in an.text
    await an.say(
        "- Voorzien van opleiding circulair aanbesteden\n"
        "- Uitwerken van een sloopbeleid waarin sloopinventaris essentieel is"
    )
    assert "2 toegevoegd" in an.text
    text = an.text
    assert text.index("🎯 " + EXAMPLE_GOAL) < text.index("↳ " + EXAMPLE_LINE)
    assert text.index("↳ " + EXAMPLE_LINE) < text.index("• Voorzien van opleiding")
    stored = await actions(store, an)
    assert [a["line"] for a in stored] == [EXAMPLE_LINE, EXAMPLE_LINE]
    assert all(a["status"] == "idea" for a in stored)


async def test_members_build_on_each_others_ideas(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await add_goal(an)
    await an.press("Acties bedenken")
    await an.say(EXAMPLE_LINE)
    await an.say("Voorzien van opleiding circulair aanbesteden")
    await bram.say("/acties")
    await bram.press("Vanaf 2025 past de gemeente")  # the goal, shortened on its button
    assert "Tik een actielijn van je team aan" in bram.text
    await bram.press("Inbedden van circulaire")
    assert "Al bedacht door je team:" in bram.text
    assert "• Voorzien van opleiding circulair aanbesteden (An)" in bram.text
    await bram.say("voorzien van opleiding circulair aanbesteden\nMaterialenpaspoort in elk bestek")
    assert "Stond al op de lijst: voorzien van opleiding circulair aanbesteden (An)" in bram.text
    assert "1 toegevoegd: Materialenpaspoort in elk bestek" in bram.text
    await bram.press("Overzicht")
    summary = plain(bram.replies[0].html)
    assert "Actieplan — Strategie 2030" in summary
    assert "Materialenpaspoort in elk bestek (Bram)" in summary
    assert len(await actions(store, an)) == 2


async def test_bad_answers_are_refused_kindly_and_lose_nothing(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/acties")
    await an.say("Een doel dat niet bestaat")
    assert "nog geen doelen" in an.text
    await an.say("stop")
    await add_goal(an)
    await an.say("/acties")
    await an.press("Verder")  # the paused walk resumes at the goal question
    await an.say("Een doel dat niet bestaat")
    assert "Dat doel ken ik niet" in an.text
    await an.press("Vanaf 2025")
    await an.say("Opleiding")
    await an.say("x" * 250)
    assert "langer dan 200 tekens" in an.text
    await an.say("Een korte opleiding")
    assert "1 toegevoegd" in an.text


async def test_a_redelivered_idea_is_added_once(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await add_goal(an)
    await an.press("Acties bedenken")
    await an.say("Opleiding")
    await an.say("Een korte opleiding", key="update-77")
    await an.say("Een korte opleiding", key="update-77")
    assert len(await actions(store, an)) == 1


async def test_outsiders_cannot_open_a_teams_goal(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await add_goal(an)
    button = an.button("Acties bedenken").value
    await create_team(eve, team="Elders")
    await eve.event(button=button)
    assert "Doel:" not in eve.text and EXAMPLE_GOAL not in eve.text


async def test_a_rewritten_goal_renames_its_tree(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/doel")
    await an.say("Gebouwde omgeving")
    await an.say("De gemeente hergebruikt zelf 50% van de bouwmaterialen uit eigen werven")
    await an.say("tegen 2028")
    rewrite = an.button("Ja, herschrijf").value
    await an.press("Acties bedenken")
    await an.say("Materialenbank")
    await an.say("Een materialenbank opzetten")
    await an.event(button=rewrite)
    await an.event(button="m:summary:ideas")
    assert (
        "🎯 De gemeente hergebruikt zelf 50% van de bouwmaterialen uit eigen werven, tegen 2028."
        in an.text
    )


async def test_a_teammate_reformulates_a_goal_and_its_tree_follows(
    engine: Engine, store: Store
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await an.say("/doel")
    await an.say("Gebouwde omgeving")
    await an.say("Minder bouwafval")
    for _ in range(4):
        await an.press("Overslaan")
    await an.say("tegen 2030")
    await an.say("Eerst de nulmeting")
    edit = an.button("Doel herformuleren").value
    await an.press("Acties bedenken")
    await an.say("Hergebruik")
    await an.say("Materialenbank")
    await bram.event(button=edit)
    assert "Nu luidt het: Minder bouwafval" in bram.text and "Schrijf je doel" in bram.text
    await bram.say(EXAMPLE_GOAL)
    assert "S ✓ · M ✓ · A ✓ · R ✓ · T ✓" in bram.text
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        [goal] = await tx.items.list(project_id, "goal", person_id)
        [action] = await tx.items.list(project_id, "action", person_id)
        changes = {c.field: c for c in await tx.items.history(goal.id, person_id)}
    assert goal.data["statement"] == EXAMPLE_GOAL and goal.data["missing"] == []
    assert goal.data["reason"] is None and goal.data["smart_time_bound"] is None
    assert changes["statement"].changed_by_name == "Bram"
    assert action.data["goal_text"] == EXAMPLE_GOAL
