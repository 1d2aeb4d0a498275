"""Test cards, the progress board and learning cards of the pilot track (METHOD.md, Tools 13, 14).

A test card is one Item of tool "testcard". It moves Backlog → Build → Measure → Learn on the
progress board and is closed ("done") only with a learning card. Its criteria are fixed before
the test runs: once it is in Measure, a change is kept visibly on the card, with the old text,
who changed it and when. Results are compared with the criteria numerically where possible;
the bot proposes a verdict and the team confirms it.

Buttons are `t:testcard:<action>:<card id>`; a reminder (issue #7) can offer "log the result
now" with `t:testcard:result:<card id>`, which opens the result walk for that card.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.criteria import Proposal, Verdict, is_concrete, propose
from flows.dates import format_date, parse_date
from flows.domain import Item, Track
from flows.events import Attachment, Choice, Reply
from flows.i18n import fold
from flows.model import Deadline, Flow, Kind, Option, Registry, Step, ToolCommand

if TYPE_CHECKING:
    from flows.engine import Engine

TOOL = "testcard"


class Status(StrEnum):
    """Where a test stands on the progress board; DONE is a closed Learn."""

    BACKLOG = "backlog"
    BUILD = "build"
    MEASURE = "measure"
    LEARN = "learn"
    DONE = "done"


BOARD_COLUMNS = (Status.BACKLOG, Status.BUILD, Status.MEASURE, Status.LEARN)
# From Measure on, the criteria are fixed: a change is kept visibly.
LOCKED = frozenset({Status.MEASURE, Status.LEARN, Status.DONE})
# The button that moves a card one column on; Measure → Learn goes through a logged result.
NEXT_MOVE = {Status.BACKLOG: Status.BUILD, Status.BUILD: Status.MEASURE}


class Evidence(StrEnum):
    """How strong the evidence behind a hypothesis is (the assumption map's x axis)."""

    NONE = "none"
    SAID = "said"
    DID = "did"


# The guide's test families (METHOD.md, step 2): what people say versus what they do.
KIND_EVIDENCE: dict[str, Evidence] = {
    "landing": Evidence.DID,
    "ads": Evidence.DID,
    "interviews": Evidence.SAID,
    "survey": Evidence.SAID,
    "preorder": Evidence.DID,
    "crowdfunding": Evidence.DID,
    "ab_test": Evidence.DID,
    "focus_group": Evidence.SAID,
    # Unknown kinds count as the weaker evidence: we cannot claim people acted.
    "other": Evidence.SAID,
}
LEVELS = (
    Option("low", "level-low"),
    Option("medium", "level-medium"),
    Option("high", "level-high"),
)
KINDS = tuple(Option(kind, f"tc-kind-{kind}") for kind in KIND_EVIDENCE)

# The card's fields, in the order the guide's card reads; the stored card holds all of them.
FIELDS = (
    "name",
    "owner",
    "deadline",
    "duration",
    "hypothesis",
    "criticality",
    "test",
    "kind",
    "cost",
    "reliability",
    "metric",
    "time_needed",
    "criteria",
)
# Details the quick form leaves out; a card's "complete" button asks them afterwards.
OPTIONAL = ("duration", "cost", "reliability", "time_needed")
# The quick form, in the order a person says it: `/test name | hypothesis | test | … `.
QUICK_ORDER = ("name", "hypothesis", "test", "metric", "criteria", "owner", "deadline")
SHORT, LONG = 100, 500

# The guide's sentence openings, which people often type along; the card stores what follows.
STEMS: dict[str, tuple[str, ...]] = {
    "hypothesis": ("we geloven dat", "we believe that"),
    "test": (
        "om dit te verifieren, zullen we",
        "om dit te verifieren zullen we",
        "to verify this, we will",
        "to verify this we will",
    ),
    "metric": ("en meten", "and measure"),
    "criteria": ("we zijn correct als", "we are right if"),
}  # fmt: skip
_ELLIPSIS = re.compile(r"^(?:…|\.\.\.)\s*|\s*(?:…|\.\.\.)$")

CARD_FLOW = Flow(
    id="testcard",
    title="tc-title",
    description="tc-description",
    commands=("test", "testkaart", "testcard"),
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
    id="testcard_result",
    title="tc-result-title",
    description="tc-result-description",
    commands=("resultaat", "result"),
    english_command="result",
    store="draft",
    on_complete="testcard_result",
    quick="testcard_quick_result",
    tracks=(Track.PILOT,),
    steps=(TEST_STEP, Step(id="result", kind=Kind.TEXT, text="tc-result", max_length=LONG)),
)

LEARNING_FLOW = Flow(
    id="testcard_learning",
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
    id="testcard_criteria",
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
    id="testcard_details",
    title="tc-details-title",
    commands=("testdetails",),
    store="draft",
    on_complete="testcard_details",
    tracks=(Track.PILOT,),
    menu=False,
    steps=(TEST_STEP, *(step for step in CARD_FLOW.all_steps() if step.id in OPTIONAL)),
)

# ---------------------------------------------------------------------------------------------
# reading and checking answers


def clean(field: str, text: str) -> str:
    """An answer without the guide's sentence opening or a trailing ellipsis people type along."""
    value = " ".join(text.split())
    for stem in STEMS.get(field, ()):
        if fold(value).startswith(stem):
            value = value[len(stem) :].lstrip(" ,:")
            break
    return _ELLIPSIS.sub("", value).strip()


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


def status_of(item: Item) -> Status:
    """The card's column (Backlog for a card without one)."""
    try:
        return Status(item.data.get("status", Status.BACKLOG))
    except ValueError:
        return Status.BACKLOG


def evidence_of(item: Item) -> Evidence:
    """What the evidence is: none until a result is in, then what the kind of test measures."""
    if not item.data.get("result"):
        return Evidence.NONE
    return KIND_EVIDENCE.get(str(item.data.get("kind")), Evidence.SAID)


def fixed_criteria(item: Item) -> str:
    """The criteria as fixed when the test started: the text before any change made later."""
    changes = item.data.get("criteria_changes") or []
    return str(changes[0].get("old", "")) if changes else str(item.data.get("criteria", ""))


def deadline_of(item: Item) -> date | None:
    """The card's deadline as a date, if it has a valid one."""
    try:
        return date.fromisoformat(str(item.data.get("deadline")))
    except ValueError:
        return None


def card_deadlines(item: Item) -> list[Deadline]:
    """The test's deadline, for reminders that ask its owner for the result."""
    due = deadline_of(item)
    if due is None:
        return []
    done = status_of(item) in (Status.LEARN, Status.DONE)
    return [
        Deadline(
            ref="deadline",
            due=due,
            label=str(item.data.get("name", "")),
            owner=str(item.data.get("owner") or ""),
            done=done,
            result=True,
        )
    ]


# ---------------------------------------------------------------------------------------------
# showing a card


def _label(ctx: Context, options: tuple[Option, ...], value: Any) -> str:
    for option in options:
        if option.value == value:
            return ctx.plain(option.label)
    return ""


def card_view(item: Item, ctx: Context) -> dict[str, Any]:
    """A card's values as a person reads them, for the templates."""
    data = item.data
    due = deadline_of(item)
    status = status_of(item)
    changes = [
        {
            "old": change.get("old", ""),
            "by": change.get("by", ""),
            "at": format_date(date.fromisoformat(str(change.get("at", ""))[:10]), ctx.lang),
        }
        for change in data.get("criteria_changes", [])
    ]
    verdict = data.get("verdict")
    return {
        "id": item.id,
        "name": data.get("name", ""),
        "owner": data.get("owner") or "",
        "deadline": format_date(due, ctx.lang) if due else "",
        "duration": data.get("duration") or "",
        "hypothesis": data.get("hypothesis", ""),
        "criticality": _label(ctx, LEVELS, data.get("criticality")),
        "test": data.get("test", ""),
        "kind": _label(ctx, KINDS, data.get("kind")),
        "cost": _label(ctx, LEVELS, data.get("cost")),
        "reliability": _label(ctx, LEVELS, data.get("reliability")),
        "metric": data.get("metric", ""),
        "time_needed": data.get("time_needed") or "",
        "criteria": data.get("criteria", ""),
        "locked": status in LOCKED,
        "changes": changes,
        "status": status.value,
        "status_label": ctx.plain(f"tc-status-{status.value}"),
        "result": data.get("result") or "",
        "verdict": ctx.plain(f"tc-verdict-{verdict}") if verdict else "",
        "learning": data.get("learning") or {},
        "created_by": item.created_by_name,
        "verdict_by": data.get("verdict_by") or "",
    }


def render_card(item: Item, ctx: Context) -> str:
    """One test card as Telegram HTML."""
    return ctx.render("testcard.html.j2", card=card_view(item, ctx), t=ctx.t)


def card_buttons(item: Item, ctx: Context) -> list[list[Choice]]:
    """What can be done with a card where it stands."""
    status = status_of(item)
    rows: list[list[Choice]] = []
    target = NEXT_MOVE.get(status)
    if target is not None:
        label = ctx.plain("tc-button-move", column=ctx.plain(f"tc-status-{target.value}"))
        rows.append([Choice(label, f"t:{TOOL}:{target.value}:{item.id}")])
    if status in (Status.BUILD, Status.MEASURE) and not item.data.get("verdict"):
        rows.append([Choice(ctx.plain("tc-button-result"), f"t:{TOOL}:result:{item.id}")])
    if status == Status.LEARN:
        rows.append(
            [
                Choice(ctx.plain("tc-button-learning"), f"t:{TOOL}:learn:{item.id}"),
                Choice(ctx.plain("tc-button-close"), f"t:{TOOL}:close:{item.id}"),
            ]
        )
    if status != Status.DONE:
        row = [Choice(ctx.plain("tc-button-criteria"), f"t:{TOOL}:criteria:{item.id}")]
        if any(item.data.get(field) in (None, "") for field in OPTIONAL):
            row.append(Choice(ctx.plain("tc-button-complete"), f"t:{TOOL}:complete:{item.id}"))
        rows.append(row)
    rows.append([Choice(ctx.plain("tc-button-board"), f"t:{TOOL}:board:")])
    return rows


def card_reply(item: Item, ctx: Context, lead: str = "") -> Reply:
    """A card with its buttons, optionally after a sentence saying what just happened."""
    body = render_card(item, ctx)
    return Reply(f"{lead}\n\n{body}" if lead else body, choices=card_buttons(item, ctx))


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
        return [_not_found(ctx, str(draft.get("test", "")))]
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
# finding a card


async def cards(ctx: Context) -> list[Item]:
    """The active project's test cards, oldest first."""
    assert ctx.project is not None
    return await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)


