"""Reminders through the engine with a controllable clock, on SQLite and PostgreSQL.

A probe tool (tests/reminder_probe.py) declares deadlines; nothing here is tool-specific.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from flows.domain import Person as Recipient
from flows.domain import ReminderKind, ReminderStatus
from flows.engine import Engine
from flows.events import Reply
from flows.model import Registry
from flows.reminders import ReminderDesk, plan_digests
from storage.db import Store
from storage.repositories import Tx
from tests.chat import Clock, Person, create_team, invite_code
from tests.reminder_probe import Courier, probe_engine, rows, show, statuses

BRUSSELS = ZoneInfo("Europe/Brussels")


def local(moment: datetime) -> datetime:
    """A UTC moment as Brussels wall time."""
    return moment.astimezone(BRUSSELS)


@pytest.fixture
def engine(store: Store, clock: Clock, tmp_path: Path) -> Engine:
    """The engine with the probe tool registered."""
    return probe_engine(store, clock, tmp_path)


@pytest.fixture
def desk(engine: Engine) -> ReminderDesk:
    """The scheduler's half that claims and composes, as one bot process."""
    return ReminderDesk(engine, "worker-1")


async def team_of_two(engine: Engine) -> tuple[Person, Person]:
    """An coordinates team Gent Circulair; Bram Peeters is a member."""
    an, bram = Person(engine, "An"), Person(engine, "Bram Peeters")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    return an, bram


def at(clock: Clock, year: int, month: int, day: int, hour: int, minute: int = 0) -> None:
    """Set the clock to a Brussels wall time."""
    clock.current = datetime(year, month, day, hour, minute, tzinfo=BRUSSELS).astimezone(UTC)


async def test_saving_a_deadline_plans_before_on_the_day_and_escalation(
    engine: Engine, store: Store
) -> None:
    await team_of_two(engine)
    bram = Person(engine, "Bram Peeters")
    await bram.say("/taak Rapport schepen | 2026-12-02 | bram")  # a Wednesday
    planned = {r.kind: r for r in await rows(store)}
    assert set(planned) == {ReminderKind.BEFORE, ReminderKind.DUE, ReminderKind.ESCALATION}
    # Two working days before Wednesday is Monday, at nine in Brussels.
    assert local(planned[ReminderKind.BEFORE].due_at) == datetime(2026, 11, 30, 9, tzinfo=BRUSSELS)
    assert local(planned[ReminderKind.DUE].due_at) == datetime(2026, 12, 2, 9, tzinfo=BRUSSELS)
    # Three days overdue is a Saturday: the coordinator hears on Monday morning.
    assert local(planned[ReminderKind.ESCALATION].due_at) == datetime(
        2026, 12, 7, 9, tzinfo=BRUSSELS
    )
    owners = {r.kind: r.person_id for r in planned.values()}
    assert owners[ReminderKind.BEFORE] == owners[ReminderKind.DUE]
    assert owners[ReminderKind.ESCALATION] != owners[ReminderKind.DUE], "to the coordinator"


