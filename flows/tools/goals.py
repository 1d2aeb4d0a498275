"""SMART goals per action domain, coached (METHOD.md, Phase 2 step 2).

The goal statement is checked with `flows.smart`; for each missing element the flow asks one
specific question. The answers count as that element, are offered as a rewritten goal, and a
goal that still misses something can be saved with a reason: it is then marked as such.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.dates import stored_date
from flows.domain import Item, Track
from flows.events import Choice, Reply
from flows.i18n import fold
from flows.model import Deadline, Flow, Kind, Registry, Step
from flows.smart import Element, check_smart

if TYPE_CHECKING:
    from flows.engine import Engine

TOOL = "goal"
FROM = re.compile(r"(?:vanaf|from|since|sinds|starting)\b")
# First words of a means answer that already connect it to the goal sentence.
_MEANS_WORDS = "met via door dankzij mits vanuit binnen with through using by thanks within"
MEANS_WORDS = frozenset(_MEANS_WORDS.split())
# The coaching question of each element, in the order the guide names them.
ANSWER_FIELDS: dict[Element, str] = {element: f"smart_{element.value}" for element in Element}


def _coaching_step(element: Element) -> Step:
    return Step(
        id=ANSWER_FIELDS[element],
        kind=Kind.TEXT,
        text=f"goal-ask-{element.value}",
        optional=True,
        when=f"goal_needs_{element.value}",
        offers="goal_stakeholders" if element == Element.ACCEPTABLE else None,
        check="goal_time" if element == Element.TIME_BOUND else None,
        max_length=300,
    )


FLOW = Flow(
    id="goal",
    title="goal-title",
    description="goal-description",
    commands=("doel", "goal"),
    order=220,
    english_command="goal",
    tool=TOOL,
    store="draft",
    on_complete="save_goal",
    steps=(
        Step(
            id="domain", kind=Kind.TEXT, text="goal-domain", offers="goal_domains", max_length=200
        ),
        Step(id="statement", kind=Kind.TEXT, text="goal-statement", max_length=500),
        *(_coaching_step(element) for element in Element),
        Step(
            id="reason",
            kind=Kind.TEXT,
            text="goal-reason",
            when="goal_still_incomplete",
            max_length=500,
        ),
    ),
    summary="goals.html.j2",
    tracks=(Track.STRATEGY,),
    prepare="goal_facts",
)


def present(data: dict[str, Any], stakeholders: list[str] | None = None) -> set[Element]:
    """The SMART elements of a goal: found in its statement, or answered when coached."""
    result = check_smart(str(data.get("statement") or ""), stakeholders=stakeholders or ())
    answered = {element for element, name in ANSWER_FIELDS.items() if data.get(name)}
    return set(result.present) | answered


def missing(data: dict[str, Any], stakeholders: list[str] | None = None) -> list[Element]:
    """The SMART elements a goal still misses, in the guide's order."""
    have = present(data, stakeholders)
    return [element for element in Element if element not in have]


def _needs(element: Element) -> Any:
    return lambda data: element not in present({"statement": data.get("statement")}, _names(data))


def _names(data: dict[str, Any]) -> list[str]:
    """The stakeholders the walk was prepared with (see `facts`)."""
    return [str(name) for name in data.get("_stakeholders") or []]


async def facts(ctx: Context) -> dict[str, Any]:
    """What the coaching conditions need to know: a goal naming a stakeholder has a carrier."""
    return {"_stakeholders": await stakeholder_names(ctx, {})}


