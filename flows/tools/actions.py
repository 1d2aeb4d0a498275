"""From goal to action lines to actions, by brainwriting (METHOD.md, Phase 2 step 3).

Every member adds ideas for a goal: first the action line (what is needed in broad terms),
then concrete actions, one per line. The question shows the ideas teammates already wrote,
so people build on them, and it is put as a "Hoe kunnen we ervoor zorgen dat …" question.
Actions are items of the tool "action" that name their goal and action line; the tree
goal → action lines → actions is built from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.domain import Item, Track
from flows.events import Choice, Reply
from flows.i18n import fold
from flows.inputs import Problem, parse_list
from flows.model import Flow, Kind, Registry, Step

if TYPE_CHECKING:
    from flows.engine import Engine

TOOL = "action"
LABEL_LENGTH = 60  # goal statements are long; their buttons show the start
IDEA = Step(id="idea", kind=Kind.LIST, text="ideas-ideas", max_length=200)

FLOW = Flow(
    id="ideas",
    title="ideas-title",
    description="ideas-description",
    commands=("acties", "actions", "ideeen"),
    order=230,
    english_command="actions",
    tool=TOOL,
    store="draft",
    on_complete="save_ideas",
    steps=(
        Step(
            id="goal",
            kind=Kind.TEXT,
            text="ideas-goal",
            offers="ideas_goals",
            check="ideas_goal",
            max_length=500,
        ),
        Step(
            id="line",
            kind=Kind.TEXT,
            text="ideas-line",
            offers="ideas_lines",
            prompt_args="ideas_goal",
            max_length=200,
        ),
        Step(
            id="ideas",
            kind=Kind.TEXT,
            text="ideas-ideas",
            prompt_args="ideas_line",
            check="ideas_list",
            max_length=10000,
        ),
    ),
    summary="actions.html.j2",
    tracks=(Track.STRATEGY,),
)


def goal_label(goal: Item) -> str:
    """A goal as a button shows it: the start of its statement."""
    statement = str(goal.data.get("statement", ""))
    if len(statement) <= LABEL_LENGTH:
        return statement
    return statement[: LABEL_LENGTH - 1].rstrip() + "…"


async def find_goal(ctx: Context, answer: object) -> Item | None:
    """The team's goal an answer names: its button label or its statement."""
    if ctx.project is None:
        return None
    wanted = fold(str(answer or ""))
    for goal in await ctx.tx.items.list(ctx.project.id, "goal", ctx.person.id):
        if wanted in (fold(goal_label(goal)), fold(str(goal.data.get("statement", "")))):
            return goal
    return None


async def actions_of(ctx: Context, goal_id: int) -> list[Item]:
    """The actions of one goal, oldest first."""
    assert ctx.project is not None
    items = await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)
    return [item for item in items if item.data.get("goal") == goal_id]


def lines_of(actions: list[Item]) -> list[str]:
    """The distinct action lines of a goal's actions, in the order they were first named."""
    seen: dict[str, str] = {}
    for action in actions:
        line = str(action.data.get("line", ""))
        seen.setdefault(fold(line), line)
    return list(seen.values())


