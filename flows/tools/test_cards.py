"""Test cards, the progress board and learning cards of the pilot track (METHOD.md, Tools 13, 14).

This module declares the tool: its flows, checks, quick entries, commands, buttons and
deadlines. The card itself is in flows/testcard.py, the board and the assumption map in
flows/progress_board.py, and what happens after a card is made (moves, results, verdicts,
learning cards, criteria changes) in flows/testcard_lifecycle.py.

Buttons are `t:testcard:<action>:<card id>`; a reminder (issue #7) can offer "log the result
now" with `t:testcard:result:<card id>`, which opens the result walk for that card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.criteria import Verdict, is_concrete
from flows.dates import parse_date
from flows.domain import Track
from flows.events import Choice, Reply
from flows.model import Flow, Kind, Registry, Step, ToolCommand
from flows.progress_board import board_context, board_picture, show_board, show_map
from flows.testcard import (
    CARD_FLOW_ID,
    CRITERIA_FLOW_ID,
    DETAILS_FLOW_ID,
    FIELDS,
    KINDS,
    LEARNING_FLOW_ID,
    LEVELS,
    LOCKED,
    LONG,
    OPTIONAL,
    QUICK_ORDER,
    RESULT_FLOW_ID,
    SHORT,
    STEMS,
    TOOL,
    Status,
    card_by_id,
    card_deadlines,
    card_for,
    card_reply,
    clean,
    not_found,
    prefilled,
    status_of,
)
from flows.testcard_lifecycle import (
    change_criteria,
    close,
    confirm_verdict,
    log_result,
    move,
    quick_result,
    save_learning,
)

if TYPE_CHECKING:
    from flows.engine import Engine

CARD_FLOW = Flow(
    id=CARD_FLOW_ID,
    title="tc-title",
    description="tc-description",
    commands=("test", "testkaart", "testcard"),
    order=510,
    tool=TOOL,
    store="draft",
    on_complete="testcard_save",
    quick="testcard_quick",
    summary="testcards.html.j2",
    picture="testcard_board",
    tracks=(Track.PILOT,),
    steps=(
        Step(id="name", kind=Kind.TEXT, text="tc-name", max_length=SHORT),
        Step(id="owner", kind=Kind.TEXT, text="tc-owner", max_length=SHORT),
        Step(id="deadline", kind=Kind.DATE, text="tc-deadline", future=True),
        Step(
            id="duration",
            kind=Kind.TEXT,
            text="tc-duration",
            optional=True,
            when="testcard_full",
            max_length=SHORT,
        ),
        Step(
            id="hypothesis",
            kind=Kind.TEXT,
            text="tc-hypothesis",
            check="testcard_filled",
            max_length=LONG,
        ),
        Step(id="criticality", kind=Kind.CHOICE, text="tc-criticality", options=LEVELS),
        Step(id="test", kind=Kind.TEXT, text="tc-test", check="testcard_filled", max_length=LONG),
        Step(id="kind", kind=Kind.CHOICE, text="tc-kind", options=KINDS),
        Step(
            id="cost",
            kind=Kind.CHOICE,
            text="tc-cost",
            options=LEVELS,
            optional=True,
            when="testcard_full",
        ),
        Step(
            id="reliability",
            kind=Kind.CHOICE,
            text="tc-reliability",
            options=LEVELS,
            optional=True,
            when="testcard_full",
        ),
        Step(
            id="metric", kind=Kind.TEXT, text="tc-metric", check="testcard_filled", max_length=LONG
        ),
        Step(
            id="time_needed",
            kind=Kind.TEXT,
            text="tc-time-needed",
            optional=True,
            when="testcard_full",
            max_length=SHORT,
        ),
        Step(
            id="criteria",
            kind=Kind.TEXT,
            text="tc-criteria",
            check="testcard_concrete",
            max_length=LONG,
        ),
    ),
)

# The steps of the small flows below name their card in a first step; a button prefills it
# (and the card's id in "_item"), so from the board only the real question is asked.
TEST_STEP = Step(id="test", kind=Kind.TEXT, text="tc-which-test", max_length=SHORT)

RESULT_FLOW = Flow(
    id=RESULT_FLOW_ID,
    title="tc-result-title",
    description="tc-result-description",
    commands=("resultaat", "result"),
    order=520,
    english_command="result",
    store="draft",
    on_complete="testcard_result",
    quick="testcard_quick_result",
    tracks=(Track.PILOT,),
    steps=(TEST_STEP, Step(id="result", kind=Kind.TEXT, text="tc-result", max_length=LONG)),
)

LEARNING_FLOW = Flow(
    id=LEARNING_FLOW_ID,
    title="tc-learning-title",
    description="tc-learning-description",
    commands=("leerkaart", "learningcard"),
    english_command="learningcard",
    store="draft",
    on_complete="testcard_learning",
    tracks=(Track.PILOT,),
    menu=False,
    steps=(
        TEST_STEP,
        Step(id="believed", kind=Kind.TEXT, text="tc-believed", max_length=LONG),
        Step(id="observed", kind=Kind.TEXT, text="tc-observed", max_length=LONG),
        Step(id="learned", kind=Kind.TEXT, text="tc-learned", max_length=LONG),
        Step(id="will", kind=Kind.TEXT, text="tc-will", max_length=LONG),
    ),
)

CRITERIA_FLOW = Flow(
    id=CRITERIA_FLOW_ID,
    title="tc-criteria-title",
    commands=("criteria",),
    store="draft",
    on_complete="testcard_criteria",
    tracks=(Track.PILOT,),
    menu=False,
    steps=(
        TEST_STEP,
        Step(
            id="criteria",
            kind=Kind.TEXT,
            text="tc-criteria-new",
            check="testcard_concrete",
            max_length=LONG,
        ),
    ),
)

# Completing a quick card's details is its own walk, so that opening it never drops a new
# card someone left half-typed in the card flow.
DETAILS_FLOW = Flow(
    id=DETAILS_FLOW_ID,
    title="tc-details-title",
    commands=("testdetails",),
    store="draft",
    on_complete="testcard_details",
    tracks=(Track.PILOT,),
    menu=False,
    steps=(TEST_STEP, *(step for step in CARD_FLOW.all_steps() if step.id in OPTIONAL)),
)

# ---------------------------------------------------------------------------------------------
# checks


def check_concrete(value: Any, ctx: Context) -> str | None:
    """Criteria must be measurable before the test starts: a number, a share, "6 van de 10"."""
    return None if is_concrete(str(value)) else "tc-criteria-vague"


def check_filled(value: Any, ctx: Context) -> str | None:
    """An answer that is only the guide's sentence opening ("We geloven dat …") says nothing."""
    text = str(value)
    return "tc-stem-only" if any(not clean(field, text) for field in STEMS) else None


