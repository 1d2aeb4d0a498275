"""Tool 6: scoring impact and effort together, the matrix and the advice on the mix."""

from __future__ import annotations

import itertools
import math
import re
import struct

import pytest

from flows.engine import Engine
from flows.matrix_chart import (
    DOT_COLOUR,
    LEGEND_LINES,
    QUADRANT_COLOURS,
    SPREAD,
    MatrixPoint,
    MatrixText,
    matrix_png,
    matrix_scene,
    quadrant,
)
from flows.picture import Box, Scene, Shape, Text
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


TEXT = MatrixText("Impact — Gent", "Impact", "Inspanning", {
    "quick_win": "Quick wins", "big_bet": "Grote projecten",
    "fill_in": "Kleine verbeteringen", "time_sink": "Tijdvreters",
}, "meer")  # fmt: skip
LONG = [MatrixPoint(f"Actie {n} met een heel lange naam " * 3, 3, 3) for n in range(40)]
# Every score from 1 to 5 in halves, several actions on the same spot, some on the middle.
MIXED = [
    MatrixPoint(f"Actie {n}", impact, effort)
    for n, (impact, effort) in enumerate(
        [(i / 2, e / 2) for i in range(2, 11, 3) for e in range(2, 11, 2)]
        + [(4.5, 1.5)] * 6 + [(1.0, 5.0)] * 3 + [(3.0, 3.0)] * 4
    )
]  # fmt: skip


def png_size(png: bytes) -> tuple[int, int]:
    """The width and height a PNG's header gives."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def plot_area(scene: Scene) -> Box:
    """The plot's frame: the one outlined rectangle without a fill."""
    [frame] = [rect for rect in scene.rects if rect.fill is None and rect.edge]
    return frame.box


def dots(scene: Scene) -> list[tuple[float, float, str]]:
    """Each dot's centre in inches and the number written on it, in drawing order."""
    circles = [
        item
        for item in scene.items
        if isinstance(item, Shape) and item.kind == "ellipse" and item.fill == DOT_COLOUR
    ]
    numbers = [t for t in scene.texts if t.colour == "white"]
    assert len(circles) == len(numbers)
    found = []
    for circle, number in zip(circles, numbers, strict=True):
        (left, bottom), (right, top) = circle.points
        x, y = (left + right) / 2, (bottom + top) / 2
        # The number stands on its dot: centred across, its box around the dot's middle.
        assert math.isclose((number.box.left + number.box.right) / 2, x, abs_tol=1e-6)
        assert number.box.bottom < y < number.box.top
        found.append((x, y, number.text))
    return found


def legend(scene: Scene) -> list[Text]:
    """The legend's lines: the texts below the plot that start with "<n>. " or "+<n> "."""
    bottom = plot_area(scene).bottom
    return [t for t in scene.texts if t.box.top < bottom and re.match(r"\d+\. |\+\d+ ", t.text)]


def test_the_matrix_is_a_png_even_with_many_long_names() -> None:
    png = matrix_png(LONG, TEXT)
    assert png_size(png) == (1200, 1425)  # 8 × 9.5 inches at 150 dpi
    assert png_size(matrix_png([MatrixPoint("$x$ <b>", 5, 1)], TEXT)) == (1200, 1425)


def test_the_same_matrix_gives_the_same_bytes() -> None:
    assert matrix_png(MIXED, TEXT) == matrix_png(MIXED, TEXT)
    assert matrix_png(MIXED, TEXT) != matrix_png(MIXED[1:], TEXT)


