"""The progress board and the assumption map of the test cards (METHOD.md, Tool 14)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flows.context import Context
from flows.criteria import Verdict
from flows.domain import Item
from flows.events import Choice, Drawing, Reply
from flows.testcard import (
    BOARD_COLUMNS,
    CARD_FLOW_ID,
    TOOL,
    Evidence,
    Status,
    card_view,
    cards,
    evidence_of,
    status_of,
)

if TYPE_CHECKING:
    from flows.engine import Engine


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the board, with its cards as the templates and the picture need them."""

    status: str
    label: str
    cards: list[dict[str, Any]]


def board_columns(items: list[Item], ctx: Context) -> list[Column]:
    """The board's four columns; closed tests stay in Learn, marked done."""
    columns: dict[Status, list[dict[str, Any]]] = {status: [] for status in BOARD_COLUMNS}
    for item in items:
        status = status_of(item)
        column = Status.LEARN if status == Status.DONE else status
        columns[column].append(card_view(item, ctx))
    return [
        Column(status.value, ctx.plain(f"tc-status-{status.value}"), columns[status])
        for status in BOARD_COLUMNS
    ]


def board_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Values for the board and summary template."""
    return {"columns": board_columns(items, ctx)}


async def board_picture(items: list[Item], ctx: Context) -> tuple[str, Callable[[], bytes]] | None:
    """The progress board: its file name and the function that draws its PNG."""
    from flows.board_chart import BoardCard, BoardText, board_png

    if not items:
        return None
    columns = [
        (
            column.label,
            [
                BoardCard(
                    card["name"],
                    " · ".join(part for part in (card["owner"], card["deadline"]) if part),
                    card["status"] == Status.DONE.value,
                )
                for card in column.cards
            ],
        )
        for column in board_columns(items, ctx)
    ]
    project = ctx.project.name if ctx.project else ""
    text = BoardText(title=ctx.plain("tc-board-title", project=project), more=ctx.plain("tc-more"))
    filename = "voortgangsbord.png" if ctx.lang == "nl" else "progress-board.png"
    return filename, functools.partial(board_png, columns, text)


async def assumption_picture(
    items: list[Item], ctx: Context
) -> tuple[str, Callable[[], bytes]] | None:
    """The assumption map, importance (criticality) × evidence: file name and PNG drawer."""
    from flows.charts import GridPoint, GridText, stakeholder_grid_png

    evidence_level = {Evidence.NONE: "low", Evidence.SAID: "medium", Evidence.DID: "high"}
    marks = {Verdict.VALIDATED.value: " ✓", Verdict.NOT_VALIDATED.value: " ✗"}
    points = [
        GridPoint(
            str(item.data.get("name", "")) + marks.get(str(item.data.get("verdict")), ""),
            str(item.data["criticality"]),
            evidence_level[evidence_of(item)],
        )
        for item in items
        if item.data.get("criticality") in ("low", "medium", "high")
    ]
    if not points:
        return None
    cells = {
        (importance, evidence): ctx.plain(f"tc-map-{importance}-{evidence}")
        for importance in ("low", "medium", "high")
        for evidence in ("low", "medium", "high")
    }
    project = ctx.project.name if ctx.project else ""
    text = GridText(
        title=ctx.plain("tc-map-title", project=project),
        power_axis=ctx.plain("tc-map-importance"),
        interest_axis=ctx.plain("tc-map-evidence"),
        levels=(ctx.plain("level-low"), ctx.plain("level-medium"), ctx.plain("level-high")),
        columns=(
            ctx.plain("tc-evidence-none"),
            ctx.plain("tc-evidence-said"),
            ctx.plain("tc-evidence-did"),
        ),
        cells=cells,
        empty=ctx.plain("tc-map-empty"),
        more=ctx.plain("tc-more"),
    )
    filename = "aannamekaart.png" if ctx.lang == "nl" else "assumption-map.png"
    return filename, functools.partial(stakeholder_grid_png, points, text)


def _card_choices(items: list[Item]) -> list[list[Choice]]:
    """A button per open card (the newest twelve), two per row, to open it."""
    open_ = [item for item in items if status_of(item) != Status.DONE][-12:]
    buttons = [
        Choice("🧪 " + str(item.data.get("name", ""))[:40], f"t:{TOOL}:show:{item.id}")
        for item in open_
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


async def show_board(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """/bord: where every test stands, as a message (with a button per card) and a PNG."""
    items = await cards(ctx)
    if not items:
        return [
            Reply(
                ctx.t("tc-board-empty"),
                choices=[[Choice(ctx.plain("tc-button-full"), "m:open:testcard")]],
            )
        ]
    replies = await engine.summary(ctx, engine.flow(CARD_FLOW_ID))
    for reply in replies:
        if reply.image is not None or reply.drawing is not None:
            reply.html = str(ctx.t("tc-board-caption"))
    replies[0].choices = [
        *_card_choices(items),
        [Choice(ctx.plain("tc-button-map"), f"t:{TOOL}:map:")],
    ]
    return replies


async def show_map(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """/aannames: the assumption map as a PNG."""
    picture = await assumption_picture(await cards(ctx), ctx)
    if picture is None:
        return [Reply(ctx.t("tc-map-none"))]
    filename, draw = picture
    # Drawn by the engine once the event's transaction has committed.
    return [Reply(ctx.t("tc-map-caption"), drawing=Drawing(filename, draw))]
