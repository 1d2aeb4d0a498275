"""What happens to a test card after it is made: moves on the board, results and verdicts,
learning cards and criteria changes (METHOD.md, Tools 13 and 14)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flows import commands
from flows.context import Context
from flows.criteria import Proposal, Verdict, propose
from flows.domain import Item
from flows.events import Choice, Reply
from flows.i18n import fold
from flows.testcard import (
    LOCKED,
    NEXT_MOVE,
    RESULT_FLOW_ID,
    TOOL,
    Status,
    card_for,
    card_reply,
    cards,
    clean,
    fixed_criteria,
    not_found,
    prefilled,
    status_of,
)

if TYPE_CHECKING:
    from flows.engine import Engine

# The pilot's step 3; suggested once the critical hypotheses are validated.
LEGACY_FLOW = "legacy"

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
        draft.update(prefilled(item))
    if result:
        draft["result"] = result
    replies = await engine.open_flow(ctx, engine.flow(RESULT_FLOW_ID), draft=draft)
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
        return [not_found(ctx, str(draft.get("test", "")))]
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
    replies = [card_reply(item, ctx, lead)]
    if verdict == Verdict.VALIDATED and await ready_to_scale(ctx):
        replies.append(
            Reply(
                ctx.t("tc-ready-to-scale"),
                choices=[[Choice(ctx.plain("tc-button-legacy"), f"m:open:{LEGACY_FLOW}")]],
            )
        )
    return replies


async def ready_to_scale(ctx: Context) -> bool:
    """Whether every highly critical hypothesis is validated and no legacy canvas exists yet.

    The guide scales a pilot (step 3, the legacy canvas) once its critical assumptions hold.
    """
    if ctx.project is None or LEGACY_FLOW not in ctx.registry.flows:
        return False
    if await ctx.tx.items.count(ctx.project.id, ctx.registry.flows[LEGACY_FLOW].tool):
        return False
    cards = await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)
    critical = [card for card in cards if card.data.get("criticality") == "high"]
    return bool(critical) and all(
        card.data.get("verdict") == Verdict.VALIDATED.value for card in critical
    )


# ---------------------------------------------------------------------------------------------
# learning card and criteria changes


async def save_learning(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Attach the learning card; the test can then be closed."""
    item = await card_for(ctx, draft)
    if item is None:
        return [not_found(ctx, str(draft.get("test", "")))]
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
        return [not_found(ctx, str(draft.get("test", "")))]
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
# moving on the board


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
