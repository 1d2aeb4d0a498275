"""When reminders may arrive: wall times across DST, working days, quiet hours (pure functions)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flows.domain import ReminderSettings
from flows.schedule import (
    deliverable_at,
    is_quiet,
    later,
    remind_moment,
    wall,
    working_days_before,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
DEFAULT = ReminderSettings()


def brussels(*parts: int) -> datetime:
    """A Brussels wall time as an aware datetime."""
    return datetime(*parts, tzinfo=BRUSSELS)  # type: ignore[misc]


def test_nine_oclock_stays_nine_oclock_on_both_sides_of_each_change() -> None:
    assert wall(date(2027, 3, 27), "09:00", BRUSSELS) == datetime(2027, 3, 27, 8, tzinfo=UTC)
    assert wall(date(2027, 3, 29), "09:00", BRUSSELS) == datetime(2027, 3, 29, 7, tzinfo=UTC)
    assert wall(date(2027, 10, 30), "09:00", BRUSSELS) == datetime(2027, 10, 30, 7, tzinfo=UTC)
    assert wall(date(2027, 11, 1), "09:00", BRUSSELS) == datetime(2027, 11, 1, 8, tzinfo=UTC)


def test_a_snooze_over_the_change_keeps_the_wall_time() -> None:
    friday = brussels(2027, 3, 26, 14, 30).astimezone(UTC)
    monday = later(friday, 3, DEFAULT)
    assert monday.astimezone(BRUSSELS) == brussels(2027, 3, 29, 14, 30)
    assert monday - friday == timedelta(hours=71), "the night of the change is an hour short"


def test_working_days_before_skip_the_weekend_and_own_days_off() -> None:
    assert working_days_before(date(2026, 12, 2), 2, DEFAULT) == date(2026, 11, 30)
    assert working_days_before(date(2026, 11, 30), 2, DEFAULT) == date(2026, 11, 26)
    four_days = ReminderSettings(working_days="1234")
    assert working_days_before(date(2026, 12, 7), 1, four_days) == date(2026, 12, 3)


def test_quiet_hours_may_span_midnight() -> None:
    assert is_quiet(time(22, 0), DEFAULT) and is_quiet(time(7, 59), DEFAULT)
    assert not is_quiet(time(8, 0), DEFAULT) and not is_quiet(time(20, 59), DEFAULT)
    assert not is_quiet(time(3, 0), ReminderSettings(quiet_start="00:00", quiet_end="00:00"))


def test_evening_and_weekend_messages_wait() -> None:
    evening = brussels(2026, 11, 24, 22, 15).astimezone(UTC)
    assert deliverable_at(evening, DEFAULT).astimezone(BRUSSELS) == brussels(2026, 11, 25, 8)
    saturday = brussels(2026, 11, 28, 11).astimezone(UTC)
    assert deliverable_at(saturday, DEFAULT).astimezone(BRUSSELS) == brussels(2026, 11, 30, 9)
    daytime = brussels(2026, 11, 24, 15).astimezone(UTC)
    assert deliverable_at(daytime, DEFAULT) == daytime


def test_a_deadline_on_a_day_off_is_reminded_at_the_persons_time_in_their_zone() -> None:
    lisbon = ReminderSettings(timezone="Europe/Lisbon", remind_at="10:00")
    moment = remind_moment(date(2026, 11, 29), lisbon)  # a Sunday
    assert moment == datetime(2026, 11, 30, 10, tzinfo=UTC)  # Monday 10:00 in Lisbon (UTC+0)
