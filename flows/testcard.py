"""A test card's data and how it reads (METHOD.md, Tool 13); the tool is flows/tools/test_cards.py.

A test card is one Item of tool "testcard". It moves Backlog → Build → Measure → Learn on the
progress board and is closed ("done") only with a learning card. Its criteria are fixed before
the test runs: once it is in Measure, a change is kept visibly on the card, with the old text,
who changed it and when.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any

from flows.context import Context
from flows.dates import format_date, stored_date
from flows.domain import Item
from flows.events import Choice, Reply
from flows.i18n import fold
from flows.model import Deadline, Option

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

# The flows of the tool (flows/tools/test_cards.py), opened by id from the modules around it.
CARD_FLOW_ID = "testcard"
RESULT_FLOW_ID = "testcard_result"
LEARNING_FLOW_ID = "testcard_learning"
CRITERIA_FLOW_ID = "testcard_criteria"
DETAILS_FLOW_ID = "testcard_details"


def clean(field: str, text: str) -> str:
    """An answer without the guide's sentence opening or a trailing ellipsis people type along."""
    value = " ".join(text.split())
    for stem in STEMS.get(field, ()):
        if fold(value).startswith(stem):
            value = value[len(stem) :].lstrip(" ,:")
            break
    return _ELLIPSIS.sub("", value).strip()


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
    return stored_date(item.data.get("deadline"))


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


def not_found(ctx: Context, name: str) -> Reply:
    """The named card is not in this project: say so, with the board at hand."""
    return Reply(
        ctx.t("tc-not-found", name=name),
        choices=[[Choice(ctx.plain("tc-button-board"), f"t:{TOOL}:board:")]],
    )


def prefilled(item: Item, **extra: Any) -> dict[str, Any]:
    """A small walk's draft naming its card, so only the real question is asked."""
    return {"_item": item.id, "test": item.data.get("name", ""), **extra}
