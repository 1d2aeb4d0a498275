"""A reminder table at scale: real people in real teams with one due reminder each, and a
large history of other rows (sent, done, skipped, future), inserted in bulk.

The due reminders belong to communication actions whose date is today and whose owner is
the recipient, so the bot composes and sends them as it would in production. Everything else
is generated inside the database (generate_series on PostgreSQL, a recursive CTE on SQLite),
so a million rows take seconds, not minutes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from flows.domain import ReminderKind, ReminderSettings, ReminderStatus, Role, Track
from flows.schedule import zone_of
from storage.db import Store
from storage.tables import (
    ItemRow,
    MembershipRow,
    PersonRow,
    PersonSettingsRow,
    ProjectRow,
    ReminderRow,
    TeamRow,
)

FIRST_RECIPIENT = 900_001  # Telegram user ids of the recipients (the fake knows these chats)
MINUTES_A_YEAR = 525_600
TOOL = "communication"  # a tool that declares deadlines: its date, for the person named "who"


@dataclass(frozen=True, slots=True)
class Seeded:
    """What was put in: the recipients' Telegram ids and the row counts."""

    recipients: list[int]
    rows: int
    due: int
    teams: int


def recipient_name(number: int) -> str:
    """A recipient's display name, unique within the team (reminders find owners by name)."""
    return f"Lid {number:05d} Kring"


