"""Stakeholder mapping and the stakeholder management grid (METHOD.md, Tools 1 and 2)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from flows.context import Context
from flows.domain import Item
from flows.model import Flow, Kind, Option, Registry, Repeat, Step


class Level(StrEnum):
    """Low, medium or high power or interest."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Strategy(StrEnum):
    """The six strategies of the stakeholder management grid."""

    OBSERVE = "observe"
    KEEP_SATISFIED = "keep_satisfied"
    MANAGE_CLOSELY = "manage_closely"
    KEEP_INVOLVED = "keep_involved"
    KEEP_INFORMED = "keep_informed"
    NO_FOCUS = "no_focus"


# Power rows × interest columns, exactly as METHOD.md reads the guide's grid (Tool 2).
GRID: dict[tuple[Level, Level], Strategy] = {
    (Level.HIGH, Level.LOW): Strategy.OBSERVE,
    (Level.HIGH, Level.MEDIUM): Strategy.KEEP_SATISFIED,
    (Level.HIGH, Level.HIGH): Strategy.MANAGE_CLOSELY,
    (Level.MEDIUM, Level.LOW): Strategy.KEEP_INVOLVED,
    (Level.MEDIUM, Level.MEDIUM): Strategy.KEEP_INVOLVED,
    (Level.MEDIUM, Level.HIGH): Strategy.KEEP_INVOLVED,
    (Level.LOW, Level.LOW): Strategy.NO_FOCUS,
    (Level.LOW, Level.MEDIUM): Strategy.KEEP_INFORMED,
    (Level.LOW, Level.HIGH): Strategy.KEEP_INFORMED,
}

# The order in which a summary presents the strategies: who must be on board first.
STRATEGY_ORDER = (
    Strategy.MANAGE_CLOSELY,
    Strategy.KEEP_SATISFIED,
    Strategy.OBSERVE,
    Strategy.KEEP_INVOLVED,
    Strategy.KEEP_INFORMED,
    Strategy.NO_FOCUS,
)


def strategy_for(power: str, interest: str) -> Strategy:
    """The grid's strategy for a power and an interest level."""
    return GRID[(Level(power), Level(interest))]


LEVELS = (
    Option(Level.LOW.value, "level-low"),
    Option(Level.MEDIUM.value, "level-medium"),
    Option(Level.HIGH.value, "level-high"),
)

# The guide's stakeholder groups (l. 1012-1031) plus the internal side it names.
SUGGESTIONS = tuple(
    Option(value, f"sh-suggest-{value}")
    for value in (
        "citizens",
        "companies",
        "startups",
        "knowledge",
        "investors",
        "hubs",
        "waste",
        "kringwinkel",
        "neighbours",
        "aldermen",
        "departments",
    )
)

FLOW = Flow(
    id="stakeholders",
    title="sh-title",
    description="sh-description",
    commands=("stakeholders", "stakeholderkaart"),
    order=110,
    tool="stakeholder",
    steps=(
        Step(
            id="longlist",
            kind=Kind.LIST,
            text="sh-longlist",
            suggestions=SUGGESTIONS,
            max_length=200,
        ),
        Repeat(
            id="analysis",
            steps=(
                Step(
                    id="side",
                    kind=Kind.CHOICE,
                    text="sh-side",
                    options=(Option("internal", "sh-internal"), Option("external", "sh-external")),
                ),
                Step(id="power", kind=Kind.CHOICE, text="sh-power", options=LEVELS),
                Step(id="interest", kind=Kind.CHOICE, text="sh-interest", options=LEVELS),
                Step(
                    id="involvement",
                    kind=Kind.CHOICE,
                    text="sh-involvement",
                    options=(
                        Option("inform", "sh-inform"),
                        Option("consult", "sh-consult"),
                        Option("coproduce", "sh-coproduce"),
                    ),
                ),
                Step(id="note", kind=Kind.TEXT, text="sh-note", optional=True, max_length=1000),
            ),
        ),
    ),
    summary="stakeholders.html.j2",
    picture="stakeholder_grid",
    item_feedback="stakeholder_strategy",
)


def item_strategy(item: Item) -> Strategy | None:
    """The strategy of a rated stakeholder (None until power and interest are known)."""
    power, interest = item.data.get("power"), item.data.get("interest")
    if power not in Level.__members__.values() or interest not in Level.__members__.values():
        return None
    return strategy_for(str(power), str(interest))


def feedback(item: Item, ctx: Context) -> str:
    """After rating a stakeholder: its strategy and the guide's advice."""
    strategy = item_strategy(item)
    if strategy is None:
        return str(ctx.t("sh-unrated", name=item.data.get("name", "")))
    return str(
        ctx.t(
            "sh-feedback",
            name=item.data.get("name", ""),
            strategy=ctx.plain(f"strategy-{strategy.value}"),
            advice=ctx.t(f"strategy-{strategy.value}-advice"),
        )
    )


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Group the stakeholders by strategy for the summary template."""
    groups: dict[Strategy, list[Item]] = {s: [] for s in STRATEGY_ORDER}
    unrated: list[Item] = []
    for item in items:
        strategy = item_strategy(item)
        (groups[strategy] if strategy else unrated).append(item)
    return {
        "groups": [(s.value, groups[s]) for s in STRATEGY_ORDER if groups[s]],
        "unrated": unrated,
        "internal": sum(1 for i in items if i.data.get("side") == "internal"),
        "external": sum(1 for i in items if i.data.get("side") == "external"),
    }


async def grid_picture(
    items: list[Item], ctx: Context
) -> tuple[str, bytes | Callable[[], bytes]] | None:
    """The power/interest grid: its file name and the function that draws its PNG."""
    from flows.charts import GridPoint, GridText, stakeholder_grid_png

    points = [
        GridPoint(str(i.data.get("name", "")), str(i.data["power"]), str(i.data["interest"]))
        for i in items
        if item_strategy(i) is not None
    ]
    if not points:
        return None
    title = ctx.plain("sh-grid-title", project=ctx.project.name if ctx.project else "")
    text = GridText(
        title=title,
        power_axis=ctx.plain("sh-power-axis"),
        interest_axis=ctx.plain("sh-interest-axis"),
        levels=(ctx.plain("level-low"), ctx.plain("level-medium"), ctx.plain("level-high")),
        cells={
            (power.value, interest.value): ctx.plain(f"strategy-{strategy.value}")
            for (power, interest), strategy in GRID.items()
        },
        empty=ctx.plain("sh-grid-empty"),
        more=ctx.plain("sh-grid-more"),
    )
    # Drawn by the engine once the answers are stored (see `Picture`), not while the event's
    # transaction holds the database.
    filename = "stakeholderkaart.png" if ctx.lang == "nl" else "stakeholder-map.png"
    return filename, functools.partial(stakeholder_grid_png, points, text)


def register(registry: Registry) -> None:
    """Add the stakeholder flow and its named functions."""
    registry.flows[FLOW.id] = FLOW
    registry.feedback["stakeholder_strategy"] = feedback
    registry.pictures["stakeholder_grid"] = grid_picture
    registry.contexts[FLOW.id] = summary_context
