"""Indicators and check-ins (METHOD.md Phase 3, Figuur 10).

An indicator has a type (input, output, outcome, impact), a description (one of the guide's
examples or the team's own), a unit, a baseline, a target with a target date, a measurement
instrument, an owner and a reporting rhythm. Its check-in moments are declared as deadlines
with a result, so the reminder system asks the owner for the value in a private message; the
value is stored with its date and who gave it, and the reply shows the progress to the target.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from flows.context import Context
from flows.dates import format_date, parse_date, stored_date
from flows.domain import Item
from flows.events import Choice, Drawing, Reply
from flows.i18n import Translator
from flows.model import (
    Condition,
    Deadline,
    Flow,
    Kind,
    Option,
    Registry,
    Step,
    ToolCommand,
)

if TYPE_CHECKING:
    from flows.engine import Engine

TOOL = "indicator"
TYPES = ("input", "output", "outcome", "impact")
# The guide's example indicators per type (Figuur 10, l. 1636-1727).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "input": ("staff", "investments", "costs", "budget"),
    "output": ("participants", "questions", "satisfaction", "downloads"),
    "outcome": ("knowledge", "partnerships", "pilots", "legislation"),
    "impact": ("footprint", "waste", "repair", "network"),
}
INSTRUMENTS = (
    "survey",
    "interview",
    "focus_group",
    "observation",
    "expert",
    "media",
    "figures",
)
RHYTHMS = ("monthly", "quarterly", "yearly", "dates")
MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}
# A value given this long before a check-in moment counts for that moment.
EARLY = timedelta(days=14)
MAX_DATES = 24


def _example_step(kind: str) -> Step:
    return Step(
        id=f"example_{kind}",
        kind=Kind.CHOICE,
        text="ind-example",
        field="example",
        when=f"ind_type_{kind}",
        options=(
            *(Option(name, f"ind-ex-{name}") for name in EXAMPLES[kind]),
            Option("own", "ind-ex-own"),
        ),
    )


FLOW = Flow(
    id="indicators",
    title="ind-title",
    description="ind-description",
    commands=("indicatoren", "indicators", "indicator"),
    order=810,
    english_command="indicators",
    tool=TOOL,
    store="draft",
    on_complete="save_indicator",
    summary="indicators.html.j2",
    steps=(
        Step(
            id="type",
            kind=Kind.CHOICE,
            text="ind-type",
            options=tuple(Option(kind, f"ind-type-{kind}") for kind in TYPES),
        ),
        *(_example_step(kind) for kind in TYPES),
        Step(id="description", kind=Kind.TEXT, text="ind-own", when="ind_own", max_length=200),
        Step(id="unit", kind=Kind.TEXT, text="ind-unit", max_length=40),
        Step(id="baseline", kind=Kind.NUMBER, text="ind-baseline", optional=True),
        Step(id="target", kind=Kind.NUMBER, text="ind-target"),
        Step(id="target_date", kind=Kind.DATE, text="ind-target-date", future=True),
        Step(
            id="instrument",
            kind=Kind.CHOICE,
            text="ind-instrument",
            options=tuple(Option(name, f"ind-instrument-{name}") for name in INSTRUMENTS),
        ),
        Step(id="owner", kind=Kind.TEXT, text="ind-owner", optional=True, max_length=100),
        Step(
            id="rhythm",
            kind=Kind.CHOICE,
            text="ind-rhythm",
            options=tuple(Option(name, f"ind-rhythm-{name}") for name in RHYTHMS),
        ),
        Step(
            id="dates",
            kind=Kind.TEXT,
            text="ind-dates",
            when="ind_dates",
            check="ind_dates",
            max_length=400,
        ),
    ),
)

CHECKIN = Flow(
    id="checkin",
    title="ind-checkin-title",
    commands=("meetwaarde", "value"),
    english_command="value",
    tool=TOOL,
    store="draft",
    on_complete="save_value",
    menu=False,
    steps=(
        Step(id="value", kind=Kind.NUMBER, text="ind-checkin-value"),
        Step(id="note", kind=Kind.TEXT, text="ind-checkin-note", optional=True, max_length=500),
    ),
)


# ---------------------------------------------------------------------------------------------
# check-in moments, declared as deadlines


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _iso(value: Any) -> date | None:
    return stored_date(value)


def moments(item: Item) -> list[date]:
    """Every check-in moment: the start of each period after the indicator was made, or the
    given dates, up to and including the target date."""
    data = item.data
    end = _iso(data.get("target_date")) or item.created_at.date() + timedelta(days=366)
    rhythm = str(data.get("rhythm", "quarterly"))
    if rhythm == "dates":
        given = sorted({d for d in (_iso(v) for v in data.get("dates") or []) if d})
        return [d for d in given if d <= end] or [end]
    step = MONTHS.get(rhythm, 3)
    start = item.created_at.date()
    current = _add_months(date(start.year, 1, 1), ((start.month - 1) // step + 1) * step)
    found: list[date] = []
    while current < end and len(found) < 120:
        found.append(current)
        current = _add_months(current, step)
    found.append(end)
    return found


def values(item: Item) -> list[dict[str, Any]]:
    """The measured values, oldest first."""
    raw = item.data.get("values") or []
    return [v for v in raw if isinstance(v, dict)]


def next_moment(item: Item) -> date | None:
    """The first check-in moment no value was given for (after the latest one that has one)."""
    covered = {str(v.get("moment")) for v in values(item)}
    done = [m for m in moments(item) if m.isoformat() in covered]
    last = max(done) if done else None
    return next(
        (m for m in moments(item) if m.isoformat() not in covered and (last is None or m > last)),
        None,
    )


def indicator_deadlines(item: Item) -> list[Deadline]:
    """The latest check-in that has its value (done) and the next one (asks for the value)."""
    label = str(item.data.get("name", ""))
    owner = str(item.data.get("owner", ""))
    covered = {str(v.get("moment")) for v in values(item)}
    done = [m for m in moments(item) if m.isoformat() in covered]
    found: list[Deadline] = []
    if done:
        last = max(done)
        found.append(Deadline(f"checkin:{last}", last, label, owner, done=True, result=True))
    upcoming = next_moment(item)
    if upcoming is not None:
        found.append(Deadline(f"checkin:{upcoming}", upcoming, label, owner, result=True))
    return found


# ---------------------------------------------------------------------------------------------
# storing an indicator


def check_dates(value: Any, ctx: Context) -> str | None:
    """Given dates: each part a date we understand, at most MAX_DATES."""
    parts = [p for p in str(value).replace(";", ",").split(",") if p.strip()]
    if not parts or len(parts) > MAX_DATES:
        return "ind-dates-bad"
    if any(parse_date(p, today=ctx.today) is None for p in parts):
        return "ind-dates-bad"
    return None


def _dates(text: str, today: date) -> list[str]:
    parsed = (parse_date(p, today=today) for p in text.replace(";", ",").split(",") if p.strip())
    return sorted({p.value.isoformat() for p in parsed if p is not None})


def number_text(value: Any, lang: str = "nl") -> str:
    """A number as people write it: no ".0" for whole numbers, a decimal comma in Dutch."""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{number:g}"
    return text.replace(".", ",") if lang == "nl" else text


async def save_indicator(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store the indicator and tell when its first check-in is."""
    assert ctx.project is not None
    example = draft.get("example", "own")
    name = (
        str(draft.get("description") or "") if example == "own" else ctx.plain(f"ind-ex-{example}")
    )
    data: dict[str, Any] = {
        "name": name,
        "type": draft["type"],
        "example": example,
        "unit": draft["unit"],
        "baseline": draft.get("baseline"),
        "target": draft["target"],
        "target_date": draft["target_date"],
        "instrument": draft["instrument"],
        "owner": str(draft.get("owner") or ctx.person.display_name),
        "rhythm": draft["rhythm"],
        "dates": _dates(str(draft.get("dates") or ""), ctx.today),
        "values": [],
    }
    item = await ctx.tx.items.add(ctx.project.id, TOOL, data, ctx.person.id)
    upcoming = next_moment(item)
    text = ctx.t(
        "ind-saved",
        name=name,
        owner=data["owner"],
        date=format_date(upcoming, ctx.lang) if upcoming else "—",
    )
    return [Reply(text, choices=_item_buttons(ctx, item))]