def full_walk(draft: dict[str, Any]) -> bool:
    """The optional details (duration, cost, reliability, time) are asked in the full flow only."""
    return not draft.get("_quick")


# ---------------------------------------------------------------------------------------------
# storing cards


async def save_card(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store a finished test card in Backlog and show it."""
    assert ctx.project is not None
    data: dict[str, Any] = {}
    for field in FIELDS:
        value = draft.get(field)
        data[field] = clean(field, value) if isinstance(value, str) else value
    data["status"] = Status.BACKLOG.value
    item = await ctx.tx.items.add(ctx.project.id, TOOL, data, ctx.person.id)
    replies = [card_reply(item, ctx, str(ctx.t("tc-saved", name=data["name"])))]
    replies.extend(await commands.announce(ctx, CARD_FLOW))
    return replies


async def save_details(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Fill in the details a quick entry left open; only empty fields are written."""
    item = await card_for(ctx, draft)
    if item is None:
        return [not_found(ctx, str(draft.get("test", "")))]
    for field in OPTIONAL:
        value = draft.get(field)
        if item.data.get(field) in (None, "") and value not in (None, ""):
            value = clean(field, value) if isinstance(value, str) else value
            item, _ = await ctx.tx.items.set_field(item.id, field, value, ctx.person.id)
    return [card_reply(item, ctx, str(ctx.t("tc-completed")))]


def _quick_part(field: str, text: str, ctx: Context, notes: list[str]) -> tuple[str, str] | None:
    """One part of a quick entry as (field, value), or None (with a note) when it is unclear."""
    if field == "deadline":
        parsed = parse_date(text, today=ctx.today)
        if parsed is None:
            notes.append(str(ctx.t("tc-quick-date-unclear", text=text)))
            return None
        if parsed.value < ctx.today:
            notes.append(str(ctx.t("tc-quick-date-past", text=text)))
            return None
        return field, parsed.value.isoformat()
    limit = SHORT if field in ("name", "owner") else LONG
    if len(text) > limit:
        label = ctx.plain(f"tc-part-{field}")
        notes.append(str(ctx.t("tc-quick-too-long", part=label, max=limit)))
        return None
    if not clean(field, text):
        return None  # only the sentence opening: asked like an empty part
    if field == "criteria" and not is_concrete(text):
        notes.append(str(ctx.t("tc-criteria-vague")))
        return None
    return field, text


async def quick_card(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/test name | hypothesis | test | metric | criteria | owner | deadline` in one message.

    Parts are read by position. What is empty or unclear is asked afterwards, never guessed;
    then the two one-tap questions the quick form has no place for (criticality and kind).
    """
    parts = [part.strip() for part in args.split("|")]
    if len(parts) == 1:
        return [
            Reply(
                ctx.t("tc-quick-no-bars"),
                choices=[[Choice(ctx.plain("tc-button-full"), "m:open:testcard")]],
            )
        ]
    if len(parts) > len(QUICK_ORDER):
        return [Reply(ctx.t("tc-quick-too-many", count=len(parts), max=len(QUICK_ORDER)))]
    notes: list[str] = []
    draft: dict[str, Any] = {"_quick": True}
    for field, text in zip(QUICK_ORDER, parts, strict=False):
        if text:
            read = _quick_part(field, text, ctx, notes)
            if read is not None:
                draft[read[0]] = read[1]
    replies = await engine.open_flow(ctx, CARD_FLOW, draft=draft)
    if notes:
        replies.insert(0, Reply("\n\n".join(notes)))
    return replies


# ---------------------------------------------------------------------------------------------
# buttons


async def button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """The test card's buttons: `t:testcard:<action>:<card id>`; membership is checked again."""
    if ctx.project is None:
        return [commands.no_project(ctx)]
    if action == "board":
        return await show_board(ctx, "", engine)
    if action == "map":
        return await show_map(ctx, "", engine)
    # A reminder's "log the result now" adds the deadline's ref after the id: `<id>:<ref>`.
    item = await card_by_id(ctx, payload.partition(":")[0])
    if item is None:
        return [commands.expired(ctx)]
    if action == "show":
        return [card_reply(item, ctx)]
    if action in (Status.BUILD.value, Status.MEASURE.value):
        return await move(ctx, item, Status(action))
    if action == "result":
        if item.data.get("verdict"):
            return [card_reply(item, ctx, str(ctx.t("tc-result-has-verdict")))]
        return await engine.open_flow(ctx, RESULT_FLOW, draft=prefilled(item))
    if action.startswith("v-") and action[2:] in Verdict.__members__.values():
        return await confirm_verdict(ctx, item, Verdict(action[2:]))
    if action == "learn":
        believed = item.data.get("hypothesis", "")
        return await engine.open_flow(ctx, LEARNING_FLOW, draft=prefilled(item, believed=believed))
    if action == "close":
        return await close(ctx, item)
    if action == "complete":
        known = {f: item.data[f] for f in OPTIONAL if item.data.get(f) not in (None, "")}
        if len(known) == len(OPTIONAL) or status_of(item) == Status.DONE:
            return [commands.expired(ctx)]
        return await engine.open_flow(ctx, DETAILS_FLOW, draft=prefilled(item, **known))
    if action == "criteria":
        if status_of(item) == Status.DONE:
            return [card_reply(item, ctx, str(ctx.t("tc-closed")))]
        replies = await engine.open_flow(ctx, CRITERIA_FLOW, draft=prefilled(item))
        if status_of(item) in LOCKED:
            replies.insert(0, Reply(ctx.t("tc-criteria-warning")))
        return replies
    return [commands.expired(ctx)]


BOARD = ToolCommand(
    id="testcard_board",
    commands=("bord", "board"),
    order=530,
    tracks=(Track.PILOT,),
    english_command="board",
    handler=show_board,
    description="tc-board-description",
)
MAP = ToolCommand(
    id="testcard_map",
    commands=("aannames", "assumptions"),
    order=540,
    tracks=(Track.PILOT,),
    english_command="assumptions",
    handler=show_map,
    description="tc-map-description",
)


def register(registry: Registry) -> None:
    """Add the test card flows, the board and map commands, buttons and deadlines."""
    for flow in (CARD_FLOW, RESULT_FLOW, LEARNING_FLOW, CRITERIA_FLOW, DETAILS_FLOW):
        registry.flows[flow.id] = flow
    registry.checks["testcard_concrete"] = check_concrete
    registry.checks["testcard_filled"] = check_filled
    registry.conditions["testcard_full"] = full_walk
    registry.actions["testcard_save"] = save_card
    registry.actions["testcard_result"] = log_result
    registry.actions["testcard_learning"] = save_learning
    registry.actions["testcard_criteria"] = change_criteria
    registry.actions["testcard_details"] = save_details
    registry.quick["testcard_quick"] = quick_card
    registry.quick["testcard_quick_result"] = quick_result
    registry.contexts[CARD_FLOW.id] = board_context
    registry.pictures["testcard_board"] = board_picture
    registry.commands[BOARD.id] = BOARD
    registry.commands[MAP.id] = MAP
    registry.buttons[TOOL] = button
    registry.deadlines[TOOL] = card_deadlines