@pytest.mark.parametrize("points", [MIXED, LONG], ids=["mixed", "all-equal"])
def test_every_dot_lies_in_its_quadrant_near_its_true_spot(points: list[MatrixPoint]) -> None:
    scene = matrix_scene(points, TEXT)
    plot = plot_area(scene)
    areas = {rect.fill: rect.box for rect in scene.rects if rect.fill in QUADRANT_COLOURS.values()}
    assert len(areas) == 4
    # The plot runs from 0.5 to 5.5 on both scales: inches back to scores.
    per_x, per_y = (plot.right - plot.left) / 5, (plot.top - plot.bottom) / 5
    placed = dots(scene)
    assert [number for _x, _y, number in placed] == [str(n) for n in range(1, len(points) + 1)]
    first_on_spot = set()
    for point, (x, y, _number) in zip(points, placed, strict=True):
        effort, impact = 0.5 + (x - plot.left) / per_x, 0.5 + (y - plot.bottom) / per_y
        distance = math.hypot(effort - point.effort, impact - point.impact)
        assert distance <= SPREAD + 1e-9, (point, effort, impact)
        if (point.effort, point.impact) not in first_on_spot:
            first_on_spot.add((point.effort, point.impact))
            assert distance < 1e-9  # the first action on a spot stands on it exactly
        area = areas[QUADRANT_COLOURS[quadrant(point.impact, point.effort)]]
        middle = min(abs(point.impact - 3), abs(point.effort - 3))
        if middle > SPREAD:  # a dot spread over the middle line may cross it; none other
            assert area.contains(Box(x, y, x, y)), (point, effort, impact)
        assert plot.contains(Box(x, y, x, y))


def test_the_quadrant_names_stay_inside_their_quadrants() -> None:
    text = MatrixText("T", "I", "E", {
        "quick_win": "Snelle winst die heel lang is uitgeschreven in het Nederlands",
        "big_bet": "Grote projecten 🚀", "fill_in": "$x$ <b>", "time_sink": "Tijdvreters",
    }, "meer")  # fmt: skip
    scene = matrix_scene(MIXED, text)
    for name, colour in QUADRANT_COLOURS.items():
        [area] = [rect.box for rect in scene.rects if rect.fill == colour]
        names = [t for t in scene.texts if t.font.bold and t.colour == "#444c56"]
        [label] = [t for t in names if area.contains(Box(t.box.left, t.box.bottom, t.box.left,
                                                         t.box.bottom))]  # fmt: skip
        assert area.contains(label.box), name
    labels = {t.text for t in scene.texts if t.font.bold and t.colour != "white"}
    assert "$x$ <b>" in labels and "Grote projecten" in labels  # literal, the emoji gone
    assert any(label.startswith("Snelle winst") and label.endswith("…") for label in labels)


@pytest.mark.parametrize("points", [MIXED[:5], MIXED, LONG], ids=["few", "two-columns", "more"])
def test_the_legend_lines_never_overlap_and_stay_on_the_page(points: list[MatrixPoint]) -> None:
    scene = matrix_scene(points, TEXT)
    page = Box(0, 0, scene.width, scene.height)
    lines = legend(scene)
    assert len(lines) == min(len(points), LEGEND_LINES)
    for one, other in itertools.combinations(lines, 2):
        assert not one.box.overlaps(other.box), (one.text, other.text)
    for text in scene.texts:
        assert page.contains(text.box), text.text


def test_the_legend_counts_the_actions_it_has_no_room_for() -> None:
    lines = [t.text for t in legend(matrix_scene(LONG, TEXT))]
    assert len(lines) == LEGEND_LINES
    assert [line.split(".")[0] for line in lines[:-1]] == [str(n) for n in range(1, LEGEND_LINES)]
    assert lines[-1] == f"+{len(LONG) - LEGEND_LINES + 1} meer"
    assert len(dots(matrix_scene(LONG, TEXT))) == len(LONG)  # every action keeps its dot
    exact = [t.text for t in legend(matrix_scene(LONG[:LEGEND_LINES], TEXT))]
    assert len(exact) == LEGEND_LINES and exact[-1].startswith(f"{LEGEND_LINES}. ")


def test_names_show_literally_without_emoji_and_long_ones_are_cut() -> None:
    points = [MatrixPoint("$x$ <b>", 5, 1), MatrixPoint("Overleg 🚀 met\nIVAGO", 2, 2),
              MatrixPoint("Lang " * 40, 4, 4), MatrixPoint("🚀", 1, 1)]  # fmt: skip
    lines = [t.text for t in legend(matrix_scene(points, TEXT))]
    assert lines[:2] == ["1. $x$ <b>", "2. Overleg met IVAGO"]
    assert lines[2].startswith("3. Lang Lang") and lines[2].endswith("…")
    assert lines[3] == "4. ?"  # a name of emoji only still takes a visible line


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