async def card_by_id(ctx: Context, payload: Any) -> Item | None:
    """A card by id; membership is checked by the repository (AccessDenied for outsiders)."""
    if not str(payload).isdigit():
        return None
    item = await ctx.tx.items.find(int(str(payload)), ctx.person.id)
    return item if item is not None and item.tool == TOOL else None


async def card_for(ctx: Context, draft: dict[str, Any]) -> Item | None:
    """The card a small flow is about: by the id a button gave, else by the name typed."""
    if draft.get("_item") is not None:
        return await card_by_id(ctx, draft["_item"])
    wanted = fold(str(draft.get("test", "")))
    found = [item for item in await cards(ctx) if fold(item.data.get("name", "")) == wanted]
    return found[-1] if found else None


def _not_found(ctx: Context, name: str) -> Reply:
    return Reply(
        ctx.t("tc-not-found", name=name),
        choices=[[Choice(ctx.plain("tc-button-board"), f"t:{TOOL}:board:")]],
    )


def _prefilled(item: Item, **extra: Any) -> dict[str, Any]:
    return {"_item": item.id, "test": item.data.get("name", ""), **extra}


# ---------------------------------------------------------------------------------------------
# the board


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


async def board_picture(items: list[Item], ctx: Context) -> tuple[str, bytes] | None:
    """The progress board as a PNG, rendered off the event loop."""
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
    data = await asyncio.to_thread(board_png, columns, text)
    return ("voortgangsbord.png" if ctx.lang == "nl" else "progress-board.png"), data


