"""Reminder rows on real SQLite and PostgreSQL: scheduling, leases, and claimers never overlap."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest

from flows.domain import ReminderKind, ReminderSettings, ReminderStatus, TeamReminderSettings, Track
from storage.db import Store
from storage.repositories import Tx

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


async def project_with_item(tx: Tx) -> tuple[int, int, int]:
    """(person, project, item) of a fresh one-person team."""
    me, _ = await tx.people.get_or_create("test:An", "An", "nl")
    team = await tx.teams.create("Gent", me.id)
    project = await tx.projects.create(team.id, me.id, "Strategie", Track.STRATEGY)
    item = await tx.items.add(project.id, "note", {"name": "x"}, me.id)
    return me.id, project.id, item.id


async def schedule(
    store: Store, count: int, due: datetime = T0, spacing: timedelta = timedelta(seconds=1)
) -> list[int]:
    """`count` pending reminders of one item, due at `due` and then every `spacing`."""
    async with store.transaction() as tx:
        person, project, item = await project_with_item(tx)
        ids = []
        for number in range(count):
            reminder = await tx.reminders.add(
                key=f"{item}:r{number}:due",
                project_id=project,
                item_id=item,
                ref=f"r{number}",
                kind=ReminderKind.DUE,
                person_id=person,
                deadline=date(2026, 11, 22),
                due_at=due + spacing * number,
            )
            ids.append(reminder.id)
    return ids


@pytest.fixture
async def second(store: Store) -> AsyncIterator[Store]:
    """A second connection pool on the same database: another bot process."""
    other = Store(store.url, schema=store.schema)
    await other.open(migrate=False)
    yield other
    await other.close()


async def claim(store: Store, worker: str, now: datetime, limit: int = 10) -> list[int]:
    """Claim in a transaction of its own and return the ids."""
    async with store.transaction() as tx:
        return [r.id for r in await tx.reminders.claim_due(now, limit, LEASE, worker)]


async def test_only_due_rows_are_claimed_oldest_first(store: Store) -> None:
    ids = await schedule(store, 3)
    assert await claim(store, "a", T0 - timedelta(seconds=1)) == []
    assert await claim(store, "a", T0 + timedelta(seconds=1)) == ids[:2]
    assert await claim(store, "b", T0 + timedelta(seconds=10)) == ids[2:], "leased rows wait"


async def test_a_claim_takes_the_earliest_due_whatever_their_ids_and_leases_them(
    store: Store,
) -> None:
    ids = await schedule(store, 5, spacing=-timedelta(minutes=1))  # later rows are due earlier
    now = T0 + timedelta(seconds=1)
    async with store.transaction() as tx:
        claimed = await tx.reminders.claim_due(now, 3, LEASE, "a")
    assert [r.id for r in claimed] == ids[:1:-1]  # the three earliest, earliest first
    assert [r.due_at for r in claimed] == sorted(r.due_at for r in claimed)
    assert all(r.attempts == 1 and r.status is ReminderStatus.PENDING for r in claimed)
    assert len({(r.project_id, r.item_id, r.person_id) for r in claimed}) == 1
    assert claimed[0].ref == "r4" and claimed[0].kind is ReminderKind.DUE
    assert claimed[0].deadline == date(2026, 11, 22) and claimed[0].due_at.tzinfo is not None
    async with store.transaction() as tx:
        # Field by field what a plain read of each row gives, the new attempt count included.
        assert claimed == [await tx.reminders.get(r.id) for r in claimed]
    async with store.transaction() as tx:
        # The lease is stored: another claimer gets only the rest until it runs out.
        assert [r.id for r in await tx.reminders.claim_due(now, 10, LEASE, "b")] == ids[1::-1]
        assert await tx.reminders.claim_due(now + LEASE, 10, LEASE, "c") == []
    assert await claim(store, "d", now + LEASE + timedelta(seconds=1)) == ids[::-1]


async def test_finishing_several_records_only_the_ones_still_leased(store: Store) -> None:
    ids = await schedule(store, 4)
    assert await claim(store, "a", T0 + timedelta(seconds=1), limit=2) == ids[:2]
    assert await claim(store, "b", T0 + timedelta(seconds=10)) == ids[2:]
    async with store.transaction() as tx:
        recorded = await tx.reminders.finish_many(ids, "a", ReminderStatus.SENT)
        assert recorded == set(ids[:2]), "b's leases are not a's to finish"
        assert await tx.reminders.finish_many(ids[:2], "a", ReminderStatus.SENT) == set()
        assert await tx.reminders.finish_many([], "b", ReminderStatus.SENT) == set()
    async with store.transaction() as tx:
        rows = [await tx.reminders.get(rid) for rid in ids]
    assert [r.status for r in rows if r] == [ReminderStatus.SENT] * 2 + [ReminderStatus.PENDING] * 2
    assert all(r.sent_at is not None for r in rows[:2] if r)


async def test_a_finished_reminder_is_never_claimed_again(store: Store) -> None:
    [rid] = await schedule(store, 1)
    assert await claim(store, "a", T0) == [rid]
    async with store.transaction() as tx:
        assert not await tx.reminders.finish(rid, "b", ReminderStatus.SENT), "not b's lease"
        assert await tx.reminders.finish(rid, "a", ReminderStatus.SENT)
    assert await claim(store, "a", T0 + timedelta(days=1)) == []
    async with store.transaction() as tx:
        done = await tx.reminders.get(rid)
    assert done is not None and done.status == ReminderStatus.SENT and done.attempts == 1


async def test_an_expired_lease_is_claimed_again(store: Store) -> None:
    [rid] = await schedule(store, 1)
    assert await claim(store, "dead", T0) == [rid]
    assert await claim(store, "b", T0 + LEASE - timedelta(seconds=1)) == []
    assert await claim(store, "b", T0 + LEASE + timedelta(seconds=1)) == [rid]
    async with store.transaction() as tx:
        assert not await tx.reminders.finish(rid, "dead", ReminderStatus.SENT)
        assert await tx.reminders.finish(rid, "b", ReminderStatus.SENT)


async def test_a_released_reminder_waits_for_its_new_time(store: Store) -> None:
    [rid] = await schedule(store, 1)
    await claim(store, "a", T0)
    async with store.transaction() as tx:
        await tx.reminders.release(rid, "a", T0 + timedelta(hours=10))
    assert await claim(store, "a", T0 + timedelta(hours=9)) == []
    assert await claim(store, "a", T0 + timedelta(hours=10)) == [rid]


async def test_two_claimers_at_once_never_get_the_same_row(store: Store, second: Store) -> None:
    ids = await schedule(store, 30)
    if store.is_sqlite:
        # SQLite serialises whole transactions: the second claimer waits for the first.
        first, other = await asyncio.gather(
            claim(store, "a", T0 + timedelta(minutes=1)),
            claim(second, "b", T0 + timedelta(minutes=1)),
        )
    else:
        # A holds its locks (uncommitted) while B claims: SKIP LOCKED gives B other rows
        # at once instead of the same rows (no lock) or waiting for A (plain FOR UPDATE).
        async with store.transaction() as tx:
            held = await tx.reminders.claim_due(T0 + timedelta(minutes=1), 10, LEASE, "a")
            other = await asyncio.wait_for(claim(second, "b", T0 + timedelta(minutes=1)), 5)
            first = [r.id for r in held]
    assert len(first) == len(other) == 10
    assert not set(first) & set(other)
    assert set(first) | set(other) <= set(ids)


async def test_settings_default_and_are_stored(store: Store) -> None:
    async with store.transaction() as tx:
        person, project, _ = await project_with_item(tx)
        assert await tx.reminders.settings(person) == ReminderSettings()
        assert (await tx.reminders.settings(person)).timezone == "Europe/Brussels"
        await tx.reminders.save_settings(person, ReminderSettings(working_days="1234"))
        team = await tx.projects.unchecked(project)
        assert team is not None
        await tx.reminders.save_team_settings(team[1].id, TeamReminderSettings(days_before=5))
    async with store.transaction() as tx:
        assert (await tx.reminders.settings(person)).working_days == "1234"
        assert (await tx.reminders.team_settings(team[1].id)).days_before == 5