async def test_an_unknown_owner_falls_back_to_the_coordinator(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    an, _ = await team_of_two(engine)
    await an.say("/taak Folder | 2026-11-25 | Marie")
    at(clock, 2026, 11, 23, 9, 1)
    courier = Courier()
    [sent] = await courier.round(desk)
    assert sent.recipient.display_name == "An"
    assert "Folder" in sent.reply.html and "nog 2 dagen" in sent.reply.html


async def test_each_reminder_arrives_once_at_its_time(
    engine: Engine, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-02 | Bram")
    courier = Courier()
    at(clock, 2026, 11, 30, 8, 59)
    assert await courier.round(desk) == []
    at(clock, 2026, 11, 30, 9, 0)
    [before] = await courier.round(desk)
    assert before.reminder.kind == ReminderKind.BEFORE
    assert before.recipient.display_name == "Bram Peeters"
    assert await courier.round(desk) == [], "sent once"
    at(clock, 2026, 12, 2, 9, 30)
    [due] = await courier.round(desk)
    assert due.reminder.kind == ReminderKind.DUE
    assert [b.label for row in due.reply.choices for b in row] == [
        "✅ Gedaan",
        "Overslaan",
        "💤 Morgen opnieuw",
        "💤 Over een week",
    ]


async def test_done_from_the_reminder_stops_the_rest_and_is_recorded(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-02 | Bram")
    at(clock, 2026, 11, 30, 9)
    courier = Courier()
    [before] = await courier.round(desk)
    show(bram, before)
    await bram.press("Gedaan")
    assert "Afgevinkt" in bram.text and bram.replies[0].replace
    assert set((await statuses(store)).values()) == {ReminderStatus.DONE}
    at(clock, 2026, 12, 10, 9)
    assert await courier.round(desk) == [], "no reminder on the day, no escalation"
    show(bram, before)
    await bram.press("Gedaan")  # a second tap changes nothing
    assert "al afgehandeld" in bram.text


async def test_snooze_a_day_and_a_week(engine: Engine, clock: Clock, desk: ReminderDesk) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-09 | Bram")  # a Wednesday
    courier = Courier()
    at(clock, 2026, 12, 7, 9)
    [first] = await courier.round(desk)
    at(clock, 2026, 12, 7, 11, 15)
    show(bram, first)
    await bram.press("Morgen")
    assert "8 december 2026 om 11:15" in bram.text
    at(clock, 2026, 12, 8, 11, 14)
    assert await courier.round(desk) == []
    at(clock, 2026, 12, 8, 11, 15)
    [again] = await courier.round(desk)
    assert again.reminder.id == first.reminder.id
    show(bram, again)
    await bram.press("week")
    assert "15 december 2026 om 11:15" in bram.text


async def test_a_snooze_into_the_weekend_waits_for_monday(
    engine: Engine, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-04 | Bram")  # a Friday
    courier = Courier()
    at(clock, 2026, 12, 4, 9, 5)
    [due] = [p for p in await courier.round(desk) if p.reminder.kind == ReminderKind.DUE]
    show(bram, due)
    await bram.press("Morgen")  # Saturday is no working day
    assert "7 december 2026 om 09:00" in bram.text


async def test_skip_drops_only_that_reminder(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-02 | Bram")
    courier = Courier()
    at(clock, 2026, 11, 30, 9)
    [before] = await courier.round(desk)
    show(bram, before)
    await bram.press("Overslaan")
    assert "laat ik vallen" in bram.text
    found = await statuses(store)
    assert found["deadline:before"] == ReminderStatus.SKIPPED
    assert found["deadline:due"] == ReminderStatus.PENDING


async def test_only_the_recipient_can_press_a_reminder(
    engine: Engine, clock: Clock, desk: ReminderDesk, store: Store
) -> None:
    an, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-02 | Bram")
    at(clock, 2026, 11, 30, 9)
    [before] = await Courier().round(desk)
    show(an, before)  # the coordinator somehow has Bram's button value
    await an.press("Gedaan")
    assert "verlopen" in an.text
    outsider = Person(engine, "Cas")
    await create_team(outsider, team="Elders")
    show(outsider, before)
    await outsider.press("Overslaan")
    assert "verlopen" in outsider.text
    assert (await statuses(store))["deadline:before"] == ReminderStatus.SENT


async def test_quiet_hours_shift_the_reminder(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/herinneringen stil 19:00-10:30")
    assert "19:00–10:30" in bram.text
    await bram.say("/taak Rapport | 2026-12-02 | Bram")
    before = next(r for r in await rows(store) if r.kind == ReminderKind.BEFORE)
    assert local(before.due_at) == datetime(2026, 11, 30, 10, 30, tzinfo=BRUSSELS)
    # Quiet hours set after planning are respected too: it waits instead of going out.
    await bram.say("/herinneringen stil 10:00-11:00")
    at(clock, 2026, 11, 30, 10, 30)
    courier = Courier()
    assert await courier.round(desk) == []
    at(clock, 2026, 11, 30, 11, 0)
    [sent] = await courier.round(desk)
    assert sent.reminder.kind == ReminderKind.BEFORE


async def test_working_days_move_the_early_reminder(engine: Engine, store: Store) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/herinneringen werkdagen ma,di,do")
    assert "maandag, dinsdag, donderdag" in bram.text
    await bram.say("/taak Rapport | 2026-12-04 | Bram")  # Friday: Thursday, Tuesday back
    planned = {r.kind: r for r in await rows(store)}
    assert local(planned[ReminderKind.BEFORE].due_at).date().isoformat() == "2026-12-01"
    assert local(planned[ReminderKind.DUE].due_at).date().isoformat() == "2026-12-03"


async def test_bad_settings_get_a_friendly_answer(engine: Engine) -> None:
    an, _ = await team_of_two(engine)
    await an.say("/herinneringen stil straks")
    assert "21:00-08:00" in an.text
    await an.say("/herinneringen tijdzone Mars/Olympus")
    assert "tijdzone ken ik niet" in an.text
    await an.say("/herinneringen vooraf veel")
    assert "werkdagen van 0 tot 30" in an.text


async def test_only_coordinators_change_team_rules(engine: Engine, store: Store) -> None:
    an, bram = await team_of_two(engine)
    await bram.say("/herinneringen vooraf 5")
    assert "mag je niet" in bram.text
    await bram.say("/taak Rapport | 2026-12-09 | Bram")
    await an.say("/herinneringen vooraf 5")
    assert "5 werkdagen" in an.text
    planned = {r.kind: r for r in await rows(store)}
    assert local(planned[ReminderKind.BEFORE].due_at).date().isoformat() == "2026-12-02"


async def test_a_reminder_keeps_its_local_time_across_daylight_saving(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    at(clock, 2027, 3, 20, 10)
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2027-03-30 | Bram")  # Tuesday after the change of 28 March
    courier = Courier()
    at(clock, 2027, 3, 26, 9)
    [before] = await courier.round(desk)
    assert before.reminder.due_at.hour == 8, "09:00 CET is 08:00 UTC"
    at(clock, 2027, 3, 30, 8, 59)
    assert await courier.round(desk) == [], "not an hour early"
    at(clock, 2027, 3, 30, 9)
    [due] = await courier.round(desk)
    assert due.reminder.due_at.hour == 7, "09:00 CEST is 07:00 UTC"
    assert local(due.reminder.due_at).hour == 9


async def test_overdue_escalates_to_the_coordinator(
    engine: Engine, clock: Clock, desk: ReminderDesk
) -> None:
    an, bram = await team_of_two(engine)
    await an.say("/herinneringen escalatie 2")
    await bram.say("/taak Rapport | 2026-12-01 | Bram")  # Tuesday: escalation Thursday
    courier = Courier()
    at(clock, 2026, 12, 3, 8, 59)
    kinds = [p.reminder.kind for p in await courier.round(desk)]
    assert ReminderKind.ESCALATION not in kinds
    at(clock, 2026, 12, 3, 9)
    [escalation] = await courier.round(desk)
    assert escalation.recipient.display_name == "An"
    assert "Bram Peeters" in escalation.reply.html and "2 dagen" in escalation.reply.html
    show(an, escalation)
    await an.press("Gedaan")  # the coordinator may close it
    assert "Afgevinkt" in an.text


async def test_a_blocked_person_is_undeliverable_and_others_still_get_theirs(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    an, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-12-02 | Bram")
    await an.say("/taak Budget | 2026-12-02 | An")
    courier = Courier(blocked={"test:Bram Peeters"})
    at(clock, 2026, 11, 30, 9)
    [sent] = await courier.round(desk)
    assert sent.recipient.display_name == "An"
    everything = [r for r in await rows(store) if r.kind == ReminderKind.BEFORE]
    assert {r.status for r in everything if r.id != sent.reminder.id} == {
        ReminderStatus.UNDELIVERABLE
    }
    assert await courier.round(desk) == [], "not retried"


async def test_a_moved_deadline_is_reminded_afresh_and_a_deleted_item_not_at_all(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Rapport | 2026-11-25 | Bram")
    item_id = bram.text.split()[-1]
    courier = Courier()
    at(clock, 2026, 11, 25, 9)
    assert ReminderKind.DUE in {p.reminder.kind for p in await courier.round(desk)}
    await bram.say(f"/taakdatum {item_id} 2026-12-09")
    found = await statuses(store)
    assert found["deadline:due"] == ReminderStatus.PENDING, "sent, then moved: pending again"
    at(clock, 2026, 12, 9, 9)
    assert ReminderKind.DUE in {p.reminder.kind for p in await courier.round(desk)}
    await bram.say(f"/taakweg {item_id}")
    assert set((await statuses(store)).values()) <= {ReminderStatus.SENT, ReminderStatus.SKIPPED}
    at(clock, 2026, 12, 31, 9)
    assert await courier.round(desk) == [], "no escalation for a deleted item"


async def test_log_the_result_now_is_answered_by_the_tool(
    engine: Engine, clock: Clock, desk: ReminderDesk
) -> None:
    _, bram = await team_of_two(engine)
    await bram.say("/taak Interviews | 2026-11-24 | Bram | result")
    at(clock, 2026, 11, 24, 9)
    [due] = await Courier().round(desk)
    assert "resultaat te noteren" in due.reply.html
    show(bram, due)
    await bram.press("Resultaat nu invullen")
    assert bram.text == "result for Interviews (deadline)"


async def test_several_reminders_are_composed_in_one_go_and_recorded_together(
    engine: Engine, store: Store, clock: Clock
) -> None:
    _, bram = await team_of_two(engine)
    for number in range(4):
        await bram.say(f"/taak Taak {number} | 2026-11-23 | Bram")  # only "on the day" left
    at(clock, 2026, 11, 23, 9)
    desk = ReminderDesk(engine, "process-1")
    claimed = await desk.claim(limit=10)
    assert len(claimed) == 4
    seen: list[str] = []

    async def within(tx: Tx, person: Recipient, chat: str | None, replies: list[Reply]) -> None:
        seen.append(person.display_name)

    prepared = await desk.prepare_many(claimed, within)
    assert [p.reminder.id for p in prepared] == [r.id for r in claimed]
    assert seen == ["Bram Peeters"] * 4, "within runs once for each, in order"
    for number, ready in enumerate(prepared):
        assert f"Taak {number}" in ready.reply.html and ready.recipient.display_name == seen[0]
    recorded = await desk.finish_many([(r, n % 2 == 0) for n, r in enumerate(claimed)])
    assert recorded == {r.id for r in claimed}
    async with store.transaction() as tx:
        rows_now = [await tx.reminders.get(r.id) for r in claimed]
    outcome = [row.status for row in rows_now if row is not None]
    assert outcome == [ReminderStatus.SENT, ReminderStatus.UNDELIVERABLE] * 2
    assert await desk.claim(limit=10) == []


async def test_a_restart_sends_pending_reminders_once(
    engine: Engine, store: Store, clock: Clock
) -> None:
    _, bram = await team_of_two(engine)
    for number in range(5):
        await bram.say(f"/taak Taak {number} | 2026-11-23 | Bram")  # only "on the day" left
    at(clock, 2026, 11, 23, 9)
    courier = Courier()
    first = ReminderDesk(engine, "process-1")
    claimed = await first.claim(limit=3)
    for reminder in claimed[:2]:  # two go out; the process dies before sending the third
        prepared = await first.prepare(reminder)
        assert prepared is not None
        courier.sent.append(reminder.id)
        await first.finish(reminder, True)
    second = ReminderDesk(engine, "process-2")
    await courier.round(second)
    assert len(courier.sent) == 4, "the dead process's claim is still leased"
    clock.advance(minutes=11)
    await courier.round(second)
    assert sorted(courier.sent) == sorted(set(courier.sent)) and len(courier.sent) == 5


async def test_two_processes_send_a_thousand_reminders_without_duplicates(
    engine: Engine, store: Store, clock: Clock
) -> None:
    await team_of_two(engine)
    async with store.transaction() as tx:
        me, _ = await tx.people.get_or_create("test:An", "An", None)
        assert me.active_project_id is not None
        item = await tx.items.add(me.active_project_id, "note", {"name": "x"}, me.id)
        for number in range(1000):
            await tx.reminders.add(
                key=f"bulk:{number}",
                project_id=me.active_project_id,
                item_id=item.id,
                ref=f"r{number}",
                kind=ReminderKind.DUE,
                person_id=me.id,
                deadline=None,
                due_at=clock.now() - timedelta(seconds=number),
            )
    other_store = Store(store.url, schema=store.schema)
    await other_store.open(migrate=False)
    try:
        other = Engine(other_store, translator=engine.translator, registry=engine.registry)
        other.clock = engine.clock
        seen: list[int] = []

        async def process(desk: ReminderDesk) -> None:
            while batch := await desk.claim(limit=25):
                for reminder in batch:
                    seen.append(reminder.id)
                    assert await desk.finish(reminder, True)
                await asyncio.sleep(0)

        await asyncio.gather(
            process(ReminderDesk(engine, "one")), process(ReminderDesk(other, "two"))
        )
    finally:
        await other_store.close()
    assert len(seen) == 1000 and len(set(seen)) == 1000


async def test_the_console_shows_due_reminders_with_their_buttons(
    engine: Engine, clock: Clock, store: Store
) -> None:
    import io

    from bot.console import Console

    out = io.StringIO()
    console = Console(engine, user="An", lang="nl", out=out)
    for line in ("/nieuwteam", "Gent", "Strategie", "1", "/taak Folder | 2026-11-24 | An"):
        await console.send(line)
    await console.send("/uitnodigen")
    token = out.getvalue().split("/start ")[-1].split()[0]
    bram = Person(engine, "Bram")  # on another transport: not for the console to show
    await bram.say(f"/start {token}")
    await bram.say("/taak Budget | 2026-11-24 | Bram")
    at(clock, 2026, 11, 24, 9)
    await console.send("/herinneringen")
    shown = out.getvalue()
    assert shown.count("Vandaag: Folder") == 1
    assert "Vandaag: Budget" not in shown
    statuses_now = {r.ref: r.status for r in await rows(store) if r.kind == ReminderKind.DUE}
    assert ReminderStatus.PENDING in statuses_now.values(), "Bram's is left for the bot"
    done = next(n for n, c in enumerate(console.buttons, 1) if "Gedaan" in c.label)
    await console.send(str(done))
    assert "Afgevinkt" in out.getvalue()


async def test_digests_are_planned_in_short_transactions_once_for_each_project(
    engine: Engine, store: Store, desk: ReminderDesk, clock: Clock
) -> None:
    """Many projects (a first start): each gets one next digest, a few per transaction; a team
    that wants none, or that nobody coordinates, is passed over without holding up the rest.
    The digest goes to the team's coordinator on the team's weekday at the coordinator's hour."""
    from dataclasses import replace

    from flows.domain import ReminderSettings, Track

    at(clock, 2026, 12, 2, 12)  # a Wednesday
    project_ids: list[int] = []
    people: dict[int, int] = {}
    async with store.transaction() as tx:
        for number in range(7):
            lead, _ = await tx.people.get_or_create(f"digest:{number}", f"Lead {number}", "nl")
            people[number] = lead.id
            team = await tx.teams.create(f"Team {number}", lead.id)
            project = await tx.projects.create(team.id, lead.id, f"Plan {number}", Track.STRATEGY)
            project_ids.append(project.id)
            if number == 3:  # this team turned its digest off
                rules = await tx.reminders.team_settings(team.id)
                await tx.reminders.save_team_settings(team.id, replace(rules, digest_weekday=0))
            if number == 4:  # its only member left: nobody coordinates it
                await tx.teams.leave(team.id, lead.id)
            if number == 5:  # Fridays; the lead handed over to someone in Lisbon
                rules = await tx.reminders.team_settings(team.id)
                await tx.reminders.save_team_settings(team.id, replace(rules, digest_weekday=5))
                heir, _ = await tx.people.get_or_create("digest:heir", "Heir", "nl")
                invite = await tx.teams.create_invite(team.id, lead.id, timedelta(days=7))
                await tx.teams.redeem_invite(invite.token, heir.id)
                await tx.teams.hand_over(team.id, lead.id, heir.id)
                lisbon = ReminderSettings(timezone="Europe/Lisbon", remind_at="10:00")
                await tx.reminders.save_settings(heir.id, lisbon)
                people[number] = heir.id

    transactions = 0
    opened = store.transaction

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal transactions
        transactions += 1
        return opened(*args, **kwargs)  # type: ignore[arg-type]

    store.transaction = counting  # type: ignore[method-assign]
    try:
        await desk.plan_digests(chunk=2)
    finally:
        del store.transaction
    # Seven projects, two a transaction: the fourth holds only the seventh, so planning
    # knows it is done.
    assert transactions == 4

    async def digests() -> dict[int, list[tuple[int, date | None, datetime]]]:
        async with store.transaction() as tx:
            found: dict[int, list[tuple[int, date | None, datetime]]] = {}
            for project_id in project_ids:
                found[project_id] = [
                    (r.person_id, r.deadline, r.due_at)
                    for r in await tx.reminders.for_project(project_id)
                    if r.kind == ReminderKind.DIGEST
                ]
            return found

    monday = (date(2026, 12, 7), datetime(2026, 12, 7, 8, 0, tzinfo=UTC))  # 09:00 in Brussels
    friday = (date(2026, 12, 4), datetime(2026, 12, 4, 10, 0, tzinfo=UTC))  # 10:00 in Lisbon
    planned = await digests()
    assert planned == {
        pid: [] if n in (3, 4) else [(people[n], *(friday if n == 5 else monday))]
        for n, pid in enumerate(project_ids)
    }
    await desk.plan_digests(chunk=2)  # again: nothing new
    assert await digests() == planned


async def test_planning_digests_costs_the_same_few_statements_for_many_projects(
    store: Store, clock: Clock
) -> None:
    """Planning reads projects, teams, coordinators and their settings a set at a time: the
    statements do not grow with the projects (one by one, 1,000 projects took seconds)."""
    from flows.domain import Track

    at(clock, 2026, 12, 2, 12)

    async def make(count: int, start: int) -> None:
        async with store.transaction() as tx:
            for number in range(start, start + count):
                lead, _ = await tx.people.get_or_create(f"many:{number}", f"L{number}", "nl")
                team = await tx.teams.create(f"T{number}", lead.id)
                await tx.projects.create(team.id, lead.id, f"P{number}", Track.STRATEGY)

    async def statements() -> int:
        seen: list[str] = []

        def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            seen.append(statement)

        event.listen(store.engine.sync_engine, "before_cursor_execute", record)
        try:
            async with store.transaction(clock.now) as tx:
                assert await plan_digests(tx, Registry(), limit=100) is None
        finally:
            event.remove(store.engine.sync_engine, "before_cursor_execute", record)
        return len(seen)

    await make(2, 0)
    few = await statements()
    await make(30, 2)
    many = await statements()
    assert many == few <= 5
    async with store.transaction() as tx:
        assert await tx.reminders.projects_without_digest() == []