async def assumption_picture(items: list[Item], ctx: Context) -> tuple[str, bytes] | None:
    """The assumption map: importance (criticality) × evidence, as a PNG."""
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
    data = await asyncio.to_thread(stakeholder_grid_png, points, text)
    return ("aannamekaart.png" if ctx.lang == "nl" else "assumption-map.png"), data


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
    replies = await engine.summary(ctx, CARD_FLOW)
    for reply in replies:
        if reply.image is not None:
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
    filename, data = picture
    return [
        Reply(
            ctx.t("tc-map-caption"),
            image=Attachment(filename, data, "image/png"),
        )
    ]


# ---------------------------------------------------------------------------------------------
# results and verdicts


async def quick_result(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/resultaat <test> 7 van de 10 …`: the card is the longest test name the text starts with.

    With `|` the name and the result are split explicitly. When no card matches, the result is
    kept and the name is asked for.
    """
    items = await cards(ctx)
    name, bar, rest = args.partition("|")
    item: Item | None = None
    result = ""
    if bar:
        item = next(
            (i for i in reversed(items) if fold(i.data.get("name", "")) == fold(name)), None
        )
        result = rest.strip()
    else:
        text = args.strip()
        # Longest name first; among equal names the newest card (a stable reverse sort).
        newest_first = list(reversed(items))
        by_length = sorted(
            newest_first, key=lambda i: len(str(i.data.get("name", ""))), reverse=True
        )
        for candidate in by_length:
            wanted = str(candidate.data.get("name", ""))
            head, tail = text[: len(wanted)], text[len(wanted) :]
            # The name must end at a word boundary: "Test 1" is not the start of "Test 12 …".
            if wanted and fold(head) == fold(wanted) and not tail[:1].isalnum():
                item = candidate
                result = tail.strip(" :-–")
                break
        else:
            result = text
    draft: dict[str, Any] = {}
    if item is not None:
        draft.update(_prefilled(item))
    if result:
        draft["result"] = result
    replies = await engine.open_flow(ctx, RESULT_FLOW, draft=draft)
    if item is None:
        replies.insert(0, Reply(ctx.t("tc-result-which")))
    return replies


def _proposal_text(ctx: Context, proposal: Proposal) -> str:
    """Why the bot proposes this verdict: the two numbers, or that it could not compare."""
    if proposal.verdict == Verdict.UNCLEAR or not (proposal.observed and proposal.wanted):
        return str(ctx.t("tc-compare-unclear"))
    return str(
        ctx.t(
            "tc-compare",
            observed=proposal.observed.show(),
            wanted=proposal.wanted.show(),
            op=proposal.wanted.op.replace(">=", "≥").replace("<=", "≤"),
        )
    )


async def log_result(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store a result, lock the criteria, and propose a verdict for the team to confirm."""
    item = await card_for(ctx, draft)
    if item is None:
        return [_not_found(ctx, str(draft.get("test", "")))]
    if item.data.get("verdict"):
        return [card_reply(item, ctx, str(ctx.t("tc-result-has-verdict")))]
    result = clean("result", str(draft.get("result", "")))
    # Logging a result means the test ran: from here on its criteria count as fixed.
    if status_of(item) not in LOCKED:
        await ctx.tx.items.set_field(item.id, "status", Status.MEASURE.value, ctx.person.id)
    # Judge by the criteria as they were fixed before the test ran, not as later changed.
    fixed = fixed_criteria(item)
    proposal = propose(fixed, result)
    await ctx.tx.items.set_field(item.id, "result", result, ctx.person.id)
    item, _ = await ctx.tx.items.set_field(
        item.id, "proposed", proposal.verdict.value, ctx.person.id
    )
    lines = [
        str(ctx.t("tc-result-logged", name=item.data.get("name", ""))),
        str(ctx.t("tc-result-versus", result=result, criteria=fixed)),
        _proposal_text(ctx, proposal),
        str(ctx.t("tc-verdict-proposed", verdict=ctx.plain(f"tc-verdict-{proposal.verdict}"))),
    ]
    buttons = [
        Choice(
            ("👉 " if verdict == proposal.verdict else "") + ctx.plain(f"tc-verdict-{verdict}"),
            f"t:{TOOL}:v-{verdict.value}:{item.id}",
        )
        for verdict in Verdict
    ]
    return [Reply("\n\n".join(lines), choices=[[button] for button in buttons])]


async def confirm_verdict(ctx: Context, item: Item, verdict: Verdict) -> list[Reply]:
    """The team's verdict: the card goes to Learn, with the guide's next step."""
    if not item.data.get("result"):
        return [commands.expired(ctx)]
    current = item.data.get("verdict")
    if current == verdict.value:
        return [card_reply(item, ctx, str(ctx.t("tc-verdict-already")))]
    if current or status_of(item) == Status.DONE:
        return [card_reply(item, ctx, str(ctx.t("tc-result-has-verdict")))]
    await ctx.tx.items.set_field(item.id, "verdict", verdict.value, ctx.person.id)
    await ctx.tx.items.set_field(item.id, "verdict_by", ctx.person.display_name, ctx.person.id)
    item, _ = await ctx.tx.items.set_field(item.id, "status", Status.LEARN.value, ctx.person.id)
    lead = "\n\n".join(
        [
            str(ctx.t("tc-verdict-set", verdict=ctx.plain(f"tc-verdict-{verdict}"))),
            str(ctx.t(f"tc-next-{verdict.value}")),
        ]
    )
    return [card_reply(item, ctx, lead)]


# ---------------------------------------------------------------------------------------------
# learning card and criteria changes


async def save_learning(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Attach the learning card; the test can then be closed."""
    item = await card_for(ctx, draft)
    if item is None:
        return [_not_found(ctx, str(draft.get("test", "")))]
    learning = {
        key: " ".join(str(draft.get(key, "")).split())
        for key in ("believed", "observed", "learned", "will")
    }
    item, _ = await ctx.tx.items.set_field(item.id, "learning", learning, ctx.person.id)
    return [card_reply(item, ctx, str(ctx.t("tc-learning-saved")))]


async def change_criteria(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """New criteria; once the test is in Measure, the old text stays visible with who and when."""
    item = await card_for(ctx, draft)
    if item is None:
        return [_not_found(ctx, str(draft.get("test", "")))]
    if status_of(item) == Status.DONE:
        return [card_reply(item, ctx, str(ctx.t("tc-closed")))]
    new = clean("criteria", str(draft.get("criteria", "")))
    old = str(item.data.get("criteria", ""))
    if new == old:
        return [card_reply(item, ctx, str(ctx.t("tc-criteria-same")))]
    locked = status_of(item) in LOCKED
    item, _ = await ctx.tx.items.set_field(item.id, "criteria", new, ctx.person.id)
    if locked:
        changes = [
            *item.data.get("criteria_changes", []),
            {"old": old, "by": ctx.person.display_name, "at": item.updated_at.isoformat()},
        ]
        item, _ = await ctx.tx.items.set_field(item.id, "criteria_changes", changes, ctx.person.id)
    key = "tc-criteria-changed-locked" if locked else "tc-criteria-changed"
    return [card_reply(item, ctx, str(ctx.t(key)))]


# ---------------------------------------------------------------------------------------------
# buttons


async def move(ctx: Context, item: Item, target: Status) -> list[Reply]:
    """Move a card one column on; pressing the same button twice moves it once."""
    status = status_of(item)
    if status == target:
        return [
            card_reply(
                item,
                ctx,
                str(ctx.t("tc-already-there", column=ctx.plain(f"tc-status-{target.value}"))),
            )
        ]
    if NEXT_MOVE.get(status) != target:
        return [commands.expired(ctx)]
    item, _ = await ctx.tx.items.set_field(item.id, "status", target.value, ctx.person.id)
    lead = str(
        ctx.t(
            "tc-moved",
            name=item.data.get("name", ""),
            column=ctx.plain(f"tc-status-{target.value}"),
        )
    )
    if target == Status.MEASURE:
        lead += "\n" + str(ctx.t("tc-criteria-locked"))
    return [card_reply(item, ctx, lead)]


async def close(ctx: Context, item: Item) -> list[Reply]:
    """Learn → done, only with a learning card."""
    status = status_of(item)
    if status == Status.DONE:
        return [card_reply(item, ctx, str(ctx.t("tc-closed")))]
    if status != Status.LEARN:
        return [commands.expired(ctx)]
    if not item.data.get("learning"):
        return [
            Reply(
                ctx.t("tc-close-needs-learning"),
                choices=[[Choice(ctx.plain("tc-button-learning"), f"t:{TOOL}:learn:{item.id}")]],
            )
        ]
    item, _ = await ctx.tx.items.set_field(item.id, "status", Status.DONE.value, ctx.person.id)
    return [card_reply(item, ctx, str(ctx.t("tc-closed-now", name=item.data.get("name", ""))))]


async def button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """The test card's buttons: `t:testcard:<action>:<card id>`; membership is checked again."""
    if ctx.project is None:
        return [commands.no_project(ctx)]
    if action == "board":
        return await show_board(ctx, "", engine)
    if action == "map":
        return await show_map(ctx, "", engine)
    item = await card_by_id(ctx, payload)
    if item is None:
        return [commands.expired(ctx)]
    if action == "show":
        return [card_reply(item, ctx)]
    if action in (Status.BUILD.value, Status.MEASURE.value):
        return await move(ctx, item, Status(action))
    if action == "result":
        if item.data.get("verdict"):
            return [card_reply(item, ctx, str(ctx.t("tc-result-has-verdict")))]
        return await engine.open_flow(ctx, RESULT_FLOW, draft=_prefilled(item))
    if action.startswith("v-") and action[2:] in Verdict.__members__.values():
        return await confirm_verdict(ctx, item, Verdict(action[2:]))
    if action == "learn":
        believed = item.data.get("hypothesis", "")
        return await engine.open_flow(ctx, LEARNING_FLOW, draft=_prefilled(item, believed=believed))
    if action == "close":
        return await close(ctx, item)
    if action == "complete":
        known = {f: item.data[f] for f in OPTIONAL if item.data.get(f) not in (None, "")}
        if len(known) == len(OPTIONAL) or status_of(item) == Status.DONE:
            return [commands.expired(ctx)]
        return await engine.open_flow(ctx, DETAILS_FLOW, draft=_prefilled(item, **known))
    if action == "criteria":
        if status_of(item) == Status.DONE:
            return [card_reply(item, ctx, str(ctx.t("tc-closed")))]
        replies = await engine.open_flow(ctx, CRITERIA_FLOW, draft=_prefilled(item))
        if status_of(item) in LOCKED:
            replies.insert(0, Reply(ctx.t("tc-criteria-warning")))
        return replies
    return [commands.expired(ctx)]


BOARD = ToolCommand(
    id="testcard_board",
    commands=("bord", "board"),
    english_command="board",
    handler=show_board,
    description="tc-board-description",
)
MAP = ToolCommand(
    id="testcard_map",
    commands=("aannames", "assumptions"),
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
