"""Tool 6: scoring impact and effort together, the matrix and the advice on the mix."""

from __future__ import annotations

import pytest

from flows.engine import Engine
from flows.matrix_chart import MatrixPoint, MatrixText, matrix_png, quadrant
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code
from tests.test_ideas_flow import add_goal


@pytest.mark.parametrize(
    ("impact", "effort", "expected"),
    [
        (5, 1, "quick_win"),
        (4, 5, "big_bet"),
        (2, 2, "fill_in"),
        (1, 5, "time_sink"),
        (3, 3, "fill_in"),  # the middle counts as low
        (3.5, 3.5, "big_bet"),
    ],
)
def test_quadrants(impact: float, effort: float, expected: str) -> None:
    assert quadrant(impact, effort) == expected


def test_the_matrix_is_a_png_even_with_many_long_names() -> None:
    text = MatrixText("Impact — Gent", "Impact", "Inspanning", {
        "quick_win": "Quick wins", "big_bet": "Grote projecten",
        "fill_in": "Kleine verbeteringen", "time_sink": "Tijdvreters",
    }, "meer")  # fmt: skip
    points = [MatrixPoint(f"Actie {n} met een heel lange naam " * 3, 3, 3) for n in range(40)]
    assert matrix_png(points, text).startswith(b"\x89PNG")
    assert matrix_png([MatrixPoint("$x$ <b>", 5, 1)], text).startswith(b"\x89PNG")


async def ideas(person: Person, *names: str) -> None:
    """Add actions to the person's first goal."""
    await person.say("/acties")
    await person.press("Vanaf 2025")
    await person.say("Aanbesteden")
    await person.say("\n".join(names))
    assert "toegevoegd" in person.text


async def score(person: Person, *pairs: tuple[int, int]) -> None:
    """Score the actions in order: (impact, effort) each."""
    await person.say("/impact")
    for impact, effort in pairs:
        assert "Hoeveel impact" in person.text, person.text
        await person.press(str(impact))
        assert "Hoeveel inspanning" in person.text, person.text
        await person.press(str(effort))


async def test_two_members_score_and_see_the_combined_matrix(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await add_goal(an)
    await ideas(an, "Opleiding circulair aanbesteden", "Sloopbeleid", "Materialenbank")
    await score(an, (5, 1), (4, 4), (2, 1))
    assert "alle acties gescoord" in an.text
    await score(bram, (5, 2), (5, 5), (2, 2))
    text = bram.text
    assert (
        "Quick wins (veel impact, weinig inspanning): 1\n• Opleiding circulair aanbesteden" in text
    )
    assert "Grote projecten (veel impact, veel inspanning): 1\n• Sloopbeleid" in text
    assert "Kleine verbeteringen (weinig impact, weinig inspanning): 1\n• Materialenbank" in text
    assert "Mooie mix: 1 grote projecten en 2 kleine verbeteringen" in text
    assert any(r.image is not None and r.image.data.startswith(b"\x89PNG") for r in bram.replies)
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        [first, *_] = await tx.items.list(project_id, "action", person_id)
        history = await tx.items.history(first.id, person_id)
    assert sorted(change.changed_by_name for change in history) == ["An", "An", "Bram", "Bram"]


async def test_the_bot_points_out_a_plan_without_large_projects(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await add_goal(an)
    await ideas(an, "Affiche", "Nieuwsbrief")
    await score(an, (4, 1), (2, 2))
    assert "nog geen groot project" in an.text


async def test_a_double_tap_and_an_outsider_change_nothing(engine: Engine, store: Store) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await add_goal(an)
    await ideas(an, "Affiche")
    await an.say("/impact")
    five = an.button("5").value
    await an.press("5")
    await an.event(button=five)
    assert "Hoeveel inspanning" in an.text
    await create_team(eve, team="Elders")
    await eve.event(button=five.replace(":5", ":1"))
    assert "inspanning" not in eve.text
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        [action] = await tx.items.list(project_id, "action", person_id)
        history = await tx.items.history(action.id, person_id)
    assert [c.new for c in history] == [5]


async def test_without_actions_the_bot_says_what_to_do_first(engine: Engine) -> None:
    an = Person(engine, "An", language="en")
    await create_team(an)
    await an.say("/impact")
    assert "/actions" in an.text


async def test_a_member_can_score_everything_again(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await add_goal(an)
    await ideas(an, "Affiche", "Nieuwsbrief")
    await score(an, (4, 1), (2, 2))
    await an.say("/impact opnieuw")
    assert "Actie 1 van 2" in an.text and "✓ 4" in [b.label for b in an.buttons()]
    await an.press("5")
    await an.press("✓ 1")  # the same effort again
    assert "Actie 2 van 2" in an.text
    await an.press("✓ 2")
    await an.press("5")
    assert "Tijdvreters (weinig impact, veel inspanning): 1\n• Nieuwsbrief" in an.text
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        first, second = await tx.items.list(project_id, "action", person_id)
    assert first.data[f"impact.{person_id}"] == 5 and second.data[f"effort.{person_id}"] == 5
