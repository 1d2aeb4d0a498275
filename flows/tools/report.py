"""A periodic report on demand, after the guide's reporting template (Circular Cities
Declaration, METHOD.md Phase 3): strategy and governance; the main actions with progress,
impact and obstacles; public targets; the monitoring system."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flows.context import Context
from flows.dates import format_date
from flows.domain import Role
from flows.events import Reply
from flows.model import Registry, ToolCommand
from flows.reminders import deadlines_of, is_done, match_owner
from flows.tools.indicators import TOOL as INDICATOR
from flows.tools.indicators import next_moment, number_text, progress, values

if TYPE_CHECKING:
    from flows.engine import Engine


@dataclass(frozen=True, slots=True)
class Action:
    """One dated action of any tool, with where it stands."""

    tool: str
    label: str
    owner: str
    due: str
    state: str  # done, open, overdue
    sort: date


async def report_command(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/rapport`: the project's report, ready to paste into a note for the council."""
    assert ctx.project is not None and ctx.team is not None
    members = await ctx.tx.teams.members(ctx.team.id, ctx.person.id)
    rules = await ctx.tx.reminders.team_settings(ctx.team.id)
    actions: list[Action] = []
    for tool in sorted(ctx.registry.deadlines):
        if tool == INDICATOR:
            continue  # indicators are the monitoring system, not actions
        title = _title(ctx, tool)
        for item in await ctx.tx.items.list(ctx.project.id, tool, ctx.person.id):
            for deadline in deadlines_of(ctx.registry, item):
                owner = match_owner(deadline.owner, members)
                done = is_done(item, deadline)
                state = "done" if done else "overdue" if deadline.due < ctx.today else "open"
                actions.append(
                    Action(
                        title,
                        deadline.label,
                        owner.display_name if owner else deadline.owner,
                        format_date(deadline.due, ctx.lang),
                        state,
                        deadline.due,
                    )
                )
    actions.sort(key=lambda action: action.sort)
    indicators = []
    for item in await ctx.tx.items.list(ctx.project.id, INDICATOR, ctx.person.id):
        measured = values(item)
        latest = measured[-1] if measured else None
        upcoming = next_moment(item)
        indicators.append(
            {
                "item": item,
                "latest": number_text(latest["value"], ctx.lang) if latest else None,
                "progress": progress(item, float(latest["value"])) if latest else None,
                "next": format_date(upcoming, ctx.lang) if upcoming else None,
                "target": number_text(item.data.get("target", 0), ctx.lang),
                "target_date": format_date(
                    date.fromisoformat(str(item.data.get("target_date"))), ctx.lang
                ),
            }
        )
    html = engine.render(
        "report.html.j2",
        t=ctx.t,
        project=ctx.project,
        team=ctx.team,
        today=format_date(ctx.today, ctx.lang),
        coordinators=[m.display_name for m in members if m.role == Role.COORDINATOR],
        members=len(members),
        rules=rules,
        digest_day=ctx.plain(f"rem-day-{rules.digest_weekday}") if rules.digest_weekday else "",
        actions=actions,
        done=sum(1 for a in actions if a.state == "done"),
        overdue=[a for a in actions if a.state == "overdue"],
        indicators=indicators,
    )
    return [Reply(html)]


def _title(ctx: Context, tool: str) -> str:
    for flow in ctx.registry.flows.values():
        if flow.tool == tool:
            return ctx.plain(flow.title)
    return tool


def register(registry: Registry) -> None:
    """The `/rapport` command."""
    registry.commands["report"] = ToolCommand(
        id="report",
        commands=("rapport", "report"),
        order=830,
        handler=report_command,
        description="report-command",
        english_command="report",
    )