def _item_buttons(ctx: Context, item: Item) -> list[list[Choice]]:
    return [
        [
            Choice(ctx.plain("ind-button-measure"), f"t:{TOOL}:result:{item.id}:"),
            Choice(ctx.plain("ind-button-chart"), f"t:{TOOL}:chart:{item.id}"),
        ],
        [Choice(ctx.plain("ind-button-all"), "m:summary:indicators")],
    ]


# ---------------------------------------------------------------------------------------------
# check-ins


def progress(item: Item, value: float) -> int | None:
    """How far along from the baseline (or zero) to the target, in percent."""
    target = item.data.get("target")
    if target is None:
        return None
    baseline = item.data.get("baseline")
    start = float(baseline) if baseline is not None else 0.0
    if float(target) == start:
        return None
    return round((value - start) / (float(target) - start) * 100)


async def _indicator(ctx: Context, payload: str) -> Item | None:
    """The indicator a button names, if the person may see it; its project becomes current."""
    head = payload.split(":", 1)[0]
    if not head.isdigit():
        return None
    item = await ctx.tx.items.find(int(head), ctx.person.id)  # checks team membership
    if item is None or item.tool != TOOL:
        return None
    ctx.project = await ctx.tx.projects.get(item.project_id, ctx.person.id)
    ctx.team = await ctx.tx.teams.get(ctx.project.team_id, ctx.person.id)
    return item


