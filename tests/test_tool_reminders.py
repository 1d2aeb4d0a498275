"""The real tools' declared deadlines reach people as reminders whose buttons work, through the
engine with a controllable clock, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flows.domain import ReminderKind
from flows.engine import Engine
from flows.reminders import ReminderDesk
from tests.chat import Clock, Person, create_team, plain
from tests.reminder_probe import Courier
from tests.test_test_cards import quick_card

BRUSSELS = ZoneInfo("Europe/Brussels")


def at(clock: Clock, year: int, month: int, day: int, hour: int) -> None:
    """Set the clock to a Brussels wall time."""
    clock.current = datetime(year, month, day, hour, tzinfo=BRUSSELS).astimezone(UTC)


async def test_a_test_cards_deadline_reminds_its_owner_who_logs_the_result_from_it(
    engine: Engine, clock: Clock
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    # The guide's card, owned by "Marie" (no such member: the coordinator An is reminded),
    # due "eind juni" = 30 June 2027.
    await quick_card(an)
    desk, courier = ReminderDesk(engine, "worker-1"), Courier()
    at(clock, 2027, 6, 30, 10)
    due = [p for p in await courier.round(desk) if p.reminder.kind == ReminderKind.DUE]
    assert len(due) == 1 and due[0].recipient.display_name == "An"
    assert "Noden circulaire ondernemer" in plain(due[0].reply.html)
    [result_button] = [
        choice
        for row in due[0].reply.choices
        for choice in row
        if choice.value and ":result:" in choice.value
    ]
    await an.event(button=result_button.value)
    assert "Wat was het resultaat?" in an.text, an.text
    await an.say("7 van de 10")
    assert "Gevalideerd" in an.text
