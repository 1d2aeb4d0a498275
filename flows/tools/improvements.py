"""The improvement log of a pilot that became a running offer: improvement projects on the
guide's four themes, each with timing and a responsible person (METHOD.md, pilot step 4)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flows.context import Context
from flows.dates import format_date, stored_date
from flows.domain import Item, Track
from flows.model import Deadline, Flow, Kind, Option, Registry, Repeat, Step

TOOL = "improvement"
THEMES = ("innovation", "people", "processes", "communication")

FLOW = Flow(
    id="improvements",
    title="imp-title",
    description="imp-description",
    commands=("verbeteren", "improve"),
    order=710,
    english_command="improve",
    tool=TOOL,
    tracks=(Track.PILOT,),
    summary="improvements.html.j2",
    steps=(
        Step(id="projects", kind=Kind.LIST, text="imp-projects", max_length=200),
        Repeat(
            id="per_project",
            steps=(
                Step(
                    id="theme",
                    kind=Kind.CHOICE,
                    text="imp-theme",
                    options=tuple(Option(theme, f"imp-theme-{theme}") for theme in THEMES),
                ),
                Step(id="when", kind=Kind.DATE, text="imp-when", future=True),
                Step(id="who", kind=Kind.TEXT, text="imp-who", max_length=100),
            ),
        ),
    ),
)


def due_date(item: Item) -> date | None:
    """When the improvement project is due, if a valid date was stored."""
    return stored_date(item.data.get("when"))


def deadlines(item: Item) -> list[Deadline]:
    """The improvement project's date, for reminders to whoever is responsible."""
    due = due_date(item)
    if due is None:
        return []
    owner = str(item.data.get("who") or "")
    return [Deadline("when", due, str(item.data.get("name", "")), owner=owner)]


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """The projects per theme in the guide's order, soonest first within a theme."""
    far = date.max

    def soonest(item: Item) -> tuple[date, int]:
        return (due_date(item) or far, item.id)

    themes = [
        (theme, sorted((i for i in items if i.data.get("theme") == theme), key=soonest))
        for theme in THEMES
    ]
    unsorted = [i for i in items if i.data.get("theme") not in THEMES]
    when = {i.id: format_date(due, ctx.lang) for i in items if (due := due_date(i)) is not None}
    return {"themes": [(t, group) for t, group in themes if group], "open": unsorted, "when": when}


def register(registry: Registry) -> None:
    """Add the improvement log and declare its dates as deadlines."""
    registry.flows[FLOW.id] = FLOW
    registry.contexts[FLOW.id] = summary_context
    registry.deadlines[TOOL] = deadlines
