"""Tool 8, the action table: every action by goal with lead, status, priority, next deadline.

The status of an action can be changed from the table with buttons; the change is stored on
the action with who and when.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.dates import format_date
from flows.domain import Item, Track
from flows.events import Choice, Reply
from flows.model import Registry, ToolCommand
from flows.tools.action_sheet import deadlines
from flows.tools.actions import TOOL
from flows.tools.impact import action_quadrant

if TYPE_CHECKING:
    from flows.engine import Engine

STATUSES = ("idea", "planned", "running", "done", "stopped")
# The impact/effort quadrant decides the priority: quick wins and big bets first.
PRIORITY = {"quick_win": "high", "big_bet": "high", "fill_in": "medium", "time_sink": "low"}


def priority(action: Item) -> str | None:
    """high, medium or low from the impact/effort scores; None before scoring."""
    found = action_quadrant(action)
    return PRIORITY[found] if found else None


def next_deadline(action: Item, today: date) -> date | None:
    """The first open milestone: overdue ones count, so they are not forgotten."""
    open_ = sorted(d.due for d in deadlines(action) if not d.done)
    return open_[0] if open_ else None


def rows(actions: list[Item], ctx: Context) -> list[tuple[str, list[dict[str, Any]]]]:
    """The actions grouped by goal, each as a row of the table, numbered throughout."""
    groups: dict[int, tuple[str, list[dict[str, Any]]]] = {}
    for number, action in enumerate(actions, start=1):
        due = next_deadline(action, ctx.today)
        row = {
            "number": number,
            "name": action.data.get("name", ""),
            "owner": action.data.get("owner") or "—",
            "status": action.data.get("status", "idea"),
            "priority": priority(action),
            "dots": int(action.data.get("dots") or 0),
            "due": format_date(due, ctx.lang) if due else None,
            "late": due is not None and due < ctx.today,
        }
        goal = int(action.data.get("goal", 0))
        groups.setdefault(goal, (str(action.data.get("goal_text", "")), []))[1].append(row)
    return list(groups.values())


async def table(ctx: Context, args: str = "", engine: Engine | None = None) -> list[Reply]:
    """The action table as one message, with a button per action to change its status."""
    assert ctx.project is not None
    actions = await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)
    if not actions:
        return [Reply(ctx.t("table-empty"))]
    html = ctx.render(
        "action_table.html.j2", t=ctx.t, project=ctx.project, groups=rows(actions, ctx)
    )
    buttons = [Choice(f"✏ {n}", f"t:table:pick:{a.id}") for n, a in enumerate(actions, start=1)]
    choices = [buttons[i : i + 5] for i in range(0, len(buttons), 5)]
    return [Reply(html, choices=choices)]


async def table_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """show the table, pick an action, or set its status (t:table:status:<id>:<status>)."""
    if action == "show":
        return await table(ctx) if ctx.project else [commands.no_project(ctx)]
    item_id, _, status = payload.partition(":")
    item = await ctx.tx.items.find(int(item_id), ctx.person.id) if item_id.isdigit() else None
    if item is None or item.tool != TOOL:
        return [commands.expired(ctx)]
    if action == "pick":
        current = item.data.get("status", "idea")
        buttons = [
            Choice(
                ("✓ " if s == current else "") + ctx.plain(f"status-{s}"),
                f"t:table:status:{item.id}:{s}",
            )
            for s in STATUSES
        ]
        return [
            Reply(
                ctx.t("table-pick", name=item.data.get("name", "")),
                choices=[
                    buttons[:3],
                    buttons[3:],
                    [Choice(ctx.plain("table-button-sheet"), f"t:sheet:open:{item.id}")],
                ],
            )
        ]
    if action == "status" and status in STATUSES:
        if item.data.get("status") != status:  # a double tap records nothing twice
            await ctx.tx.items.set_field(item.id, "status", status, ctx.person.id)
        ctx.project = ctx.project or await ctx.tx.projects.get(item.project_id, ctx.person.id)
        label = ctx.plain(f"status-{status}")
        note = Reply(ctx.t("table-status-set", name=item.data.get("name", ""), status=label))
        return [note, *await table(ctx)]
    return [commands.expired(ctx)]


COMMAND = ToolCommand(
    id="action_table",
    commands=("actietabel", "actiontable"),
    order=270,
    tracks=(Track.STRATEGY,),
    handler=table,
    description="table-description",
    english_command="actiontable",
)


def register(registry: Registry) -> None:
    """Add the action table command and its buttons."""
    registry.commands[COMMAND.id] = COMMAND
    registry.buttons["table"] = table_button