async def goal_offers(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The team's goals, as buttons."""
    if ctx.project is None:
        return []
    return [goal_label(g) for g in await ctx.tx.items.list(ctx.project.id, "goal", ctx.person.id)]


async def check_goal(value: Any, ctx: Context) -> str | None:
    """The answer must be one of the team's goals."""
    if await find_goal(ctx, value) is not None:
        return None
    if ctx.project and not await ctx.tx.items.count(ctx.project.id, "goal"):
        return "ideas-no-goals"
    return "ideas-goal-unknown"


def check_ideas(value: Any, ctx: Context) -> str | None:
    """Ideas come one per line, each a short sentence."""
    parsed = parse_list(str(value), IDEA)
    if isinstance(parsed, Problem):
        return "ideas-too-many" if parsed.key == "input-too-many" else "ideas-too-long"
    return None


async def line_offers(ctx: Context, data: dict[str, Any]) -> list[str]:
    """The action lines the team already named for this goal."""
    goal = await find_goal(ctx, data.get("goal"))
    return lines_of(await actions_of(ctx, goal.id)) if goal else []


async def goal_args(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """The goal the action line is for, and how many lines it has."""
    goal = await find_goal(ctx, data.get("goal"))
    lines = lines_of(await actions_of(ctx, goal.id)) if goal else []
    return {"goal": goal.data.get("statement", "") if goal else "", "count": len(lines)}


async def line_args(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """The line the ideas are for, and the ideas teammates already wrote for the goal."""
    goal = await find_goal(ctx, data.get("goal"))
    actions = await actions_of(ctx, goal.id) if goal else []
    line = str(data.get("line", ""))
    others = [
        f"• {a.data.get('name', '')} ({a.created_by_name})"
        for a in actions
        if fold(str(a.data.get("line", ""))) == fold(line)
    ]
    return {"line": line, "count": len(others), "others": "\n".join(others[-15:])}


async def save_ideas(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Add the new ideas as actions under the goal and line; show the goal's tree."""
    assert ctx.project is not None
    goal = await find_goal(ctx, draft.get("goal"))
    if goal is None:  # deleted while the person was writing
        return [Reply(ctx.t("ideas-goal-gone", ideas=str(draft.get("ideas", ""))))]
    ideas = parse_list(str(draft.get("ideas", "")), IDEA)
    names = [] if isinstance(ideas, Problem) else ideas
    # Two members sending the same idea at the same moment must not both add it.
    await ctx.tx.projects.lock(ctx.project.id, ctx.person.id)
    actions = await actions_of(ctx, goal.id)
    line = next(
        (known for known in lines_of(actions) if fold(known) == fold(str(draft["line"]))),
        str(draft["line"]).strip(),
    )
    existing = {fold(str(a.data.get("name", ""))): a for a in actions}
    added, known = [], []
    for name in names:
        if fold(name) in existing:
            known.append(f"{name} ({existing[fold(name)].created_by_name})")
            continue
        data = {
            "name": name,
            "goal": goal.id,
            "goal_text": goal.data.get("statement", ""),
            "line": line,
            "status": "idea",
        }
        existing[fold(name)] = await ctx.tx.items.add(ctx.project.id, TOOL, data, ctx.person.id)
        added.append(name)
    lines = []
    if added:
        lines.append(str(ctx.t("list-added", count=len(added), names=", ".join(added))))
    if known:
        lines.append(str(ctx.t("list-known", count=len(known), names=", ".join(known))))
    lines.append(tree(await actions_of(ctx, goal.id), goal, ctx))
    choices = [
        [Choice(ctx.plain("ideas-button-more"), f"t:ideas:goal:{goal.id}")],
        [Choice(ctx.plain("button-summary"), "m:summary:ideas")],
    ]
    return [Reply("\n\n".join(lines), choices=choices), *await commands.announce(ctx, FLOW)]


def tree(actions: list[Item], goal: Item, ctx: Context) -> str:
    """One goal with its action lines and actions, as HTML."""
    return ctx.render(
        "actions.html.j2",
        t=ctx.t,
        project=ctx.project,
        groups=[(goal.data.get("statement", ""), _lines(actions))],
        title=False,
    )


def _lines(actions: list[Item]) -> list[tuple[str, list[Item]]]:
    return [
        (line, [a for a in actions if fold(str(a.data.get("line", ""))) == fold(line)])
        for line in lines_of(actions)
    ]


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Every goal's tree: goal → action lines → actions."""
    by_goal: dict[int, list[Item]] = {}
    for item in items:
        by_goal.setdefault(int(item.data.get("goal", 0)), []).append(item)
    groups = [
        (str(actions[0].data.get("goal_text", "")), _lines(actions)) for actions in by_goal.values()
    ]
    return {"groups": groups, "title": True}


async def ideas_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """More ideas for a goal: the walk starts at the action line, the goal already chosen."""
    goal = await ctx.tx.items.find(int(payload), ctx.person.id) if payload.isdigit() else None
    if action != "goal" or goal is None or goal.tool != "goal":
        return [commands.expired(ctx)]
    return await engine.open_flow(ctx, FLOW, draft={"goal": goal_label(goal)})


def register(registry: Registry) -> None:
    """Add the brainwriting flow and its named functions."""
    registry.flows[FLOW.id] = FLOW
    registry.actions["save_ideas"] = save_ideas
    registry.offers["ideas_goals"] = goal_offers
    registry.offers["ideas_lines"] = line_offers
    registry.checks["ideas_goal"] = check_goal
    registry.checks["ideas_list"] = check_ideas
    registry.prompt_args["ideas_goal"] = goal_args
    registry.prompt_args["ideas_line"] = line_args
    registry.contexts[FLOW.id] = summary_context
    registry.buttons["ideas"] = ideas_button