def rewrite(data: dict[str, Any], ctx: Context) -> str | None:
    """The goal statement with the coaching answers worked in, or None without answers."""
    answers = {
        element: str(data[name]) for element, name in ANSWER_FIELDS.items() if data.get(name)
    }
    if not answers:
        return None
    parts = [str(data.get("statement") or "").strip().rstrip(".")]
    for element in (Element.SPECIFIC, Element.MEASURABLE, Element.TIME_BOUND):
        if element in answers:
            parts.append(answers[element].strip().rstrip("."))
    if Element.ACCEPTABLE in answers:
        parts.append(ctx.plain("goal-rewrite-carried", who=answers[Element.ACCEPTABLE].strip()))
    if Element.REALISTIC in answers:
        means = answers[Element.REALISTIC].strip().rstrip(".")
        # "met een budget" or "via de kringwinkel" already reads well after the goal.
        if fold(means).split(" ", 1)[0] not in MEANS_WORDS:
            means = ctx.plain("goal-rewrite-means", means=means)
        parts.append(means)
    return ", ".join(parts) + "."


async def stakeholder_names(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The stakeholders on the team's map, who may carry a goal."""
    if ctx.project is None:
        return []
    items = await ctx.tx.items.list(ctx.project.id, "stakeholder", ctx.person.id)
    return [str(item.data.get("name", "")) for item in items]


async def domain_names(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The action domains the team chose."""
    if ctx.project is None:
        return []
    items = await ctx.tx.items.list(ctx.project.id, "domain", ctx.person.id)
    return [str(item.data.get("name", "")) for item in items]


def check_time(value: Any, ctx: Context) -> str | None:
    """A time-bound answer must name a moment the bot recognises."""
    if Element.TIME_BOUND in check_smart(str(value), today=ctx.today).present:
        return None
    return "goal-time-unclear"


def smart_line(data: dict[str, Any], ctx: Context) -> str:
    """The five elements with a tick or a cross, e.g. "S ✓ M ✗ A ✓ R ✓ T ✓"."""
    have = set(data.get("present") or [])
    return " · ".join(
        f"{ctx.plain(f'goal-element-{element.value}')} {'✓' if element.value in have else '✗'}"
        for element in Element
    )


async def save_goal(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store the goal with its SMART check; offer the rewrite and the next steps."""
    assert ctx.project is not None
    stakeholders = await stakeholder_names(ctx, draft)
    statement = str(draft["statement"]).strip()
    result = check_smart(statement, today=ctx.today, stakeholders=stakeholders)
    if result.when is None and draft.get(ANSWER_FIELDS[Element.TIME_BOUND]):
        # The moment came as the answer to "by when?".
        answer = str(draft[ANSWER_FIELDS[Element.TIME_BOUND]])
        result = check_smart(answer, today=ctx.today)
    have = present(draft, stakeholders)
    data: dict[str, Any] = {
        "name": statement,
        "statement": statement,
        "domain": str(draft["domain"]).strip(),
        **{name: draft.get(name) for name in ANSWER_FIELDS.values() if draft.get(name)},
        "present": [element.value for element in Element if element in have],
        "missing": [element.value for element in Element if element not in have],
        "reason": draft.get("reason") or None,
        "due": result.due.isoformat() if result.due else None,
        "when": result.when,
        "proposal": rewrite(draft, ctx),
    }
    earlier = draft.get("_goal")
    item = await ctx.tx.items.find(int(earlier), ctx.person.id) if earlier else None
    if item is not None and item.tool == TOOL:
        # Reformulating a goal: every changed field is recorded with who and when, and the
        # coaching answers of the earlier version do not linger.
        for name in {*data, *ANSWER_FIELDS.values()}:
            if item.data.get(name) != data.get(name):
                await ctx.tx.items.set_field(item.id, name, data.get(name), ctx.person.id)
        await _retitle_actions(ctx, item, statement)
    else:
        item = await ctx.tx.items.add(ctx.project.id, TOOL, data, ctx.person.id)
    lines = [str(ctx.t("goal-saved", domain=data["domain"], statement=statement))]
    lines.append(smart_line(data, ctx))
    if data["missing"]:
        lines.append(str(ctx.t("goal-marked", reason=data["reason"] or "—")))
    choices: list[list[Choice]] = []
    if data["proposal"]:
        lines.append(str(ctx.t("goal-proposal", proposal=data["proposal"])))
        choices.append(
            [
                Choice(ctx.plain("goal-button-rewrite"), f"t:goal:rewrite:{item.id}"),
                Choice(ctx.plain("goal-button-keep"), f"t:goal:keep:{item.id}"),
            ]
        )
    choices.append([Choice(ctx.plain("goal-button-edit"), f"t:goal:edit:{item.id}")])
    choices.append([Choice(ctx.plain("goal-button-actions"), f"t:ideas:goal:{item.id}")])
    choices.append([Choice(ctx.plain("goal-button-another"), "m:open:goal")])
    choices.append([Choice(ctx.plain("button-summary"), "m:summary:goal")])
    return [Reply("\n\n".join(lines), choices=choices), *await commands.announce(ctx, FLOW)]


async def goal_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """Take or leave the rewritten goal; the goal is loaded again, so membership is checked."""
    item = await ctx.tx.items.find(int(payload), ctx.person.id) if payload.isdigit() else None
    if item is None or item.tool != TOOL:
        return [commands.expired(ctx)]
    proposal = item.data.get("proposal")
    if action == "keep":
        if proposal:
            await ctx.tx.items.set_field(item.id, "proposal", None, ctx.person.id)
        return [Reply(ctx.t("goal-kept", statement=item.data.get("statement", "")))]
    if action == "rewrite":
        if not proposal:
            return [Reply(ctx.t("goal-rewrite-gone", statement=item.data.get("statement", "")))]
        for field in ("statement", "name"):
            await ctx.tx.items.set_field(item.id, field, proposal, ctx.person.id)
        await ctx.tx.items.set_field(item.id, "proposal", None, ctx.person.id)
        await _retitle_actions(ctx, item, proposal)
        return [Reply(ctx.t("goal-rewritten", statement=proposal))]
    if action == "edit":
        draft = {"domain": item.data.get("domain", ""), "_goal": item.id}
        return [
            Reply(ctx.t("goal-edit", statement=item.data.get("statement", ""))),
            *await engine.open_flow(ctx, FLOW, draft=draft),
        ]
    return [commands.expired(ctx)]


async def _retitle_actions(ctx: Context, goal: Item, statement: str) -> None:
    """The actions name their goal's words for the action plan; keep them in step."""
    for planned in await ctx.tx.items.list(goal.project_id, "action", ctx.person.id):
        if planned.data.get("goal") == goal.id and planned.data.get("goal_text") != statement:
            await ctx.tx.items.set_field(planned.id, "goal_text", statement, ctx.person.id)


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Goals grouped by domain, each with its SMART line."""
    groups: dict[str, list[tuple[Item, str]]] = {}
    for item in items:
        groups.setdefault(str(item.data.get("domain", "")), []).append(
            (item, smart_line(item.data, ctx))
        )
    return {"groups": list(groups.items())}


def deadlines(item: Item) -> list[Deadline]:
    """A goal's target date ("tegen 2030"); a starting point ("vanaf 2025") is not a deadline."""
    due, when = stored_date(item.data.get("due")), str(item.data.get("when") or "")
    if due is None or FROM.match(when):
        return []
    return [Deadline(ref="goal", due=due, label=str(item.data["name"]))]


def register(registry: Registry) -> None:
    """Add the goal flow, its coaching conditions, offers and buttons."""
    registry.flows[FLOW.id] = FLOW
    registry.actions["save_goal"] = save_goal
    registry.offers["goal_stakeholders"] = stakeholder_names
    registry.offers["goal_domains"] = domain_names
    registry.checks["goal_time"] = check_time
    registry.buttons["goal"] = goal_button
    registry.contexts[FLOW.id] = summary_context
    registry.deadlines[TOOL] = deadlines
    for element in Element:
        registry.conditions[f"goal_needs_{element.value}"] = _needs(element)
    registry.conditions["goal_still_incomplete"] = lambda data: bool(missing(data, _names(data)))
    registry.prepares["goal_facts"] = facts
