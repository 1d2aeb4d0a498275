"""Tool 6, the impact/effort matrix: members score the actions, the bot combines and advises.

Each member scores each action 1-5 on impact (contribution to the goals and the local
circular transition) and effort (time, money, energy, risk). Scores are stored on the action
as one field per member ("impact.<person id>"), so members scoring at the same moment never
overwrite each other, and the history records who scored what. The combined score is the
mean over the members who scored.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.domain import Item, Track
from flows.events import Choice, Drawing, Reply
from flows.matrix_chart import MatrixPoint, MatrixText, matrix_png, quadrant
from flows.model import Registry, ToolCommand

if TYPE_CHECKING:
    from flows.engine import Engine

ASPECTS = ("impact", "effort")
QUADRANTS = ("quick_win", "big_bet", "fill_in", "time_sink")


def scores(action: Item, aspect: str) -> list[int]:
    """Every member's score of an action on one aspect."""
    prefix = f"{aspect}."
    return [int(v) for k, v in action.data.items() if k.startswith(prefix) and v is not None]


def combined(action: Item) -> tuple[float, float] | None:
    """(impact, effort) as the mean of the members' scores; None until both are scored."""
    impact, effort = scores(action, "impact"), scores(action, "effort")
    if not impact or not effort:
        return None
    return sum(impact) / len(impact), sum(effort) / len(effort)


def action_quadrant(action: Item) -> str | None:
    """The quadrant an action falls in, once scored."""
    both = combined(action)
    return quadrant(*both) if both else None


async def _actions(ctx: Context) -> list[Item]:
    assert ctx.project is not None
    return await ctx.tx.items.list(ctx.project.id, "action", ctx.person.id)


def _unscored(actions: list[Item], person_id: int) -> list[Item]:
    return [a for a in actions if any(f"{aspect}.{person_id}" not in a.data for aspect in ASPECTS)]


AGAIN = frozenset({"opnieuw", "again"})


