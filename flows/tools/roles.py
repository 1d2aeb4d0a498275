"""The roles the local government takes in a pilot, from the guide's twelve, each with what it
means for the team; chosen deliberately and revisited as the project grows (METHOD.md, roles)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from flows import commands
from flows.context import Context
from flows.dates import format_date
from flows.domain import Item, Track
from flows.events import Choice, Reply
from flows.model import Flow, Kind, Option, Registry, Step

if TYPE_CHECKING:
    from flows.engine import Engine

TOOL = "role"
# The guide's twelve roles (Figuur 16), in its order.
ROLES = (
    "initiator",
    "lead",
    "observer",
    "executor",
    "support",
    "adviser",
    "inspirer",
    "spokesperson",
    "knowledge",
    "fundraiser",
    "provider",
    "matchmaker",
)

FLOW = Flow(
    id="roles",
    title="rl-title",
    description="rl-description",
    commands=("rollen", "roles"),
    order=730,
    english_command="roles",
    tool=TOOL,
    tracks=(Track.PILOT,),
    store="draft",
    on_complete="roles_save",
    summary="roles.html.j2",
    steps=(
        Step(
            id="role",
            kind=Kind.CHOICE,
            text="rl-role",
            options=tuple(Option(role, f"rl-role-{role}") for role in ROLES),
        ),
        Step(id="meaning", kind=Kind.TEXT, text="rl-meaning", max_length=500),
    ),
)


def role_name(ctx: Context, item: Item) -> str:
    """The role's name in the reader's language."""
    role = str(item.data.get("role", ""))
    return ctx.plain(f"rl-role-{role}") if role in ROLES else role


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """The roles taken, in the guide's order, with their names and dates for the template."""
    order = {role: index for index, role in enumerate(ROLES)}
    ranked = sorted(
        filter(taken, items), key=lambda i: (order.get(str(i.data.get("role")), 99), i.id)
    )
    return {
        "roles": [
            (
                role_name(ctx, item),
                item,
                format_date(item.created_at.date(), ctx.lang),
                # Only worth a mention when the role changed after it was first recorded.
                format_date(item.updated_at.date(), ctx.lang)
                if item.updated_at > item.created_at
                else "",
            )
            for item in ranked
        ]
    }


def taken(item: Item) -> bool:
    """Whether the role is currently taken (a role let go keeps its record and history)."""
    return item.data.get("active", True) is not False


async def _recorded(ctx: Context) -> list[Item]:
    """Every role ever recorded in the project, taken or let go."""
    assert ctx.project is not None
    return await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)


async def _taken(ctx: Context) -> list[Item]:
    return [item for item in await _recorded(ctx) if taken(item)]


async def save(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Record the role with its meaning; a role taken before gets its meaning updated."""
    assert ctx.project is not None
    role, meaning = str(draft["role"]), str(draft["meaning"])
    # Two members recording the same role at once must not make it twice.
    await ctx.tx.projects.lock(ctx.project.id, ctx.person.id)
    existing = next((i for i in await _recorded(ctx) if i.data.get("role") == role), None)
    name = ctx.plain(f"rl-role-{role}")
    if existing is None or not taken(existing):
        if existing is None:
            existing = await ctx.tx.items.add(ctx.project.id, TOOL, {"role": role}, ctx.person.id)
        else:
            await ctx.tx.items.set_field(existing.id, "active", True, ctx.person.id)
        if existing.data.get("meaning") != meaning:
            await ctx.tx.items.set_field(existing.id, "meaning", meaning, ctx.person.id)
        note = ctx.t("rl-saved", role=name)
    elif existing.data.get("meaning") != meaning:
        await ctx.tx.items.set_field(existing.id, "meaning", meaning, ctx.person.id)
        note = ctx.t("rl-updated", role=name, old=str(existing.data.get("meaning") or ""))
    else:
        note = ctx.t("rl-unchanged", role=name)
    return [Reply(note), *await _overview(ctx)]


async def _overview(ctx: Context) -> list[Reply]:
    """The roles summary with what one can do next."""
    assert ctx.project is not None
    items = await _taken(ctx)
    html = ctx.render(
        FLOW.summary,
        items=items,
        project=ctx.project,
        team=ctx.team,
        lang=ctx.lang,
        t=ctx.t,
        **summary_context(items, ctx),
    )
    rows = [[Choice(ctx.plain("rl-button-another"), f"m:open:{FLOW.id}")]]
    if await _recorded(ctx):
        rows.append(
            [
                Choice(ctx.plain("rl-button-drop"), "t:roles:drops:"),
                Choice(ctx.plain("rl-button-history"), "t:roles:history:"),
            ]
        )
    return [Reply(html, choices=rows), *await commands.announce(ctx, FLOW)]


async def history(ctx: Context) -> Reply:
    """How each role changed over time: its meanings, and when it was let go or taken again."""
    lines = [str(ctx.t("rl-history-title"))]
    for item in await _recorded(ctx):
        lines.append("")
        lines.append(f"<b>{Markup.escape(role_name(ctx, item))}</b>")
        for change in await ctx.tx.items.history(item.id, ctx.person.id):
            if change.field == "meaning":
                what = str(change.new)
            elif change.field == "active":
                what = ctx.plain("rl-history-taken" if change.new else "rl-history-dropped")
            else:
                continue
            when = format_date(change.changed_at.date(), ctx.lang)
            lines.append(
                str(ctx.t("rl-history-line", when=when, who=change.changed_by_name, what=what))
            )
    return Reply("\n".join(lines))


async def button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """Dropping a role (`drops`, then `drop:<item id>`) and showing the history."""
    if ctx.project is None:
        return [commands.no_project(ctx)]
    if action == "history":
        return [await history(ctx)]
    if action == "drops":
        current = await _taken(ctx)
        if not current:
            return [Reply(ctx.t("rl-none"))]
        rows = [[Choice(role_name(ctx, i), f"t:roles:drop:{i.id}")] for i in current]
        return [Reply(ctx.t("rl-pick-drop"), choices=rows)]
    if action == "drop" and payload.isdigit():
        # find() checks that the person belongs to the item's team; the rest that it is a
        # role of the project they are working on, not an item of another tool.
        item = await ctx.tx.items.find(int(payload), ctx.person.id)
        if (
            item is None
            or item.tool != TOOL
            or item.project_id != ctx.project.id
            or not taken(item)  # a double tap lets it go once
        ):
            return [commands.expired(ctx)]
        await ctx.tx.items.set_field(item.id, "active", False, ctx.person.id)
        return [Reply(ctx.t("rl-dropped", role=role_name(ctx, item))), *await _overview(ctx)]
    return [commands.expired(ctx)]


def register(registry: Registry) -> None:
    """Add the roles flow and its buttons."""
    registry.flows[FLOW.id] = FLOW
    registry.actions["roles_save"] = save
    registry.contexts[FLOW.id] = summary_context
    registry.buttons["roles"] = button
