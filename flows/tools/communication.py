"""The communication plan of a pilot: per target group its priority, message, objectives,
channels, products, when and who (METHOD.md, step 4 of the pilot track and Tool 16)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flows.commands import field_label
from flows.context import Context
from flows.dates import format_date, stored_date
from flows.domain import Item, Track
from flows.model import Deadline, Flow, Kind, Option, Registry, Repeat, Step

TOOL = "communication"
PRIORITIES = ("high", "medium", "low")

FLOW = Flow(
    id="communication",
    title="cp-title",
    description="cp-description",
    commands=("communicatieplan", "communication"),
    order=720,
    english_command="communication",
    tool=TOOL,
    tracks=(Track.PILOT,),
    summary="communication.html.j2",
    steps=(
        Step(id="groups", kind=Kind.LIST, text="cp-groups", max_length=200),
        Repeat(
            id="per_group",
            steps=(
                Step(
                    id="priority",
                    kind=Kind.CHOICE,
                    text="cp-priority",
                    options=tuple(Option(p, f"level-{p}") for p in PRIORITIES),
                ),
                Step(id="message", kind=Kind.TEXT, text="cp-message", max_length=1000),
                Step(id="objectives", kind=Kind.TEXT, text="cp-objectives", max_length=1000),
                Step(id="channels", kind=Kind.TEXT, text="cp-channels", max_length=500),
                Step(id="products", kind=Kind.TEXT, text="cp-products", max_length=500),
                Step(id="when", kind=Kind.DATE, text="cp-when", future=True),
                Step(id="who", kind=Kind.TEXT, text="cp-who", max_length=100),
            ),
        ),
    ),
)


def due_date(item: Item) -> date | None:
    """When the communication action runs, if a valid date was stored."""
    return stored_date(item.data.get("when"))


def deadlines(item: Item) -> list[Deadline]:
    """The communication action's date, for reminders to whoever is responsible."""
    due = due_date(item)
    if due is None:
        return []
    name = str(item.data.get("name", ""))
    products = str(item.data.get("products") or "")
    label = f"{name}: {products}" if products else name
    return [Deadline("when", due, label, owner=str(item.data.get("who") or ""))]


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """The target groups by priority, high first, each with its date as people read it."""
    order = {p: index for index, p in enumerate(PRIORITIES)}
    ranked = sorted(items, key=lambda i: (order.get(str(i.data.get("priority")), 3), i.id))
    when = {
        item.id: format_date(due, ctx.lang) for item in items if (due := due_date(item)) is not None
    }
    fields = [
        (step.id, field_label(ctx, step))
        for step in FLOW.all_steps()
        if step.id not in ("groups", "priority")
    ]
    return {"ranked": ranked, "when": when, "fields": fields}


def register(registry: Registry) -> None:
    """Add the communication plan and declare its dates as deadlines."""
    registry.flows[FLOW.id] = FLOW
    registry.contexts[FLOW.id] = summary_context
    registry.deadlines[TOOL] = deadlines
