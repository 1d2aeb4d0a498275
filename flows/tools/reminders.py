"""Reminder buttons and settings: `/herinneringen` for quiet hours, working days, time zone,
and (coordinators) how early to remind, when to escalate and the weekly digest."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flows.domain import ReminderSettings, Role, TeamReminderSettings
from flows.events import Reply
from flows.i18n import fold
from flows.model import Registry, ToolCommand
from flows.reminders import BUTTON, reminder_button, resync_open

if TYPE_CHECKING:
    from flows.context import Context
    from flows.engine import Engine

DAYS = {
    "ma": 1, "maandag": 1, "mon": 1, "monday": 1,
    "di": 2, "dinsdag": 2, "tue": 2, "tuesday": 2,
    "wo": 3, "woensdag": 3, "wed": 3, "wednesday": 3,
    "do": 4, "donderdag": 4, "thu": 4, "thursday": 4,
    "vr": 5, "vrijdag": 5, "fri": 5, "friday": 5,
    "za": 6, "zaterdag": 6, "sat": 6, "saturday": 6,
    "zo": 7, "zondag": 7, "sun": 7, "sunday": 7,
}  # fmt: skip
OFF = {"uit", "off", "geen", "none", "nee", "no"}
# What a person can set, by the word they type (Dutch or English).
SETTINGS = {
    "stil": "quiet", "quiet": "quiet", "stilte": "quiet",
    "werkdagen": "days", "days": "days", "dagen": "days",
    "uur": "time", "time": "time", "tijd": "time",
    "tijdzone": "zone", "timezone": "zone", "zone": "zone",
    "vooraf": "before", "before": "before",
    "escalatie": "escalation", "escalation": "escalation",
    "overzicht": "digest", "digest": "digest",
}  # fmt: skip
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.hu]?([0-5]\d)?$")


def parse_time(text: str) -> str | None:
    """ "8", "8:30", "08.30", "20u" -> "HH:MM"; None when it is no time of day."""
    match = _TIME.match(fold(text).rstrip("u").strip())
    if match is None:
        return None
    return f"{int(match.group(1)):02d}:{int(match.group(2) or 0):02d}"


def parse_days(text: str) -> str | None:
    """ "ma-vr", "ma,di,do", "mon tue" -> ISO weekdays "1245"; None when not understood."""
    days: set[int] = set()
    for part in re.split(r"[,\s]+", fold(text)):
        if not part:
            continue
        start, dash, end = part.partition("-")
        if dash:
            if start not in DAYS or end not in DAYS:
                return None
            first, last = DAYS[start], DAYS[end]
            span = (
                range(first, last + 1) if first <= last else [*range(first, 8), *range(1, last + 1)]
            )
            days.update(span)
        elif part in DAYS:
            days.add(DAYS[part])
        else:
            return None
    return "".join(str(day) for day in sorted(days)) or None


def _day_names(ctx: Context, days: str) -> str:
    return ", ".join(ctx.plain(f"rem-day-{day}") for day in days) or "—"


async def show_settings(ctx: Context) -> Reply:
    """The person's settings and, in a project, the team's, with how to change them."""
    mine = await ctx.tx.reminders.settings(ctx.person.id)
    quiet = (
        ctx.plain("rem-quiet-none")
        if mine.quiet_start == mine.quiet_end
        else f"{mine.quiet_start}–{mine.quiet_end}"
    )
    lines = [
        str(
            ctx.t(
                "rem-settings-mine",
                quiet=quiet,
                days=_day_names(ctx, mine.working_days),
                time=mine.remind_at,
                zone=mine.timezone,
            )
        )
    ]
    if ctx.team is not None:
        rules = await ctx.tx.reminders.team_settings(ctx.team.id)
        digest = (
            ctx.plain(f"rem-day-{rules.digest_weekday}")
            if rules.digest_weekday
            else ctx.plain("rem-quiet-none")
        )
        lines.append(
            str(
                ctx.t(
                    "rem-settings-team",
                    team=ctx.team.name,
                    before=rules.days_before,
                    escalation=rules.escalation_days,
                    digest=digest,
                )
            )
        )
    lines.append(str(ctx.t("rem-settings-how")))
    return Reply("\n\n".join(lines))


async def settings_command(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/herinneringen [setting value]`: show or change when reminders come."""
    word, _, value = args.strip().partition(" ")
    setting = SETTINGS.get(fold(word))
    value = value.strip()
    if not word:
        return [await show_settings(ctx)]
    if setting is None or not value:
        return [Reply(ctx.t("rem-settings-unknown")), await show_settings(ctx)]
    if setting in ("before", "escalation", "digest"):
        return await _team_setting(ctx, setting, value, engine)
    mine = await ctx.tx.reminders.settings(ctx.person.id)
    changed = _person_setting(mine, setting, value)
    if changed is None:
        return [Reply(ctx.t(f"rem-bad-{setting}"))]
    await ctx.tx.reminders.save_settings(ctx.person.id, changed)
    items = await ctx.tx.reminders.open_item_ids(person_id=ctx.person.id)
    await resync_open(ctx.tx, ctx.registry, items)
    return [Reply(ctx.t("rem-settings-saved")), await show_settings(ctx)]


