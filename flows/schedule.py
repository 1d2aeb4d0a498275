"""When a reminder may reach a person: local wall times, working days and quiet hours.

Times are computed as local wall time in the person's zone (zoneinfo) and only then converted
to UTC, so a reminder set for 09:00 stays at 09:00 across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flows.domain import ReminderSettings

# A person with every day off or quiet all day still gets their messages, a little later.
MAX_SHIFT_DAYS = 14


def zone_of(settings: ReminderSettings) -> ZoneInfo:
    """The person's time zone; Brussels when the stored name is unknown."""
    try:
        return ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Europe/Brussels")


def clock_time(text: str) -> time:
    """ "HH:MM" as a time."""
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes or 0))


def wall(day: date, at: str, zone: ZoneInfo) -> datetime:
    """The UTC moment of a local wall time on a day."""
    return datetime.combine(day, clock_time(at), tzinfo=zone).astimezone(UTC)


def is_working_day(day: date, settings: ReminderSettings) -> bool:
    """Whether the person works on this day."""
    return str(day.isoweekday()) in settings.working_days


def working_days_before(day: date, count: int, settings: ReminderSettings) -> date:
    """The day `count` working days before `day` (a day off before a deadline is skipped)."""
    if not settings.working_days.strip("0"):
        return day - timedelta(days=count)
    current = day
    while count > 0:
        current -= timedelta(days=1)
        if is_working_day(current, settings):
            count -= 1
    return current


def last_working_day(day: date, settings: ReminderSettings) -> date:
    """`day` itself when worked, else the working day before it."""
    current = day
    for _ in range(7):
        if is_working_day(current, settings):
            return current
        current -= timedelta(days=1)
    return day


def is_quiet(moment: time, settings: ReminderSettings) -> bool:
    """Whether a local time falls in the person's quiet hours (which may span midnight)."""
    start, end = clock_time(settings.quiet_start), clock_time(settings.quiet_end)
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def deliverable_at(moment: datetime, settings: ReminderSettings) -> datetime:
    """The first moment from `moment` on that is a working day and outside quiet hours.

    A reminder pushed out of the night arrives when the quiet hours end; one pushed past a
    day off arrives at the person's reminder time on the next working day.
    """
    zone = zone_of(settings)
    for _ in range(MAX_SHIFT_DAYS * 2):
        local = moment.astimezone(zone)
        if not is_working_day(local.date(), settings) and settings.working_days.strip("0"):
            moment = wall(local.date() + timedelta(days=1), settings.remind_at, zone)
            continue
        if is_quiet(local.time(), settings):
            end = clock_time(settings.quiet_end)
            day = local.date() if local.time() < end else local.date() + timedelta(days=1)
            moment = wall(day, settings.quiet_end, zone)
            continue
        return moment
    return moment


def remind_moment(day: date, settings: ReminderSettings) -> datetime:
    """When a reminder about `day` goes out: the person's reminder time, when they may hear."""
    return deliverable_at(wall(day, settings.remind_at, zone_of(settings)), settings)


def later(moment: datetime, days: int, settings: ReminderSettings) -> datetime:
    """The same local wall time `days` later (a snooze), moved out of quiet hours or days off."""
    zone = zone_of(settings)
    local = moment.astimezone(zone)
    target = datetime.combine(
        local.date() + timedelta(days=days), local.time().replace(tzinfo=None), tzinfo=zone
    )
    return deliverable_at(target.astimezone(UTC), settings)