def _status(ctx: Context, item: Item) -> Markup:
    """The indicator in one line: latest value and target."""
    latest = values(item)[-1] if values(item) else None
    return ctx.t(
        "ind-status",
        name=item.data.get("name", ""),
        unit=item.data.get("unit", ""),
        last=number_text(latest["value"], ctx.lang) if latest else "—",
        target=number_text(item.data.get("target", 0), ctx.lang),
        date=format_date(_iso(item.data.get("target_date")) or ctx.today, ctx.lang),
    )


async def indicator_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """Give a value now (from a reminder or the list), or see the trend chart."""
    from flows.commands import expired

    item = await _indicator(ctx, payload)
    if item is None:
        return [expired(ctx)]
    if action == "result":
        _, _, ref = payload.partition(":")
        moment = ref.removeprefix("checkin:") if ref.startswith("checkin:") else ""
        intro = Reply(ctx.t("ind-checkin-intro", status=_status(ctx, item)))
        draft = {"indicator": item.id, "moment": moment}
        return [intro, *await engine.open_flow(ctx, CHECKIN, draft=draft)]
    if action == "chart":
        return [await chart_reply(ctx, item)]
    return [expired(ctx)]


async def save_value(draft: dict[str, Any], ctx: Context) -> list[Reply]:
    """Store the value with its date and who gave it; show the progress to the target."""
    indicator = draft.get("indicator")
    item = await _indicator(ctx, str(indicator)) if indicator else None
    if item is None:
        return [Reply(ctx.t("ind-checkin-which"))]
    assert ctx.project is not None
    # Two members giving a value at the same moment must both land.
    await ctx.tx.projects.lock(ctx.project.id, ctx.person.id)
    item = await ctx.tx.items.get(item.id, ctx.person.id)
    moment = str(draft.get("moment") or "")
    upcoming = next_moment(item)
    if not moment and upcoming is not None and ctx.today >= upcoming - EARLY:
        moment = upcoming.isoformat()  # given just before (or after) the check-in: it counts
    value = float(draft["value"])
    entry = {
        "value": value,
        "note": draft.get("note") or "",
        "date": ctx.today.isoformat(),
        "by": ctx.person.display_name,
        "by_id": ctx.person.id,
        "moment": moment,
    }
    await ctx.tx.items.set_field(item.id, "values", [*values(item), entry], ctx.person.id)
    percent = progress(item, value)
    lines = [
        str(
            ctx.t(
                "ind-checkin-saved",
                name=item.data.get("name", ""),
                value=number_text(value, ctx.lang),
                unit=item.data.get("unit", ""),
            )
        )
    ]
    if percent is not None:
        lines.append(
            str(
                ctx.t(
                    "ind-progress",
                    percent=percent,
                    target=number_text(item.data["target"], ctx.lang),
                    unit=item.data.get("unit", ""),
                    date=format_date(_iso(item.data.get("target_date")) or ctx.today, ctx.lang),
                )
            )
        )
    item = await ctx.tx.items.get(item.id, ctx.person.id)
    upcoming = next_moment(item)
    if upcoming is not None:
        lines.append(str(ctx.t("ind-next", date=format_date(upcoming, ctx.lang))))
    return [Reply("\n".join(lines), choices=_item_buttons(ctx, item))]