async def start(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """/impact: the next action this member has not scored yet, or the matrix.

    `/impact opnieuw` walks every action again, so a member can change their scores.
    """
    actions = await _actions(ctx)
    if not actions:
        return [Reply(ctx.t("impact-no-actions"))]
    if args.strip().lower() in AGAIN:
        return [_question(ctx, actions[0], "impact", 1, len(actions), again=True)]
    return await _next(ctx, actions)


async def _next(ctx: Context, actions: list[Item], after: Item | None = None) -> list[Reply]:
    """The next question: after `after` when scoring everything again, else the first gap."""
    if after is not None:
        position = [a.id for a in actions].index(after.id) + 1
        if position < len(actions):
            action = actions[position]
            return [_question(ctx, action, "impact", position + 1, len(actions), again=True)]
        return [Reply(ctx.t("impact-all-scored")), *await matrix(ctx, actions)]
    todo = _unscored(actions, ctx.person.id)
    if not todo:
        return [Reply(ctx.t("impact-all-scored")), *await matrix(ctx, actions)]
    action = todo[0]
    aspect = "impact" if f"impact.{ctx.person.id}" not in action.data else "effort"
    return [_question(ctx, action, aspect, actions.index(action) + 1, len(actions))]


def _question(
    ctx: Context, action: Item, aspect: str, number: int, total: int, *, again: bool = False
) -> Reply:
    text = ctx.t(
        f"impact-ask-{aspect}",
        name=action.data.get("name", ""),
        goal=action.data.get("goal_text", ""),
        number=number,
        total=total,
    )
    mode = ":again" if again else ""
    mine = action.data.get(f"{aspect}.{ctx.person.id}")
    row = [
        Choice(("✓ " if n == mine else "") + str(n), f"t:impact:{aspect}:{action.id}:{n}{mode}")
        for n in range(1, 6)
    ]
    return Reply(
        text, choices=[row, [Choice(ctx.plain("impact-button-matrix"), "t:impact:matrix:")]]
    )


async def matrix(ctx: Context, actions: list[Item] | None = None) -> list[Reply]:
    """The matrix picture, the quadrants in words, and the guide's advice on the mix."""
    actions = actions if actions is not None else await _actions(ctx)
    scored = [(a, combined(a)) for a in actions]
    points = [MatrixPoint(str(a.data.get("name", "")), *c) for a, c in scored if c is not None]
    if not points:
        return [Reply(ctx.t("impact-nothing-scored"))]
    groups: dict[str, list[str]] = {q: [] for q in QUADRANTS}
    for point in points:
        groups[quadrant(point.impact, point.effort)].append(point.name)
    lines = [str(ctx.t("impact-summary-title", project=ctx.project.name if ctx.project else ""))]
    for name in QUADRANTS:
        if groups[name]:
            lines.append(
                str(ctx.t(f"impact-quadrant-{name}", count=len(groups[name])))
                + "\n"
                + "\n".join(f"• {n}" for n in groups[name])
            )
    lines.append(str(mix_advice(ctx, groups)))
    unscored = [str(a.data.get("name", "")) for a, c in scored if c is None]
    if unscored:
        lines.append(str(ctx.t("impact-unscored", names=", ".join(unscored))))
    lines.append(str(ctx.t("impact-again-tip")))
    text = MatrixText(
        title=ctx.plain("impact-chart-title", project=ctx.project.name if ctx.project else ""),
        impact_axis=ctx.plain("impact-axis"),
        effort_axis=ctx.plain("effort-axis"),
        quadrants={q: ctx.plain(f"impact-name-{q}") for q in QUADRANTS},
        more=ctx.plain("sh-grid-more"),
    )
    filename = "impact-inspanning.png" if ctx.lang == "nl" else "impact-effort.png"
    return [
        Reply("\n\n".join(lines)),
        # Drawn by the engine once the event's transaction has committed.
        Reply(
            ctx.t("picture-caption", flow=ctx.plain("impact-title")),
            drawing=Drawing(filename, functools.partial(matrix_png, points, text)),
        ),
    ]


def mix_advice(ctx: Context, groups: dict[str, list[str]]) -> Any:
    """Whether the plan has the guide's mix: a few large projects, many small improvements."""
    big = len(groups["big_bet"])
    small = len(groups["quick_win"]) + len(groups["fill_in"])
    if big == 0:
        return ctx.t("impact-mix-no-big", small=small)
    if small == 0 or big > small:
        return ctx.t("impact-mix-too-big", big=big, small=small)
    return ctx.t("impact-mix-good", big=big, small=small)


async def impact_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """A score (t:impact:<aspect>:<action id>:<1-5>) or the matrix (t:impact:matrix:)."""
    if action == "matrix":
        return await matrix(ctx)
    item_id, _, rest = payload.partition(":")
    value, _, mode = rest.partition(":")
    if action not in ASPECTS or not item_id.isdigit() or value not in {"1", "2", "3", "4", "5"}:
        return [commands.expired(ctx)]
    item = await ctx.tx.items.find(int(item_id), ctx.person.id)  # checks team membership
    if item is None or item.tool != "action":
        return [commands.expired(ctx)]
    field = f"{action}.{ctx.person.id}"
    if item.data.get(field) != int(value):  # a double tap stores nothing twice
        await ctx.tx.items.set_field(item.id, field, int(value), ctx.person.id)
    ctx.project = ctx.project or await ctx.tx.projects.get(item.project_id, ctx.person.id)
    actions = await ctx.tx.items.list(item.project_id, "action", ctx.person.id)
    fresh = next(a for a in actions if a.id == item.id)
    again = mode == "again"
    if action == "impact":
        number = actions.index(fresh) + 1
        return [_question(ctx, fresh, "effort", number, len(actions), again=again)]
    return await _next(ctx, actions, after=fresh if again else None)


COMMAND = ToolCommand(
    id="impact",
    commands=("impact", "impactinspanning"),
    order=250,
    tracks=(Track.STRATEGY,),
    handler=start,
    description="impact-description",
    english_command="impact",
)


def register(registry: Registry) -> None:
    """Add the impact/effort scoring command and its buttons."""
    registry.commands[COMMAND.id] = COMMAND
    registry.buttons["impact"] = impact_button