def _person_setting(mine: ReminderSettings, setting: str, value: str) -> ReminderSettings | None:
    if setting == "quiet":
        if fold(value) in OFF:
            return replace(mine, quiet_start="00:00", quiet_end="00:00")
        start, _, end = re.sub(r"\s*(-|–|tot|to)\s*", "-", value.strip()).partition("-")
        begin, finish = parse_time(start), parse_time(end)
        if begin is None or finish is None:
            return None
        return replace(mine, quiet_start=begin, quiet_end=finish)
    if setting == "days":
        days = parse_days(value)
        return replace(mine, working_days=days) if days else None
    if setting == "time":
        moment = parse_time(value)
        return replace(mine, remind_at=moment) if moment else None
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return replace(mine, timezone=value)


async def _team_setting(ctx: Context, setting: str, value: str, engine: Engine) -> list[Reply]:
    if ctx.team is None or ctx.project is None:
        from flows.commands import no_project

        return [no_project(ctx)]
    if await ctx.tx.teams.role_of(ctx.team.id, ctx.person.id) != Role.COORDINATOR:
        return [Reply(ctx.t("error-not-allowed"))]
    rules = await ctx.tx.reminders.team_settings(ctx.team.id)
    changed: TeamReminderSettings | None = None
    if setting == "digest":
        if fold(value) in OFF:
            changed = replace(rules, digest_weekday=0)
        elif fold(value) in DAYS:
            changed = replace(rules, digest_weekday=DAYS[fold(value)])
    elif value.isdigit() and int(value) <= 30:
        field = "days_before" if setting == "before" else "escalation_days"
        changed = replace(rules, **{field: int(value)})
    if changed is None:
        return [Reply(ctx.t(f"rem-bad-{setting}"))]
    await ctx.tx.reminders.save_team_settings(ctx.team.id, changed)
    projects = [
        p.id for p, team in await ctx.tx.projects.of_person(ctx.person.id) if team.id == ctx.team.id
    ]
    if setting == "digest":
        await ctx.tx.reminders.drop_open_digests(projects)
    items = await ctx.tx.reminders.open_item_ids(project_ids=projects)
    await resync_open(ctx.tx, ctx.registry, items)
    return [Reply(ctx.t("rem-settings-saved")), await show_settings(ctx)]


def register(registry: Registry) -> None:
    """Reminder buttons and the settings command."""
    registry.buttons[BUTTON] = reminder_button
    registry.commands["reminders"] = ToolCommand(
        id="reminders",
        commands=("herinneringen", "reminders"),
        handler=settings_command,
        description="rem-command",
        english_command="reminders",
        needs_project=False,
    )