async def measure_command(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/meting`: pick an indicator to give a value for."""
    assert ctx.project is not None
    items = await ctx.tx.items.list(ctx.project.id, TOOL, ctx.person.id)
    if not items:
        return [Reply(ctx.t("ind-none"))]
    return [
        Reply(
            ctx.t("ind-pick"),
            choices=[
                [Choice(str(i.data.get("name", ""))[:60], f"t:{TOOL}:result:{i.id}:")]
                for i in items
            ],
        )
    ]


async def chart_reply(ctx: Context, item: Item) -> Reply:
    """The indicator's values over time against its target, as a PNG."""
    from flows.indicator_chart import TrendText, trend_png

    points = [
        (d, float(v["value"])) for v in values(item) if (d := _iso(v.get("date"))) is not None
    ]
    if not points:
        return Reply(ctx.t("ind-chart-empty", name=item.data.get("name", "")))
    baseline = item.data.get("baseline")
    text = TrendText(
        title=str(item.data.get("name", "")),
        unit=str(item.data.get("unit", "")),
        target=ctx.plain("ind-chart-target"),
        baseline=ctx.plain("ind-chart-baseline"),
        measured=ctx.plain("ind-chart-measured"),
    )
    draw = functools.partial(
        trend_png,
        points,
        float(baseline) if baseline is not None else None,
        float(item.data["target"]),
        _iso(item.data.get("target_date")),
        text,
    )
    caption = ctx.t("ind-chart-caption", name=item.data.get("name", ""))
    # Drawn by the engine once the event's transaction has committed.
    return Reply(caption, drawing=Drawing(f"indicator-{item.id}.png", draw))


# ---------------------------------------------------------------------------------------------
# summary and digest


def summary_context(items: list[Item], ctx: Context) -> dict[str, Any]:
    """Indicators by type, each with its latest value and progress."""
    rows = []
    for item in items:
        latest = values(item)[-1] if values(item) else None
        rows.append(
            {
                "item": item,
                "type": item.data.get("type", ""),
                "latest": number_text(latest["value"], ctx.lang) if latest else None,
                "latest_date": format_date(_iso(latest["date"]) or ctx.today, ctx.lang)
                if latest
                else None,
                "progress": progress(item, float(latest["value"])) if latest else None,
                "target": number_text(item.data.get("target", 0), ctx.lang),
                "target_date": format_date(
                    _iso(item.data.get("target_date")) or ctx.today, ctx.lang
                ),
                "next": format_date(m, ctx.lang) if (m := next_moment(item)) else None,
            }
        )
    return {"rows": rows, "types": TYPES}


def digest_lines(
    items: list[Item], since: datetime, translator: Translator, lang: str
) -> list[str]:
    """New values since the last digest, one line each (user text escaped)."""
    lines: list[str] = []
    for item in items:
        for value in values(item):
            day = _iso(value.get("date"))
            if day is not None and day >= since.date():
                lines.append(
                    str(
                        translator.t(
                            lang,
                            "ind-digest-line",
                            name=item.data.get("name", ""),
                            value=number_text(value["value"], lang),
                            unit=item.data.get("unit", ""),
                            by=value.get("by", ""),
                        )
                    )
                )
    return lines


def _type_is(kind: str) -> Condition:
    """A condition: the indicator being made is of this type."""

    def condition(data: dict[str, Any]) -> bool:
        return data.get("type") == kind

    return condition


def register(registry: Registry) -> None:
    """The indicator flow, the check-in flow, `/meting`, its buttons, deadlines and digest."""
    registry.flows[FLOW.id] = FLOW
    registry.flows[CHECKIN.id] = CHECKIN
    registry.actions["save_indicator"] = save_indicator
    registry.actions["save_value"] = save_value
    registry.contexts[FLOW.id] = summary_context
    registry.checks["ind_dates"] = check_dates
    registry.conditions["ind_own"] = lambda data: data.get("example") == "own"
    registry.conditions["ind_dates"] = lambda data: data.get("rhythm") == "dates"
    for kind in TYPES:
        registry.conditions[f"ind_type_{kind}"] = _type_is(kind)
    registry.commands["measure"] = ToolCommand(
        id="measure",
        commands=("meting", "measure"),
        order=820,
        handler=measure_command,
        description="ind-measure-command",
        english_command="measure",
    )
    registry.buttons[TOOL] = indicator_button
    registry.deadlines[TOOL] = indicator_deadlines
    registry.digest[TOOL] = digest_lines
