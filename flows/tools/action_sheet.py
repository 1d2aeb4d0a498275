"""Tool 7, the action sheet (actiefiche): an action worked out so a trekker can carry it.

The sheet's answers are stored on the action item itself, one field each, so the history
records who wrote what. Milestones are lines "what — when"; their dates are declared as
deadlines (registry.deadlines) for the reminders. Parties are lines "who — role"; a party
that is not on the team's stakeholder map is marked as new.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.dates import format_date, parse_date
from flows.domain import Item, Track
from flows.events import Choice, Reply
from flows.i18n import fold
from flows.inputs import Problem, parse_list
from flows.model import Deadline, Flow, Kind, Registry, Step
from flows.smart import check_smart
from flows.tools.actions import TOOL

if TYPE_CHECKING:
    from flows.engine import Engine

LINE = Step(id="line", kind=Kind.LIST, text="sheet-q-milestones", max_length=300)
# "Opleiding gegeven — eind juni 2027", "Kringwinkel: levert materialen", "A - B"
_SPLIT = re.compile(r"\s+[—–-]\s+|\s*[—–:]\s*")


def _text(step_id: str, *, optional: bool = False, **kwargs: Any) -> Step:
    return Step(
        id=step_id,
        kind=Kind.TEXT,
        text=f"sheet-q-{step_id.replace('_', '-')}",
        optional=optional,
        max_length=kwargs.pop("max_length", 2000),
        **kwargs,
    )


FLOW = Flow(
    id="sheet",
    title="sheet-title",
    description="sheet-menu",
    commands=("actiefiche", "actionsheet"),
    order=260,
    english_command="actionsheet",
    tool=TOOL,
    store="draft",
    on_complete="save_sheet",
    steps=(
        _text("action", offers="sheet_actions", check="sheet_action", max_length=200),
        _text("description"),
        _text("results"),
        _text("milestones", check="sheet_milestones", max_length=3000),
        _text("parties", prompt_args="sheet_stakeholders", check="sheet_pairs", max_length=3000),
        _text("resources"),
        _text("timeline", max_length=300),
        _text("preconditions", optional=True),
        _text("risks", optional=True, check="sheet_pairs", max_length=3000),
        _text("first_steps"),
        _text("owner", offers="sheet_members", max_length=100),
    ),
    summary="action_sheets.html.j2",
    tracks=(Track.STRATEGY,),
)
SHEET_FIELDS = tuple(step.id for step in FLOW.steps if isinstance(step, Step))[1:]


def split_pair(line: str) -> tuple[str, str]:
    """ "Kringwinkel — levert materialen" → ("Kringwinkel", "levert materialen")."""
    parts = _SPLIT.split(line, maxsplit=1)
    return (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else (line.strip(), "")


def milestone_date(line: str, today: date) -> tuple[str, date] | None:
    """A milestone line as (what, when); None when no date is recognised."""
    what, when = split_pair(line)
    parsed = parse_date(when, today=today) if when else None
    if parsed is not None:
        return what, parsed.value
    found = check_smart(line, today=today)
    if found.due is not None and found.when:
        return line.strip(), found.due
    return None


def parse_milestones(text: str, today: date) -> list[tuple[str, date]] | None:
    """Every line a milestone with its date; None when a line has no date."""
    lines = parse_list(text, LINE)
    if isinstance(lines, Problem):
        return None
    parsed = [milestone_date(line, today) for line in lines]
    return None if any(p is None for p in parsed) else [p for p in parsed if p is not None]


async def find_action(ctx: Context, answer: object) -> Item | None:
    """The team's action an answer names."""
    if ctx.project is None:
        return None
    wanted = fold(str(answer or ""))
    for action in await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id):
        if fold(str(action.data.get("name", ""))) == wanted:
            return action
    return None


async def action_offers(ctx: Context, data: dict[str, Any]) -> list[str]:
    """Actions without a sheet first: those are the ones to work out."""
    if ctx.project is None:
        return []
    actions = await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)
    actions.sort(key=lambda a: bool(a.data.get("description")))
    return [str(a.data.get("name", "")) for a in actions]


async def check_action(value: Any, ctx: Context) -> str | None:
    """The answer must be one of the team's actions."""
    return None if await find_action(ctx, value) else "sheet-action-unknown"


def check_milestones(value: Any, ctx: Context) -> str | None:
    """Each milestone needs a date the bot understands."""
    return None if parse_milestones(str(value), ctx.today) else "sheet-milestone-no-date"


def check_pairs(value: Any, ctx: Context) -> str | None:
    """Lines of "who — role" or "risk — handling", each short."""
    return "sheet-lines-too-long" if isinstance(parse_list(str(value), LINE), Problem) else None


