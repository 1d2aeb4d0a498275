"""Dot voting on the actions (METHOD.md, Phase 2 step 3: converging, "choosing together").

The coordinator opens a round and sets how many dots each member has. Members vote with a
native poll (several answers allowed) in the team's group chat or in their private chat; on
transports without polls the same ballot is a list of numbered buttons. Each member's choice
is stored on the round as its own field ("votes.<person id>"), so simultaneous votes never
overwrite each other; after every vote the totals are written onto the actions ("dots").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from flows import commands
from flows.charts import shorten
from flows.context import Context
from flows.domain import Item, Role, Track
from flows.events import Choice, Poll, Reply
from flows.model import Registry, ToolCommand
from flows.tools.actions import TOOL as ACTION
from flows.tools.impact import action_quadrant

if TYPE_CHECKING:
    from flows.engine import Engine

ROUND = "dotround"
MAX_OPTIONS = 10  # Telegram polls take 2-10 options
MAX_DOTS = 5
_ORDER = {"quick_win": 0, "big_bet": 1, "fill_in": 2, "time_sink": 3, None: 4}


async def open_round(ctx: Context) -> Item | None:
    """The project's round that is still open, if any."""
    assert ctx.project is not None
    rounds = await ctx.tx.items.list(ctx.project.id, ROUND, ctx.person.id)
    return next((r for r in reversed(rounds) if r.data.get("open")), None)


def votes(round_: Item) -> dict[str, list[int]]:
    """Every member's chosen options, by person id."""
    return {
        key.split(".", 1)[1]: list(value)
        for key, value in round_.data.items()
        if key.startswith("votes.") and value
    }


def totals(round_: Item) -> list[int]:
    """Dots per option."""
    counts = [0] * len(round_.data.get("options", []))
    for chosen in votes(round_).values():
        for option in chosen:
            if 0 <= option < len(counts):
                counts[option] += 1
    return counts


