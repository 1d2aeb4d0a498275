"""Reminder rows and reminder settings: scheduling, claiming with leases, and finishing.

These are system-level repositories: the scheduler acts for nobody in particular. Callers
acting for a person (button handlers) check that the reminder is theirs.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from flows.domain import (
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderStatus,
    Role,
    TeamReminderSettings,
)
from storage.repositories import Clock, aware, utcnow
from storage.statements import insert_or_skip, table_of
from storage.tables import (
    ItemRow,
    MembershipRow,
    PersonRow,
    PersonSettingsRow,
    ProjectRow,
    ReminderRow,
    TeamRow,
    TeamSettingsRow,
)

# Spelled exactly as the partial index ix_reminders_open_due, so PostgreSQL can use it.
OPEN = text("reminders.status IN ('pending', 'snoozed')")


# The columns a Reminder is made of, in the order of its fields (see _claimed).
_FIELDS = (
    "id",
    "key",
    "project_id",
    "item_id",
    "ref",
    "kind",
    "person_id",
    "deadline",
    "due_at",
    "status",
    "attempts",
    "sent_at",
)


def _claimed(rows: Iterable[Sequence[Any]]) -> builtins.list[Reminder]:
    """Reminders from rows of the `_FIELDS` columns, in that order (any row: see _reminder).

    By position, with each enum looked up in a dict: for the 1,000 rows of a large claim this
    took 4 ms where reading each row's columns by name and calling the enums took 16.
    """
    kinds = {kind.value: kind for kind in ReminderKind}
    statuses = {status.value: status for status in ReminderStatus}
    return [
        Reminder(
            reminder_id,
            key,
            project_id,
            item_id,
            ref,
            kinds[kind],
            person_id,
            deadline,
            aware(due_at),
            statuses[status],
            attempts,
            aware(sent_at) if sent_at else None,
        )
        for (
            reminder_id,
            key,
            project_id,
            item_id,
            ref,
            kind,
            person_id,
            deadline,
            due_at,
            status,
            attempts,
            sent_at,
        ) in rows
    ]


def _reminder(row: ReminderRow | Row[Any]) -> Reminder:
    return _claimed([[getattr(row, name) for name in _FIELDS]])[0]


@dataclass(frozen=True, slots=True)
class DigestTarget:
    """What planning a project's next digest reads: its team's digest weekday (0: none),
    the team's first coordinator (None: nobody coordinates) and that person's settings."""

    project_id: int
    digest_weekday: int
    coordinator_id: int | None
    settings: ReminderSettings


@dataclass(frozen=True, slots=True)
class NewReminder:
    """A reminder to schedule unless its key exists (see `ReminderRepo.add_many_once`)."""

    key: str
    project_id: int
    person_id: int
    kind: ReminderKind
    ref: str
    deadline: date | None
    due_at: datetime


def _settings(row: PersonSettingsRow | None) -> ReminderSettings:
    """A person's settings from their row (the defaults when they have none)."""
    if row is None:
        return ReminderSettings()
    return ReminderSettings(
        timezone=row.timezone,
        quiet_start=row.quiet_start,
        quiet_end=row.quiet_end,
        working_days=row.working_days,
        remind_at=row.remind_at,
    )