async def stakeholder_args(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """The stakeholders on the map, to choose parties from."""
    if ctx.project is None:
        return {"stakeholders": "", "count": 0}
    items = await ctx.tx.items.list(ctx.project.id, "stakeholder", ctx.person.id)
    names = [str(i.data.get("name", "")) for i in items]
    return {"stakeholders": ", ".join(names), "count": len(names)}


async def member_offers(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The team's members, as possible trekkers."""
    if ctx.team is None:
        return []
    return [m.display_name for m in await ctx.tx.teams.members(ctx.team.id, ctx.person.id)]


async def save_sheet(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Write the sheet onto the action; a changed answer is recorded with who and when."""
    action = await find_action(ctx, draft.get("action"))
    if action is None:
        return [Reply(ctx.t("sheet-action-gone"))]
    stakeholders = {
        fold(str(i.data.get("name", "")))
        for i in await ctx.tx.items.list(action.project_id, "stakeholder", ctx.person.id)
    }
    values: dict[str, Any] = {name: draft.get(name) for name in SHEET_FIELDS}
    milestones = parse_milestones(str(draft.get("milestones", "")), ctx.today) or []
    values["milestone_list"] = [
        {"label": what, "due": when.isoformat(), "done": False} for what, when in milestones
    ]
    values["party_list"] = [
        {"name": who, "role": role, "new": fold(who) not in stakeholders}
        for who, role in (split_pair(line) for line in _lines(draft.get("parties")))
    ]
    values["risk_list"] = [
        {"risk": risk, "handling": handling}
        for risk, handling in (split_pair(line) for line in _lines(draft.get("risks")))
    ]
    if action.data.get("status", "idea") == "idea":
        values["status"] = "planned"
    for name, value in values.items():
        if action.data.get(name) != value:
            await ctx.tx.items.set_field(action.id, name, value, ctx.person.id)
    fresh = await ctx.tx.items.get(action.id, ctx.person.id)
    return [
        Reply(
            sheet_html(fresh, ctx),
            choices=[
                [Choice(ctx.plain("sheet-button-table"), "t:table:show:")],
                [Choice(ctx.plain("sheet-button-another"), "m:open:sheet")],
            ],
        ),
        *await commands.announce(ctx, FLOW),
    ]


def _lines(value: object) -> list[str]:
    parsed = parse_list(str(value or ""), LINE) if value else []
    return [] if isinstance(parsed, Problem) else parsed


def sheet_html(action: Item, ctx: Context) -> str:
    """One action sheet as HTML."""
    return ctx.render("action_sheet.html.j2", t=ctx.t, action=action, dates=_dates(action, ctx))


def _dates(action: Item, ctx: Context) -> list[str]:
    return [
        format_date(date.fromisoformat(m["due"]), ctx.lang)
        for m in action.data.get("milestone_list") or []
    ]


def deadlines(item: Item) -> list[Deadline]:
    """The milestones of an action sheet, for the reminders."""
    return [
        Deadline(
            ref=f"milestone:{number}",
            due=date.fromisoformat(str(m["due"])),
            label=f"{item.data.get('name', '')}: {m.get('label', '')}",
            owner=str(item.data.get("owner") or ""),
            done=bool(m.get("done")),
            result=False,
        )
        for number, m in enumerate(item.data.get("milestone_list") or [])
    ]


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Only the actions that have a sheet, each with its formatted dates."""
    return {"sheets": [(i, _dates(i, ctx)) for i in items if i.data.get("description")]}


async def sheet_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """Open the sheet of one action (t:sheet:open:<id>), prefilled with what it has."""
    item = await ctx.tx.items.find(int(payload), ctx.person.id) if payload.isdigit() else None
    if action != "open" or item is None or item.tool != TOOL:
        return [commands.expired(ctx)]
    draft = {"action": item.data.get("name", "")}
    draft.update({name: item.data[name] for name in SHEET_FIELDS if item.data.get(name)})
    return await engine.open_flow(ctx, FLOW, draft=draft)


def register(registry: Registry) -> None:
    """Add the action sheet flow, its checks and offers, and its deadlines."""
    registry.flows[FLOW.id] = FLOW
    registry.actions["save_sheet"] = save_sheet
    registry.offers["sheet_actions"] = action_offers
    registry.offers["sheet_members"] = member_offers
    registry.checks["sheet_action"] = check_action
    registry.checks["sheet_milestones"] = check_milestones
    registry.checks["sheet_pairs"] = check_pairs
    registry.prompt_args["sheet_stakeholders"] = stakeholder_args
    registry.contexts[FLOW.id] = summary_context
    registry.buttons["sheet"] = sheet_button
    registry.deadlines[TOOL] = deadlines