async def seed_reminders(
    store: Store, *, rows: int, due: int, now: datetime, team_size: int = 4
) -> Seeded:
    """`due` people (teams of `team_size`) each owning an action due today with a due
    reminder, plus `rows - due` other reminder rows; then ANALYZE, as a live database has."""
    if not 0 < due <= rows:
        raise ValueError("need 0 < due <= rows")
    uids = [FIRST_RECIPIENT + k for k in range(due)]
    today = now.astimezone(zone_of(ReminderSettings())).date()
    async with store.engine.begin() as conn:
        await conn.execute(
            insert(PersonRow),
            [
                {
                    "external_id": f"tg:{uid}",
                    "display_name": recipient_name(k),
                    "language": "nl",
                    "created_at": now - timedelta(days=90),
                }
                for k, uid in enumerate(uids)
            ],
        )
        found: Any = await conn.execute(
            select(PersonRow.id, PersonRow.external_id).where(PersonRow.external_id.like("tg:9%"))
        )
        person_of: dict[str, int] = {external: pid for pid, external in found.all()}
        people = [person_of[f"tg:{uid}"] for uid in uids]
        team_count = math.ceil(due / team_size)
        await conn.execute(
            insert(TeamRow),
            [
                {
                    "name": f"Herinnerteam {t:05d}",
                    "created_by": people[t * team_size],
                    "created_at": now - timedelta(days=90),
                }
                for t in range(team_count)
            ],
        )
        found = await conn.execute(
            select(TeamRow.id, TeamRow.name).where(TeamRow.name.like("Herinnerteam %"))
        )
        team_of: dict[str, int] = {name: tid for tid, name in found.all()}
        teams = [team_of[f"Herinnerteam {t:05d}"] for t in range(team_count)]
        await conn.execute(
            insert(MembershipRow),
            [
                {
                    "team_id": teams[k // team_size],
                    "person_id": pid,
                    "role": (Role.COORDINATOR if k % team_size == 0 else Role.MEMBER).value,
                    "joined_at": now - timedelta(days=90) + timedelta(minutes=k % team_size),
                }
                for k, pid in enumerate(people)
            ],
        )
        await conn.execute(
            insert(ProjectRow),
            [
                {
                    "team_id": tid,
                    "name": f"Circulaire strategie {t:05d}",
                    "track": Track.STRATEGY.value,
                    "created_by": people[t * team_size],
                    "created_at": now - timedelta(days=90),
                }
                for t, tid in enumerate(teams)
            ],
        )
        found = await conn.execute(
            select(ProjectRow.id, ProjectRow.team_id).where(ProjectRow.team_id.in_(teams))
        )
        project_of_team: dict[int, int] = {tid: pid for pid, tid in found.all()}
        projects = [project_of_team[tid] for tid in teams]
        # No quiet hours and every day a working day: the burst goes out whenever it runs.
        await conn.execute(
            insert(PersonSettingsRow),
            [
                {
                    "person_id": pid,
                    "timezone": "Europe/Brussels",
                    "quiet_start": "00:00",
                    "quiet_end": "00:00",
                    "working_days": "1234567",
                    "remind_at": "09:00",
                }
                for pid in people
            ],
        )
        await conn.execute(
            insert(ItemRow),
            [
                {
                    "project_id": projects[k // team_size],
                    "tool": TOOL,
                    "key": None,
                    "data": {
                        "name": f"Nieuwsbrief {k}",
                        "products": "herbruikbare bekers",
                        "who": recipient_name(k),
                        "when": today.isoformat(),
                    },
                    "version": 1,
                    "created_by": pid,
                    "created_at": now - timedelta(days=30),
                    "updated_by": pid,
                    "updated_at": now - timedelta(days=30),
                }
                for k, pid in enumerate(people)
            ],
        )
        found = await conn.execute(
            select(ItemRow.id, ItemRow.created_by).where(ItemRow.tool == TOOL)
        )
        item_of: dict[int, int] = {person: iid for iid, person in found.all()}
        await conn.execute(
            insert(ReminderRow),
            [
                {
                    "key": f"{item_of[pid]}:when:{ReminderKind.DUE.value}",
                    "project_id": projects[k // team_size],
                    "item_id": item_of[pid],
                    "ref": "when",
                    "kind": ReminderKind.DUE.value,
                    "person_id": pid,
                    "deadline": today,
                    "due_at": now - timedelta(minutes=1, seconds=k % 3600),
                    "status": ReminderStatus.PENDING.value,
                    "attempts": 0,
                    "created_at": now - timedelta(days=30),
                    "updated_at": now - timedelta(days=30),
                }
                for k, pid in enumerate(people)
            ],
        )
        if rows > due:
            await _history(conn, store.is_sqlite, rows - due, now, people, projects)
    async with store.engine.connect() as conn:
        autocommit = await conn.execution_options(isolation_level="AUTOCOMMIT")
        for table in ("people", "teams", "memberships", "projects", "items", "reminders"):
            await autocommit.execute(text(f"ANALYZE {table}"))
    return Seeded(recipients=uids, rows=rows, due=due, teams=team_count)


# Of every 20 other rows: 12 sent, 2 done, 1 skipped, 1 undeliverable (all in the past),
# 3 pending and 1 snoozed in the future: open rows that are not due yet.
_STATUS = (
    "CASE WHEN x % 20 < 12 THEN 'sent' WHEN x % 20 < 14 THEN 'done' "
    "WHEN x % 20 = 14 THEN 'skipped' WHEN x % 20 = 15 THEN 'undeliverable' "
    "WHEN x % 20 < 19 THEN 'pending' ELSE 'snoozed' END"
)
_KIND = "CASE x % 3 WHEN 0 THEN 'before' WHEN 1 THEN 'due' ELSE 'escalation' END"
_COLUMNS = (
    "key, project_id, item_id, ref, kind, person_id, deadline, due_at, status, attempts, "
    "claimed_by, claimed_until, sent_at, created_at, updated_at"
)


async def _history(
    conn: Any, is_sqlite: bool, count: int, now: datetime, people: list[int], projects: list[int]
) -> None:
    """`count` reminder rows that are not due now, generated by the database itself."""
    # Rows point at real people and projects (the foreign keys hold); ids are contiguous
    # because each was inserted by one statement into a fresh database.
    params: dict[str, Any] = {
        "n": count,
        "p0": min(projects),
        "np": len(projects),
        "q0": min(people),
        "nq": len(people),
    }
    if max(projects) - min(projects) + 1 != len(projects) or (
        max(people) - min(people) + 1 != len(people)
    ):
        raise RuntimeError("expected contiguous ids in a fresh database")
    if is_sqlite:
        # SQLAlchemy stores SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC here).
        params["now"] = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        moment = (
            f"strftime('%Y-%m-%d %H:%M:%S', :now, "
            "(CASE WHEN x % 20 < 16 THEN '-' ELSE '+' END) || "
            f"(1 + x % {MINUTES_A_YEAR}) || ' minutes')"
            " || '.000000'"
        )
        statement = (
            f"INSERT INTO reminders ({_COLUMNS}) "
            "WITH RECURSIVE series(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM series "
            "WHERE x < :n) "
            f"SELECT 'bench:' || x, :p0 + x % :np, NULL, 'when', {_KIND}, :q0 + x % :nq, "
            f"NULL, {moment}, {_STATUS}, CASE WHEN x % 20 < 12 THEN 1 ELSE 0 END, NULL, NULL, "
            f"CASE WHEN x % 20 < 12 THEN {moment} END, :now || '.000000', :now || '.000000' "
            "FROM series"
        )
    else:
        params["now"] = now
        moment = (
            "(CASE WHEN x % 20 < 16 THEN CAST(:now AS timestamptz) - make_interval(mins => "
            f"1 + x % {MINUTES_A_YEAR}) ELSE CAST(:now AS timestamptz) + make_interval(mins => "
            f"1 + x % {MINUTES_A_YEAR}) END)"
        )
        statement = (
            f"INSERT INTO reminders ({_COLUMNS}) "
            f"SELECT 'bench:' || x, :p0 + x % :np, NULL, 'when', {_KIND}, :q0 + x % :nq, "
            f"NULL, {moment}, {_STATUS}, CASE WHEN x % 20 < 12 THEN 1 ELSE 0 END, NULL, NULL, "
            f"CASE WHEN x % 20 < 12 THEN {moment} END, CAST(:now AS timestamptz), "
            "CAST(:now AS timestamptz) FROM generate_series(1, :n) AS x"
        )
    await conn.execute(text(statement), params)


async def count_rows(store: Store) -> int:
    """How many reminder rows there are."""
    async with store.engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(ReminderRow)) or 0)
