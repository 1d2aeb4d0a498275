"""The legacy canvas of a pilot: legacy statement, constraints, four scaling strategies
(METHOD.md, step 3 of the pilot track and Tool 15)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.dates import format_date
from flows.domain import Item, Track
from flows.events import Choice, Drawing, Reply
from flows.model import Flow, Kind, Registry, Step

if TYPE_CHECKING:
    from flows.engine import Engine

TOOL = "legacy"
STRATEGIES = ("up", "deep", "out", "down")
PARTS = ("statement", "constraints", *STRATEGIES)


def _only(part: str) -> str:
    """The condition's name: ask this part unless a one-part edit names another."""
    return f"legacy_only_{part}"


FLOW = Flow(
    id="legacy",
    title="lg-title",
    description="lg-description",
    commands=("legacy", "legacycanvas"),
    order=610,
    tool=TOOL,
    tracks=(Track.PILOT,),
    store="draft",
    on_complete="legacy_save",
    summary="legacy.html.j2",
    picture="legacy_canvas",
    steps=(
        Step(
            id="statement",
            kind=Kind.TEXT,
            text="lg-statement",
            max_length=300,
            when=_only("statement"),
        ),
        Step(
            id="constraints",
            kind=Kind.TEXT,
            text="lg-constraints",
            max_length=1500,
            when=_only("constraints"),
        ),
        *(
            Step(
                id=part,
                kind=Kind.TEXT,
                text=f"lg-{part}",
                optional=True,  # the guide: choose the strategies that fit, not all four
                max_length=1500,
                when=_only(part),
            )
            for part in STRATEGIES
        ),
    ),
)


def _condition(part: str) -> Any:
    def applies(data: dict[str, Any]) -> bool:
        return data.get("_only") in (None, part)

    return applies


async def canvas(ctx: Context) -> Item | None:
    """The project's legacy canvas, if the team made one."""
    assert ctx.project is not None
    items = await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)
    return items[0] if items else None


async def save(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store the walked answers on the project's one canvas, field by field (history kept)."""
    assert ctx.project is not None
    # Two members finishing their first canvas at the same moment must not make two.
    await ctx.tx.projects.lock(ctx.project.id, ctx.person.id)
    item = await canvas(ctx) or await ctx.tx.items.add(ctx.project.id, TOOL, {}, ctx.person.id)
    whole = "_only" not in draft
    for part in PARTS:
        if whole and draft.get(part) is None and item.data.get(part):
            # Skipping a strategy on a new walk through a saved canvas keeps its actions;
            # clearing one is done by changing just that part and skipping it there.
            continue
        if part in draft and draft[part] != item.data.get(part):
            item, _ = await ctx.tx.items.set_field(item.id, part, draft[part], ctx.person.id)
    replies = [Reply(ctx.t("lg-saved")), *await canvas_replies(ctx, item)]
    replies[-1].choices = _after(ctx)
    replies.extend(await commands.announce(ctx, FLOW))
    return replies


def _after(ctx: Context) -> list[list[Choice]]:
    return [
        [Choice(ctx.plain("lg-button-edit"), "t:legacy:parts:")],
        [Choice(ctx.plain("button-summary"), f"m:summary:{FLOW.id}")],
    ]


def lines(value: Any) -> list[str]:
    """A free-text answer as its non-empty lines (one action per line), bullets stripped."""
    if not isinstance(value, str):
        return []
    return [line.strip().lstrip("-•*").strip() for line in value.splitlines() if line.strip()]


def label(ctx: Context, part: str) -> str:
    """The short name of a part of the canvas, e.g. "Scaling up"."""
    return commands.field_label(ctx, FLOW.step(part))


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """The canvas's parts for the summary template."""
    item = items[0] if items else None
    data = item.data if item else {}
    return {
        "canvas": item,
        "statement": data.get("statement") or "",
        "constraints": lines(data.get("constraints")),
        "strategies": [(label(ctx, part), lines(data.get(part))) for part in STRATEGIES],
        "updated": format_date(item.updated_at.date(), ctx.lang) if item else "",
    }


async def canvas_replies(ctx: Context, item: Item) -> list[Reply]:
    """The canvas as a message and as a picture."""
    assert ctx.project is not None
    html = ctx.render(
        FLOW.summary,
        items=[item],
        project=ctx.project,
        team=ctx.team,
        lang=ctx.lang,
        t=ctx.t,
        **summary_context([item], ctx),
    )
    replies = [Reply(html)]
    picture = await canvas_picture([item], ctx)
    if picture is not None:
        filename, draw = picture
        caption = ctx.t("picture-caption", flow=ctx.plain(FLOW.title))
        replies.append(Reply(caption, drawing=Drawing(filename, draw)))
    return replies


async def canvas_picture(items: list[Item], ctx: Context) -> tuple[str, Callable[[], bytes]] | None:
    """The canvas laid out like the paper one: its file name and the function drawing it."""
    from flows.legacy_chart import CanvasBlock, CanvasText, legacy_canvas_png

    if not items:
        return None
    data = items[0].data

    def block(part: str) -> CanvasBlock:
        return CanvasBlock(label(ctx, part), "\n".join(lines(data.get(part))))

    up, deep, out, down = (block(part) for part in STRATEGIES)
    text = CanvasText(
        title=ctx.plain("lg-picture-title", project=ctx.project.name if ctx.project else ""),
        statement=block("statement"),
        strategies=(up, deep, out, down),
        constraints=block("constraints"),
        empty=ctx.plain("lg-picture-empty"),
    )
    return "legacy-canvas.png", functools.partial(legacy_canvas_png, text)


async def button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """`t:legacy:parts:` lists the parts; `t:legacy:part:<part>` re-asks just that one."""
    if ctx.project is None:
        return [commands.no_project(ctx)]
    item = await canvas(ctx)  # checks that the person belongs to the project's team
    if item is None:
        return [Reply(ctx.t("lg-no-canvas"))]
    if action == "parts":
        rows = [[Choice(label(ctx, part), f"t:legacy:part:{part}")] for part in PARTS]
        return [Reply(ctx.t("lg-pick-part"), choices=rows)]
    if action == "part" and payload in PARTS:
        return await engine.open_flow(ctx, FLOW, draft={"_only": payload})
    return [commands.expired(ctx)]


def register(registry: Registry) -> None:
    """Add the legacy canvas and its named functions."""
    registry.flows[FLOW.id] = FLOW
    registry.actions["legacy_save"] = save
    registry.pictures["legacy_canvas"] = canvas_picture
    registry.contexts[FLOW.id] = summary_context
    registry.buttons["legacy"] = button
    for part in PARTS:
        registry.conditions[_only(part)] = _condition(part)