class ReminderRepo:
    """Scheduled messages and the settings that decide when they go out."""

    def __init__(self, session: AsyncSession, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    # ------------------------------------------------------------------------------------
    # scheduling

    async def get(self, reminder_id: int) -> Reminder | None:
        """One reminder by id."""
        row = await self.session.get(ReminderRow, reminder_id)
        return _reminder(row) if row else None

    async def for_item(self, item_id: int) -> builtins.list[Reminder]:
        """Every reminder row of an item, whatever its status."""
        rows = await self.session.scalars(
            select(ReminderRow).where(ReminderRow.item_id == item_id).order_by(ReminderRow.id)
        )
        return [_reminder(row) for row in rows]

    async def for_project(self, project_id: int) -> builtins.list[Reminder]:
        """Every reminder row of a project (for digests and reports)."""
        rows = await self.session.scalars(
            select(ReminderRow)
            .where(ReminderRow.project_id == project_id)
            .order_by(ReminderRow.due_at, ReminderRow.id)
        )
        return [_reminder(row) for row in rows]

    async def add(
        self,
        *,
        key: str,
        project_id: int,
        item_id: int | None,
        ref: str,
        kind: ReminderKind,
        person_id: int,
        deadline: date | None,
        due_at: datetime,
    ) -> Reminder:
        """Schedule a new message."""
        now = self.clock()
        row = ReminderRow(
            key=key[:160],
            project_id=project_id,
            item_id=item_id,
            ref=ref[:80],
            kind=kind.value,
            person_id=person_id,
            deadline=deadline,
            due_at=due_at,
            status=ReminderStatus.PENDING.value,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        self.session.add(row)
        await self.session.flush()
        return _reminder(row)

    async def reschedule(
        self,
        reminder_id: int,
        *,
        due_at: datetime,
        person_id: int,
        deadline: date | None,
        status: ReminderStatus = ReminderStatus.PENDING,
    ) -> None:
        """Move a reminder (a changed deadline or owner); it becomes open again."""
        await self.session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id)
            .values(
                due_at=due_at,
                person_id=person_id,
                deadline=deadline,
                status=status.value,
                claimed_by=None,
                claimed_until=None,
                sent_at=None,
                updated_at=self.clock(),
            )
        )

    async def reassign(self, reminder_id: int, person_id: int) -> None:
        """Give a reminder to another recipient (its owner changed or left)."""
        await self.session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id)
            .values(person_id=person_id, updated_at=self.clock())
        )

    async def set_status(
        self, ids: Iterable[int], status: ReminderStatus, *, only_open: bool = True
    ) -> int:
        """Close (or reopen) reminders; with `only_open`, sent ones keep their record."""
        wanted = builtins.list(ids)
        if not wanted:
            return 0
        statement = update(ReminderRow).where(ReminderRow.id.in_(wanted))
        if only_open:
            statement = statement.where(OPEN)
        result = await self.session.execute(
            statement.values(status=status.value, updated_at=self.clock())
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def snooze(self, reminder_id: int, until: datetime) -> None:
        """Send this reminder again at `until`."""
        await self.reschedule_row(reminder_id, until, ReminderStatus.SNOOZED)

    async def reschedule_row(
        self, reminder_id: int, due_at: datetime, status: ReminderStatus
    ) -> None:
        """Set a reminder's time and status, keeping its recipient and deadline."""
        await self.session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id)
            .values(
                due_at=due_at,
                status=status.value,
                claimed_by=None,
                claimed_until=None,
                updated_at=self.clock(),
            )
        )

    # ------------------------------------------------------------------------------------
    # claiming and finishing (the scheduler)

    async def claim_due(
        self, now: datetime, limit: int, lease: timedelta, worker: str
    ) -> builtins.list[Reminder]:
        """Lease up to `limit` open reminders due by `now` to `worker`, oldest first.

        On PostgreSQL the candidate rows are locked with FOR UPDATE SKIP LOCKED, so two
        processes claiming at the same moment get disjoint rows; SQLite serialises whole
        transactions (BEGIN IMMEDIATE). The lease makes a row claimable again only after
        `lease` has passed without `finish` (its process died).
        """
        table = table_of(ReminderRow)
        candidates = (
            select(ReminderRow.id)
            .where(
                OPEN,
                ReminderRow.due_at <= now,
                or_(ReminderRow.claimed_until.is_(None), ReminderRow.claimed_until < now),
            )
            .order_by(ReminderRow.due_at, ReminderRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        # One statement takes the rows and hands back what the scheduler needs, as plain rows:
        # building 1,000 ORM objects (and the dataclasses from them) was most of a claim's time.
        # Only a Reminder's columns: each datetime costs a conversion.
        # No ORM object of these rows can be stale afterwards: none is built.
        claim = (
            update(table)
            .where(table.c.id.in_(candidates.scalar_subquery()))
            .values(
                claimed_by=worker[:64],
                claimed_until=now + lease,
                attempts=table.c.attempts + 1,
            )
            .returning(*(table.c[name] for name in _FIELDS))
        )
        claimed = _claimed((await self.session.execute(claim)).all())
        # RETURNING gives no order; the scheduler sends the oldest first.
        claimed.sort(key=lambda reminder: (reminder.due_at, reminder.id))
        return claimed

    async def preload(self, reminders: Iterable[Reminder]) -> builtins.list[object]:
        """Load what composing these reminders reads by key, one query per table.

        Composing looks up a reminder's project, team, item, recipient and their settings
        one by one; loaded here first, those lookups are answered from the session's identity
        map instead of costing a statement each (on SQLite, time on the event loop's thread).
        The caller keeps the returned rows while composing: the session holds what it
        loaded only as long as something else does.
        """
        wanted = builtins.list(reminders)
        projects: builtins.list[object] = builtins.list(
            await self.session.scalars(
                select(ProjectRow).where(ProjectRow.id.in_({r.project_id for r in wanted}))
            )
        )
        teams = {row.team_id for row in projects if isinstance(row, ProjectRow)}
        items = {r.item_id for r in wanted if r.item_id is not None}
        loaded = projects
        members = select(MembershipRow.person_id).where(
            MembershipRow.team_id.in_(teams), MembershipRow.left_at.is_(None)
        )
        for statement in (
            select(TeamRow).where(TeamRow.id.in_(teams)),
            select(ItemRow).where(ItemRow.id.in_(items)),
            select(PersonRow).where(PersonRow.id.in_(members)),
            select(PersonSettingsRow).where(PersonSettingsRow.person_id.in_(members)),
        ):
            loaded.extend(await self.session.scalars(statement))
        return loaded

    async def finish(self, reminder_id: int, worker: str, status: ReminderStatus) -> bool:
        """Record the outcome of a claimed reminder; False when the lease was lost meanwhile."""
        return reminder_id in await self.finish_many([reminder_id], worker, status)

    async def finish_many(
        self, reminder_ids: Iterable[int], worker: str, status: ReminderStatus
    ) -> set[int]:
        """Record one outcome for several claimed reminders in one statement; the ids recorded
        (the others' lease was lost meanwhile)."""
        wanted = builtins.list(reminder_ids)
        if not wanted:
            return set()
        now = self.clock()
        recorded = await self.session.scalars(
            update(ReminderRow)
            .where(ReminderRow.id.in_(wanted), ReminderRow.claimed_by == worker[:64], OPEN)
            .values(
                status=status.value,
                sent_at=now if status == ReminderStatus.SENT else None,
                claimed_by=None,
                claimed_until=None,
                updated_at=now,
            )
            .returning(ReminderRow.id)
        )
        return {int(reminder_id) for reminder_id in recorded}

    async def release(self, reminder_id: int, worker: str, due_at: datetime) -> None:
        """Give a claimed reminder back, to be sent at `due_at` (e.g. after quiet hours)."""
        await self.session.execute(
            update(ReminderRow)
            .where(ReminderRow.id == reminder_id, ReminderRow.claimed_by == worker[:64])
            .values(due_at=due_at, claimed_by=None, claimed_until=None, updated_at=self.clock())
        )

    async def open_item_ids(
        self, *, person_id: int | None = None, project_ids: Iterable[int] | None = None
    ) -> builtins.list[int]:
        """Items with open reminders for a person or in some projects (to replan them)."""
        statement = select(ReminderRow.item_id).where(OPEN, ReminderRow.item_id.is_not(None))
        if person_id is not None:
            statement = statement.where(ReminderRow.person_id == person_id)
        if project_ids is not None:
            statement = statement.where(ReminderRow.project_id.in_(builtins.list(project_ids)))
        return sorted({int(i) for i in await self.session.scalars(statement.distinct()) if i})

    async def drop_open_digests(self, project_ids: Iterable[int]) -> None:
        """Forget planned digests (the team changed its digest day); they are planned anew."""
        await self.session.execute(
            update(ReminderRow)
            .where(
                OPEN,
                ReminderRow.kind == ReminderKind.DIGEST.value,
                ReminderRow.project_id.in_(builtins.list(project_ids)),
            )
            .values(status=ReminderStatus.SKIPPED.value, updated_at=self.clock())
        )

    async def projects_without_digest(
        self, after: int = 0, limit: int | None = None
    ) -> builtins.list[int]:
        """Projects that have no digest planned, by id from `after` on, at most `limit` of them
        (one query, however many projects)."""
        # One pass over the open digests (a few rows, from the partial index
        # ix_reminders_open_digest, whose condition is repeated literally so SQLite matches
        # it), rather than a look at each project's reminders, which grow without bound.
        planned = select(ReminderRow.project_id).where(
            text("reminders.kind = 'digest' AND reminders.status IN ('pending', 'snoozed')")
        )
        query = (
            select(ProjectRow.id)
            .where(ProjectRow.id > after, ProjectRow.id.not_in(planned))
            .order_by(ProjectRow.id)
        )
        if limit is not None:
            query = query.limit(limit)
        return builtins.list(await self.session.scalars(query))

    async def digest_targets(
        self, after: int = 0, limit: int | None = None
    ) -> builtins.list[DigestTarget]:
        """The projects of `projects_without_digest`, each with what planning its digest
        reads: four queries however many projects.

        Looked up project by project, a first start with 1,000 projects cost 5,000 statements
        on the event loop's thread (seconds on SQLite, while people waited for answers).
        """
        ids = await self.projects_without_digest(after, limit)
        if not ids:
            return []
        projects = (
            await self.session.execute(
                select(ProjectRow.id, ProjectRow.team_id, TeamSettingsRow.digest_weekday)
                .outerjoin(TeamSettingsRow, TeamSettingsRow.team_id == ProjectRow.team_id)
                .where(ProjectRow.id.in_(ids))
            )
        ).all()
        coordinators: dict[int, int] = {}
        # Oldest first, as coordinator_of picks from current_members: the first one per team.
        for team_id, person_id in await self.session.execute(
            select(MembershipRow.team_id, MembershipRow.person_id)
            .where(
                MembershipRow.team_id.in_({row.team_id for row in projects}),
                MembershipRow.left_at.is_(None),
                MembershipRow.role == Role.COORDINATOR.value,
            )
            .order_by(MembershipRow.joined_at, MembershipRow.id)
        ):
            coordinators.setdefault(team_id, person_id)
        settings = {
            row.person_id: _settings(row)
            for row in await self.session.scalars(
                select(PersonSettingsRow).where(
                    PersonSettingsRow.person_id.in_(set(coordinators.values()))
                )
            )
        }
        default_weekday = TeamReminderSettings().digest_weekday
        targets = []
        for project_id, team_id, weekday in sorted(projects):
            coordinator = coordinators.get(team_id)
            chosen = settings.get(coordinator) if coordinator is not None else None
            targets.append(
                DigestTarget(
                    project_id=project_id,
                    digest_weekday=default_weekday if weekday is None else weekday,
                    coordinator_id=coordinator,
                    settings=chosen or ReminderSettings(),
                )
            )
        return targets

    async def add_many_once(self, reminders: Sequence[NewReminder]) -> None:
        """Schedule several messages in one statement, each unless its key exists."""
        if not reminders:
            return
        now = self.clock()
        table = table_of(ReminderRow)
        statement = insert_or_skip(self.session)(table).on_conflict_do_nothing(
            index_elements=["key"]
        )
        await self.session.execute(
            statement,
            [
                {
                    "key": reminder.key[:160],
                    "project_id": reminder.project_id,
                    "item_id": None,
                    "ref": reminder.ref[:80],
                    "kind": reminder.kind.value,
                    "person_id": reminder.person_id,
                    "deadline": reminder.deadline,
                    "due_at": reminder.due_at,
                    "status": ReminderStatus.PENDING.value,
                    "attempts": 0,
                    "created_at": now,
                    "updated_at": now,
                }
                for reminder in reminders
            ],
        )

    # ------------------------------------------------------------------------------------
    # settings

    async def settings(self, person_id: int) -> ReminderSettings:
        """A person's reminder settings (the defaults until they change them)."""
        return _settings(await self.session.get(PersonSettingsRow, person_id))

    async def save_settings(self, person_id: int, settings: ReminderSettings) -> None:
        """Store a person's reminder settings."""
        row = await self.session.get(PersonSettingsRow, person_id)
        if row is None:
            row = PersonSettingsRow(person_id=person_id)
            self.session.add(row)
        row.timezone = settings.timezone
        row.quiet_start = settings.quiet_start
        row.quiet_end = settings.quiet_end
        row.working_days = settings.working_days
        row.remind_at = settings.remind_at
        await self.session.flush()

    async def team_settings(self, team_id: int) -> TeamReminderSettings:
        """A team's reminder rules (the defaults until a coordinator changes them)."""
        row = await self.session.get(TeamSettingsRow, team_id)
        if row is None:
            return TeamReminderSettings()
        return TeamReminderSettings(
            days_before=row.days_before,
            escalation_days=row.escalation_days,
            digest_weekday=row.digest_weekday,
        )

    async def save_team_settings(self, team_id: int, settings: TeamReminderSettings) -> None:
        """Store a team's reminder rules (the caller checks the actor coordinates the team)."""
        row = await self.session.get(TeamSettingsRow, team_id)
        if row is None:
            row = TeamSettingsRow(team_id=team_id)
            self.session.add(row)
        row.days_before = settings.days_before
        row.escalation_days = settings.escalation_days
        row.digest_weekday = settings.digest_weekday
        await self.session.flush()