async def vote(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """/stemmen: the ballot of the open round, or (coordinator) start one."""
    assert ctx.project is not None and ctx.team is not None
    current = await open_round(ctx)
    coordinator = await ctx.tx.teams.role_of(ctx.team.id, ctx.person.id) == Role.COORDINATOR
    if current is not None:
        return ballot(ctx, current, manage=coordinator)
    if not coordinator:
        return [Reply(ctx.t("dots-no-round"))]
    row = [Choice(str(n), f"t:dots:start:{n}") for n in range(1, MAX_DOTS + 1)]
    return [Reply(ctx.t("dots-how-many"), choices=[row])]


def ballot(ctx: Context, round_: Item, *, manage: bool = False) -> list[Reply]:
    """The ballot (a native poll, numbered buttons where there are no polls) and its menu."""
    options = [str(o["name"]) for o in round_.data.get("options", [])]
    dots = int(round_.data.get("dots", 1))
    mine = set(round_.data.get(f"votes.{ctx.person.id}") or [])
    rows = [
        [
            Choice(
                ("✓ " if number in mine else "") + f"{number + 1}. {shorten(name, 40)}",
                f"t:dots:toggle:{round_.id}:{number}",
            )
        ]
        for number, name in enumerate(options)
    ]
    listing = "\n".join(f"{n + 1}. {name}" for n, name in enumerate(options))
    menu = [[Choice(ctx.plain("dots-button-results"), f"t:dots:results:{round_.id}")]]
    if manage:
        menu.append([Choice(ctx.plain("dots-button-close"), f"t:dots:close:{round_.id}")])
    return [
        Reply(
            ctx.t("dots-ballot", dots=dots, options=listing, chosen=len(mine)),
            choices=rows,
            poll=_poll(ctx, round_),
        ),
        Reply(ctx.t("dots-menu"), choices=menu),
    ]


def _poll(ctx: Context, round_: Item, lang: str | None = None) -> Poll:
    dots = int(round_.data.get("dots", 1))
    return Poll(
        question=ctx.translator.plain(lang or ctx.lang, "dots-question", dots=dots),
        options=tuple(shorten(str(o["name"]), 100) for o in round_.data.get("options", [])),
        value=f"dots:{round_.id}",
        multiple=dots > 1,
    )


async def start(ctx: Context, dots: int) -> list[Reply]:
    """Open a round over the actions still to decide on, the best scored first."""
    assert ctx.project is not None and ctx.team is not None
    await ctx.tx.teams.require_coordinator(ctx.team.id, ctx.person.id)
    await ctx.tx.projects.lock(ctx.project.id, ctx.person.id)  # one round, even on a double tap
    current = await open_round(ctx)
    if current is not None:
        return ballot(ctx, current, manage=True)
    actions = [
        a
        for a in await ctx.tx.items.list(ctx.project.id, ACTION, ctx.person.id)
        if a.data.get("status", "idea") in ("idea", "planned")
    ]
    if len(actions) < 2:
        return [Reply(ctx.t("dots-too-few"))]
    actions.sort(key=lambda a: (_ORDER[action_quadrant(a)], a.id))
    chosen = actions[:MAX_OPTIONS]
    data: dict[str, Any] = {
        "name": ctx.plain("dots-round-name"),
        "dots": dots,
        "open": True,
        "options": [{"action": a.id, "name": a.data.get("name", "")} for a in chosen],
    }
    round_ = await ctx.tx.items.add(ctx.project.id, ROUND, data, ctx.person.id)
    replies = [Reply(ctx.t("dots-started", dots=dots, left=len(actions) - len(chosen)))]
    replies.extend(ballot(ctx, round_, manage=True))
    if ctx.team.group_chat_id:
        lang = ctx.translator.default  # the group hears the team's default language
        replies.append(
            Reply(
                ctx.translator.t(lang, "dots-group", name=ctx.person.display_name, dots=dots),
                chat_id=ctx.team.group_chat_id,
                poll=_poll(ctx, round_, lang),
            )
        )
    return replies


async def cast(ctx: Context, round_: Item, chosen: list[int]) -> Reply | None:
    """Store one member's dots and the new totals on the actions; a reply if refused."""
    options = round_.data.get("options", [])
    if not round_.data.get("open"):
        return Reply(ctx.t("dots-closed"))
    if any(not 0 <= c < len(options) for c in chosen):
        return commands.expired(ctx)
    dots = int(round_.data.get("dots", 1))
    if len(chosen) > dots:
        return Reply(ctx.t("dots-too-many", dots=dots, chosen=len(chosen)))
    field = f"votes.{ctx.person.id}"
    if sorted(round_.data.get(field) or []) != sorted(chosen):
        await ctx.tx.items.set_field(round_.id, field, sorted(chosen), ctx.person.id)
    fresh = await ctx.tx.items.get(round_.id, ctx.person.id)
    for option, count in zip(options, totals(fresh), strict=True):
        action = await ctx.tx.items.find(int(option["action"]), ctx.person.id)
        if action is not None and action.data.get("dots") != count:
            await ctx.tx.items.set_field(action.id, "dots", count, ctx.person.id)
    return None


def results(ctx: Context, round_: Item) -> Reply:
    """The options ranked by dots, with how many members voted."""
    ranked = sorted(
        zip(round_.data.get("options", []), totals(round_), strict=True),
        key=lambda pair: -pair[1],
    )
    lines = "\n".join(f"● {count} — {option['name']}" for option, count in ranked)
    key = "dots-results" if round_.data.get("open") else "dots-final"
    return Reply(ctx.t(key, lines=lines, voters=len(votes(round_))))


async def on_poll(
    ctx: Context, payload: str, options: tuple[int, ...], engine: Engine
) -> list[Reply]:
    """A vote in the native poll (an empty answer takes the vote back)."""
    round_ = await ctx.tx.items.find(int(payload), ctx.person.id) if payload.isdigit() else None
    if round_ is None or round_.tool != ROUND:
        return []
    refused = await cast(ctx, round_, list(options))
    if refused is not None:
        return [refused]
    names = [str(round_.data["options"][o]["name"]) for o in options]
    if not names:
        return [Reply(ctx.t("dots-retracted"))]
    return [Reply(ctx.t("dots-counted", names=", ".join(names)))]


async def dots_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """start:<dots>, toggle:<round>:<option>, results:<round>, close:<round>."""
    if action == "start":
        if not payload.isdigit() or not 1 <= int(payload) <= MAX_DOTS or ctx.project is None:
            return [commands.expired(ctx)]
        return await start(ctx, int(payload))
    round_id, _, rest = payload.partition(":")
    round_ = await ctx.tx.items.find(int(round_id), ctx.person.id) if round_id.isdigit() else None
    if round_ is None or round_.tool != ROUND:
        return [commands.expired(ctx)]
    if action == "toggle" and rest.isdigit():
        mine = list(round_.data.get(f"votes.{ctx.person.id}") or [])
        option = int(rest)
        chosen = [o for o in mine if o != option] if option in mine else [*mine, option]
        refused = await cast(ctx, round_, chosen)
        if refused is not None:
            return [refused]
        fresh = await ctx.tx.items.get(round_.id, ctx.person.id)
        project = await ctx.tx.projects.get(fresh.project_id, ctx.person.id)
        role = await ctx.tx.teams.role_of(project.team_id, ctx.person.id)
        reply, menu = ballot(ctx, fresh, manage=role == Role.COORDINATOR)
        # Only transports without polls show toggles: the buttons change in place.
        reply.poll, reply.replace = None, True
        reply.choices.extend(menu.choices)
        return [reply]
    if action == "results":
        return [results(ctx, round_)]
    if action == "close":
        project = await ctx.tx.projects.get(round_.project_id, ctx.person.id)
        await ctx.tx.teams.require_coordinator(project.team_id, ctx.person.id)
        if round_.data.get("open"):
            await ctx.tx.items.set_field(round_.id, "open", False, ctx.person.id)
        fresh = await ctx.tx.items.get(round_.id, ctx.person.id)
        replies = [results(ctx, fresh)]
        team = await ctx.tx.teams.get(project.team_id, ctx.person.id)
        if team.group_chat_id and round_.data.get("open"):  # the team hears the result once
            default = ctx.translator.default
            shown = results(replace(ctx, lang=default), fresh)
            replies.append(Reply(shown.html, chat_id=team.group_chat_id, bulk=True))
        return replies
    return [commands.expired(ctx)]


COMMAND = ToolCommand(
    id="dots",
    commands=("stemmen", "vote"),
    order=240,
    tracks=(Track.STRATEGY,),
    handler=vote,
    description="dots-description",
    english_command="vote",
)


def register(registry: Registry) -> None:
    """Add dot voting: its command, its buttons and its poll answers."""
    registry.commands[COMMAND.id] = COMMAND
    registry.buttons["dots"] = dots_button
    registry.polls["dots"] = on_poll
