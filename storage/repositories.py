"""Repositories: the only code that touches tables; they return domain objects.

Every read or write of team data takes the acting person and checks that they belong to the
team, so no caller can forget the check.
"""

from __future__ import annotations

import base64
import builtins
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Executable, Result, delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import aliased

from flows.domain import (
    Change,
    Conversation,
    ConversationStatus,
    Invite,
    Item,
    Member,
    Person,
    Project,
    Role,
    Team,
    Track,
)
from storage import statements
from storage.sqlite_driver import DirectStatements, runs_inline
from storage.tables import (
    ButtonRow,
    ConversationRow,
    InviteRow,
    ItemChangeRow,
    ItemRow,
    MembershipRow,
    PersonRow,
    ProcessedEventRow,
    ProjectRow,
    TeamRow,
)

if TYPE_CHECKING:
    from storage.reminders import ReminderRepo


class AccessDenied(Exception):
    """The acting person may not read or change this."""


class NotFound(Exception):
    """The thing asked for does not exist (or is deleted)."""


def utcnow() -> datetime:
    """The current time in UTC, timezone-aware."""
    return datetime.now(UTC)


Clock = Callable[[], datetime]


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; we store UTC, so mark them as such."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# Where a session keeps its transaction's connection for `run_statement`, and whether
# statements may run on it without a greenlet (our inline SQLite driver; see
# storage/sqlite_driver.py).
_CONNECTION = "kringkoers.connection"
# The transaction's connection, its sync side when statements may skip the greenlet, and the
# runner of prebuilt statements straight on sqlite3 (see storage/sqlite_driver.py).
_Found = tuple[AsyncConnection, Connection | None, DirectStatements | None]


async def run_statement(
    session: AsyncSession,
    statement: Executable,
    params: Mapping[str, Any] | builtins.list[dict[str, Any]],
) -> Result[*tuple[Any, ...]]:
    """Run one of the prebuilt Core statements in the session's transaction.

    The statement goes straight to the transaction's connection: the ORM session's execute
    adds nothing for Core statements but its own cost, and on SQLite (whose calls never wait
    once the transaction has begun) the greenlet switches go too. What the session did add
    is its autoflush (SQLAlchemy issue #9809), so changes still pending on ORM rows are
    flushed first here, and every statement after them sees them.
    """
    if not session.sync_session._is_clean():  # the test the session's autoflush makes
        await session.flush()
    found: _Found | None = session.info.get(_CONNECTION)
    if found is None or found[0].closed or not found[0].in_transaction():
        # Fetched once per transaction (this begins it); a session that committed has ended
        # its transaction (and given a pooled connection back), so the next one's is fetched.
        found = attach_connection(session, await session.connection())
    connection, direct, runner = found
    # Only inside the begun transaction: beginning (or reconnecting) may have to wait.
    if direct is not None and direct.in_transaction() and not direct.invalidated:
        # Straight to sqlite3 when the statement allows (see DirectStatements), else through
        # the connection, still without a greenlet.
        result = runner.execute(statement, params) if runner is not None else None
        return result if result is not None else direct.execute(statement, params)
    return await connection.execute(statement, params)


def attach_connection(session: AsyncSession, connection: AsyncConnection) -> _Found:
    """Note the connection of the session's transaction for its statements (`run_statement`)."""
    sync = connection.sync_connection
    inline = sync if sync is not None and runs_inline(sync) else None
    found = session.info[_CONNECTION] = (
        connection,
        inline,
        DirectStatements.of(inline) if inline is not None else None,
    )
    return found


def _person(row: Any) -> Person:
    return Person(
        id=row.id,
        external_id=row.external_id,
        display_name=row.display_name,
        language=row.language,
        active_project_id=row.active_project_id,
    )


def _team(row: Any) -> Team:
    return Team(
        id=row.id,
        name=row.name,
        group_chat_id=row.group_chat_id,
        created_by=row.created_by,
        created_at=aware(row.created_at),
    )


def _project(row: Any) -> Project:
    return Project(
        id=row.id,
        team_id=row.team_id,
        name=row.name,
        track=Track(row.track),
        created_at=aware(row.created_at),
    )


def _conversation(row: Any) -> Conversation:
    return Conversation(
        id=row.id,
        person_id=row.person_id,
        project_id=row.project_id,
        flow_id=row.flow_id,
        status=ConversationStatus(row.status),
        step=row.step,
        cursor=dict(row.cursor or {}),
        draft=dict(row.draft or {}),
        token=row.token,
        updated_at=aware(row.updated_at),
    )


class Tx:
    """The repositories of one transaction."""

    def __init__(
        self, session: AsyncSession, clock: Clock = utcnow, *, serialised: bool = False
    ) -> None:
        """`serialised`: no other transaction can write until this one ends (SQLite's)."""
        self.session = session
        self.clock = clock
        # People's names by id, as read or written in this transaction: the acting person's
        # comes from get_or_create, so showing the items they made needs no query for it.
        names: dict[int, str] = {}
        self.people = PeopleRepo(session, clock, names=names)
        self.teams = TeamRepo(session, clock)
        self.projects = ProjectRepo(session, clock, self.teams)
        self.items = ItemRepo(session, clock, self.projects, serialised=serialised, names=names)
        self.conversations = ConversationRepo(session, clock)
        self.events = EventRepo(session, clock)
        self.buttons = ButtonRepo(session, clock)
        from storage.reminders import ReminderRepo  # imported here: it builds on this module

        self.reminders: ReminderRepo = ReminderRepo(session, clock)


class PeopleRepo:
    """People known to the bot."""

    def __init__(
        self, session: AsyncSession, clock: Clock = utcnow, names: dict[int, str] | None = None
    ) -> None:
        self.session = session
        self.clock = clock
        # Where get_or_create leaves the name it read or wrote (shared with ItemRepo by Tx).
        self.names = names if names is not None else {}

    async def get_or_create(
        self, external_id: str, display_name: str, language: str | None
    ) -> tuple[Person, bool]:
        """The person with this transport identity, created on first contact."""
        row = (
            await run_statement(
                self.session, statements.person_by_external_id(), {"external_id": external_id}
            )
        ).first()
        if row is None:
            name = display_name[:200]
            values = {
                "external_id": external_id,
                "display_name": name,
                "language": language,
                "active_project_id": None,
                "created_at": self.clock(),
            }
            result = await run_statement(
                self.session, statements.insert_returning_id(PersonRow), values
            )
            person = Person(
                id=result.scalar_one(),
                external_id=external_id,
                display_name=name,
                language=language,
                active_project_id=None,
            )
            self.names[person.id] = name
            return person, True
        if display_name and row.display_name != display_name[:200]:
            await run_statement(
                self.session,
                statements.rename_person(),
                {"b_person_id": row.id, "b_display_name": display_name[:200]},
            )
            name = display_name[:200]
            self.names[row.id] = name
            return Person(row.id, row.external_id, name, row.language, row.active_project_id), False
        self.names[row.id] = row.display_name
        return _person(row), False

    async def get(self, person_id: int) -> Person:
        """A person by id."""
        row = await self.session.get(PersonRow, person_id)
        if row is None:
            raise NotFound(f"person {person_id}")
        return _person(row)

    async def set_language(self, person_id: int, language: str) -> None:
        """Remember the person's chosen language."""
        await self.session.execute(
            update(PersonRow).where(PersonRow.id == person_id).values(language=language)
        )

    async def set_active_project(self, person_id: int, project_id: int | None) -> None:
        """Switch the project the person works on."""
        await self.session.execute(
            update(PersonRow).where(PersonRow.id == person_id).values(active_project_id=project_id)
        )


class TeamRepo:
    """Teams, memberships and invites.

    Roles are remembered for the rest of the transaction (an event checks the same membership
    several times); every method here that changes a membership forgets them. Teams read are
    remembered too; linking a group (the only change to a team's row) forgets them.
    """

    def __init__(self, session: AsyncSession, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock
        self._roles: dict[tuple[int, int], Role | None] = {}
        self._teams: dict[int, Team] = {}

    def remember(self, team: Team, person_id: int, role: Role | None) -> None:
        """Keep a team and a person's role in it, read together with something else."""
        self._teams[team.id] = team
        self._roles[(team.id, person_id)] = role

    async def create(self, name: str, creator_id: int) -> Team:
        """A new team whose creator becomes its coordinator."""
        now = self.clock()
        self._roles.clear()
        row = TeamRow(name=name[:200], created_by=creator_id, created_at=now)
        self.session.add(row)
        await self.session.flush()
        self.session.add(
            MembershipRow(
                team_id=row.id, person_id=creator_id, role=Role.COORDINATOR.value, joined_at=now
            )
        )
        await self.session.flush()
        return _team(row)

    async def role_of(self, team_id: int, person_id: int) -> Role | None:
        """The person's role in the team, or None when they are not (or no longer) a member."""
        key = (team_id, person_id)
        if key not in self._roles:
            result = await run_statement(
                self.session, statements.role_of(), {"team_id": team_id, "person_id": person_id}
            )
            role = result.scalar()
            self._roles[key] = Role(role) if role else None
        return self._roles[key]

    async def require_member(self, team_id: int, person_id: int) -> Role:
        """The person's role; AccessDenied when they are not in the team."""
        role = await self.role_of(team_id, person_id)
        if role is None:
            raise AccessDenied(f"person {person_id} is not in team {team_id}")
        return role

    async def require_coordinator(self, team_id: int, person_id: int) -> None:
        """AccessDenied unless the person coordinates the team."""
        if await self.require_member(team_id, person_id) != Role.COORDINATOR:
            raise AccessDenied(f"person {person_id} does not coordinate team {team_id}")

    async def get(self, team_id: int, actor_id: int) -> Team:
        """A team the actor belongs to."""
        await self.require_member(team_id, actor_id)
        team = self._teams.get(team_id)
        if team is None:
            row = (
                await run_statement(self.session, statements.team_by_id(), {"team_id": team_id})
            ).first()
            if row is None:
                raise NotFound(f"team {team_id}")
            team = self._teams[team_id] = _team(row)
        return team

    async def teams_of(self, person_id: int) -> list[tuple[Team, Role]]:
        """The teams a person is in, with their role."""
        rows = await self.session.execute(
            select(TeamRow, MembershipRow.role)
            .join(MembershipRow, MembershipRow.team_id == TeamRow.id)
            .where(MembershipRow.person_id == person_id, MembershipRow.left_at.is_(None))
            .order_by(TeamRow.id)
        )
        return [(_team(team), Role(role)) for team, role in rows.all()]

    async def members(self, team_id: int, actor_id: int) -> list[Member]:
        """Current members of a team the actor belongs to."""
        await self.require_member(team_id, actor_id)
        return await self.current_members(team_id)

    async def current_members(self, team_id: int) -> list[Member]:
        """Current members without an acting person: for the scheduler and reminder sync."""
        rows = await self.session.execute(
            select(MembershipRow, PersonRow.display_name)
            .join(PersonRow, PersonRow.id == MembershipRow.person_id)
            .where(MembershipRow.team_id == team_id, MembershipRow.left_at.is_(None))
            .order_by(MembershipRow.joined_at, MembershipRow.id)
        )
        return [
            Member(
                team_id=m.team_id,
                person_id=m.person_id,
                display_name=name,
                role=Role(m.role),
                joined_at=aware(m.joined_at),
            )
            for m, name in rows.all()
        ]

    async def _join(self, team_id: int, person_id: int, role: Role) -> bool:
        """Add or re-add a member; False when they were already in."""
        self._roles.clear()
        row = await self.session.scalar(
            select(MembershipRow).where(
                MembershipRow.team_id == team_id, MembershipRow.person_id == person_id
            )
        )
        if row is None:
            self.session.add(
                MembershipRow(
                    team_id=team_id, person_id=person_id, role=role.value, joined_at=self.clock()
                )
            )
            await self.session.flush()
            return True
        if row.left_at is None:
            return False
        row.left_at = None
        row.role = role.value
        row.joined_at = self.clock()
        return True

    async def coordinators(self, team_id: int) -> list[int]:
        """Ids of the team's coordinators."""
        rows = await self.session.scalars(
            select(MembershipRow.person_id).where(
                MembershipRow.team_id == team_id,
                MembershipRow.role == Role.COORDINATOR.value,
                MembershipRow.left_at.is_(None),
            )
        )
        return list(rows)

    async def leave(self, team_id: int, person_id: int) -> None:
        """The person leaves; a last coordinator must first hand over the role."""
        role = await self.require_member(team_id, person_id)
        members = await self.members(team_id, person_id)
        if (
            role == Role.COORDINATOR
            and len(members) > 1
            and len(await self.coordinators(team_id)) == 1
        ):
            raise AccessDenied("last coordinator must hand over first")
        await self._mark_left(team_id, person_id)

    async def _mark_left(self, team_id: int, person_id: int) -> None:
        self._roles.clear()
        await self.session.execute(
            update(MembershipRow)
            .where(MembershipRow.team_id == team_id, MembershipRow.person_id == person_id)
            .values(left_at=self.clock())
        )
        await self.session.execute(
            update(PersonRow)
            .where(
                PersonRow.id == person_id,
                PersonRow.active_project_id.in_(
                    select(ProjectRow.id).where(ProjectRow.team_id == team_id)
                ),
            )
            .values(active_project_id=None)
        )

    async def remove(self, team_id: int, actor_id: int, person_id: int) -> None:
        """A coordinator removes a member."""
        await self.require_coordinator(team_id, actor_id)
        if actor_id == person_id:
            raise AccessDenied("use leave to leave")
        await self.require_member(team_id, person_id)
        await self._mark_left(team_id, person_id)

    async def hand_over(self, team_id: int, actor_id: int, person_id: int) -> None:
        """A coordinator makes another member coordinator and becomes a member."""
        await self.require_coordinator(team_id, actor_id)
        await self.require_member(team_id, person_id)
        if actor_id == person_id:
            return
        self._roles.clear()
        for pid, role in ((person_id, Role.COORDINATOR), (actor_id, Role.MEMBER)):
            await self.session.execute(
                update(MembershipRow)
                .where(MembershipRow.team_id == team_id, MembershipRow.person_id == pid)
                .values(role=role.value)
            )

    async def link_group(self, team_id: int, actor_id: int, chat_id: str) -> None:
        """A coordinator links a group chat to the team (one team per group)."""
        await self.require_coordinator(team_id, actor_id)
        self._teams.clear()
        await self.session.execute(
            update(TeamRow).where(TeamRow.group_chat_id == chat_id).values(group_chat_id=None)
        )
        await self.session.execute(
            update(TeamRow).where(TeamRow.id == team_id).values(group_chat_id=chat_id)
        )

    async def by_group(self, chat_id: str) -> Team | None:
        """The team linked to a group chat, if any."""
        row = await self.session.scalar(select(TeamRow).where(TeamRow.group_chat_id == chat_id))
        return _team(row) if row else None

    async def create_invite(self, team_id: int, actor_id: int, ttl: timedelta) -> Invite:
        """A fresh unguessable invite (only coordinators invite)."""
        await self.require_coordinator(team_id, actor_id)
        now = self.clock()
        # 18 random bytes -> 24 URL-safe characters: fits Telegram's 64-character start payload.
        row = InviteRow(
            team_id=team_id,
            token=secrets.token_urlsafe(18),
            created_by=actor_id,
            created_at=now,
            expires_at=now + ttl,
            use_count=0,
        )
        self.session.add(row)
        await self.session.flush()
        return Invite(row.id, team_id, row.token, aware(row.expires_at), revoked=False)

    async def revoke_invites(self, team_id: int, actor_id: int) -> int:
        """Revoke every open invite of the team; returns how many."""
        await self.require_coordinator(team_id, actor_id)
        result = await self.session.execute(
            update(InviteRow)
            .where(InviteRow.team_id == team_id, InviteRow.revoked_at.is_(None))
            .values(revoked_at=self.clock())
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def redeem_invite(self, token: str, person_id: int) -> tuple[Team | None, str]:
        """Join with a token: (team, joined/already) or (None, unknown/expired/revoked)."""
        row = await self.session.scalar(select(InviteRow).where(InviteRow.token == token[:64]))
        if row is None:
            return None, "unknown"
        if row.revoked_at is not None:
            return None, "revoked"
        if aware(row.expires_at) < self.clock():
            return None, "expired"
        joined = await self._join(row.team_id, person_id, Role.MEMBER)
        if joined:
            row.use_count += 1
        team = await self.session.get(TeamRow, row.team_id)
        assert team is not None
        return _team(team), "joined" if joined else "already"


class ProjectRepo:
    """Projects of teams."""

    def __init__(self, session: AsyncSession, clock: Clock, teams: TeamRepo) -> None:
        self.session = session
        self.clock = clock
        self.teams = teams
        # Projects read in this transaction, so an event selects each once (nothing changes a
        # project's row after it is created).
        self._projects: dict[int, Project] = {}

    async def create(self, team_id: int, actor_id: int, name: str, track: Track) -> Project:
        """A new project in a team the actor belongs to."""
        await self.teams.require_member(team_id, actor_id)
        row = ProjectRow(
            team_id=team_id,
            name=name[:200],
            track=track.value,
            created_by=actor_id,
            created_at=self.clock(),
        )
        self.session.add(row)
        await self.session.flush()
        return _project(row)

    async def get(self, project_id: int, actor_id: int) -> Project:
        """A project of one of the actor's teams."""
        project = self._projects.get(project_id)
        if project is None:
            result = await run_statement(
                self.session, statements.project_by_id(), {"project_id": project_id}
            )
            row = result.first()
            if row is None:
                raise NotFound(f"project {project_id}")
            project = self._projects[project_id] = _project(row)
        await self.teams.require_member(project.team_id, actor_id)
        return project

    async def with_team(self, project_id: int, actor_id: int) -> tuple[Project, Team]:
        """A project of one of the actor's teams, with that team (one statement, not three)."""
        project = self._projects.get(project_id)
        if project is None:
            result = await run_statement(
                self.session,
                statements.project_team_role(),
                {"project_id": project_id, "actor_id": actor_id},
            )
            row = result.first()
            if row is None:
                raise NotFound(f"project {project_id}")
            project = self._projects[project_id] = Project(
                id=row[0],
                team_id=row[1],
                name=row[2],
                track=Track(row[3]),
                created_at=aware(row[4]),
            )
            team = Team(
                id=row[1],
                name=row[5],
                group_chat_id=row[6],
                created_by=row[7],
                created_at=aware(row[8]),
            )
            self.teams.remember(team, actor_id, Role(row[9]) if row[9] else None)
        await self.teams.require_member(project.team_id, actor_id)
        return project, await self.teams.get(project.team_id, actor_id)

    async def unchecked(self, project_id: int) -> tuple[Project, Team] | None:
        """A project and its team without a membership check: for the scheduler only."""
        row = await self.session.get(ProjectRow, project_id)
        if row is None:
            return None
        team = await self.session.get(TeamRow, row.team_id)
        assert team is not None
        return _project(row), _team(team)

    async def lock(self, project_id: int, actor_id: int) -> None:
        """Serialise changes to a project's lists (PostgreSQL row lock; SQLite is serial)."""
        await self.get(project_id, actor_id)
        await run_statement(self.session, statements.lock_project(), {"project_id": project_id})

    async def of_person(self, person_id: int) -> list[tuple[Project, Team]]:
        """Every project in every team of the person."""
        rows = await self.session.execute(
            select(ProjectRow, TeamRow)
            .join(TeamRow, TeamRow.id == ProjectRow.team_id)
            .join(MembershipRow, MembershipRow.team_id == TeamRow.id)
            .where(MembershipRow.person_id == person_id, MembershipRow.left_at.is_(None))
            .order_by(TeamRow.id, ProjectRow.id)
        )
        return [(_project(p), _team(t)) for p, t in rows.all()]


@dataclass(slots=True)
class _ItemRecord:
    """An item's columns as the transaction last read or wrote them."""

    id: int
    project_id: int
    tool: str
    key: str | None
    data: dict[str, Any]
    version: int
    created_by: int
    created_at: datetime
    updated_by: int
    updated_at: datetime
    deleted_at: datetime | None


class ItemRepo:
    """Artifacts of the tools, with their history.

    Items and people's names read are remembered for the rest of the transaction (an event
    shows, changes and shows again the same item); every change here updates what is kept.
    `set_field` reads the row afresh, locked, before changing it, unless the transaction is
    `serialised` (SQLite's, which hold the write lock from BEGIN): then what it read is current.
    """

    def __init__(
        self,
        session: AsyncSession,
        clock: Clock,
        projects: ProjectRepo,
        *,
        serialised: bool = False,
        names: dict[int, str] | None = None,
    ) -> None:
        self.session = session
        self.clock = clock
        self.projects = projects
        self.serialised = serialised
        # Items added, changed or deleted in this transaction: their declared deadlines are
        # synced to reminders before it commits.
        self.touched: dict[int, str] = {}  # item id -> tool
        self._records: dict[int, _ItemRecord] = {}
        self._singletons: dict[tuple[int, str, str], int] = {}
        # Names are only ever changed by PeopleRepo.get_or_create, at the start of an event,
        # which leaves the acting person's here when Tx shares one dict between the two.
        self._known_names: dict[int, str] = names if names is not None else {}

    def _item(self, row: _ItemRecord, names: dict[int, str]) -> Item:
        return Item(
            id=row.id,
            project_id=row.project_id,
            tool=row.tool,
            key=row.key,
            data=dict(row.data or {}),
            version=row.version,
            created_by=row.created_by,
            created_by_name=names.get(row.created_by, "?"),
            created_at=aware(row.created_at),
            updated_by=row.updated_by,
            updated_by_name=names.get(row.updated_by, "?"),
            updated_at=aware(row.updated_at),
        )

    def _keep(self, row: Any) -> _ItemRecord:
        record = _ItemRecord(*row)
        self._records[record.id] = record
        return record

    async def _names(self, ids: set[int]) -> dict[int, str]:
        missing = ids - self._known_names.keys()
        if missing:
            result = await run_statement(
                self.session, statements.names_of(), {"ids": sorted(missing)}
            )
            self._known_names.update((pid, name) for pid, name in result)
        return {pid: self._known_names[pid] for pid in ids if pid in self._known_names}

    async def _rows_to_items(self, rows: builtins.list[_ItemRecord]) -> builtins.list[Item]:
        names = await self._names({r.created_by for r in rows} | {r.updated_by for r in rows})
        return [self._item(r, names) for r in rows]

    async def list(self, project_id: int, tool: str, actor_id: int) -> builtins.list[Item]:
        """Live items of a tool in a project, oldest first."""
        await self.projects.get(project_id, actor_id)
        result = await run_statement(
            self.session, statements.live_items(), {"project_id": project_id, "tool": tool}
        )
        return await self._rows_to_items([self._keep(row) for row in result])

    async def _load(self, item_id: int) -> _ItemRecord | None:
        """The item's record, read once per transaction (deleted or not)."""
        record = self._records.get(item_id)
        if record is None:
            row = (
                await run_statement(self.session, statements.item_by_id(), {"item_id": item_id})
            ).first()
            if row is None:
                return None
            record = self._keep(row)
        return record

    async def _row(self, item_id: int, actor_id: int) -> _ItemRecord:
        row = await self._load(item_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(f"item {item_id}")
        await self.projects.get(row.project_id, actor_id)
        return row

    async def get(self, item_id: int, actor_id: int) -> Item:
        """One live item."""
        row = await self._row(item_id, actor_id)
        return (await self._rows_to_items([row]))[0]

    async def unchecked(self, item_id: int) -> Item | None:
        """A live item without a membership check: for the scheduler, never for a request."""
        row = await self._load(item_id)
        if row is None or row.deleted_at is not None:
            return None
        return (await self._rows_to_items([row]))[0]

    async def find(self, item_id: int, actor_id: int) -> Item | None:
        """One live item, or None when it was deleted meanwhile."""
        try:
            return await self.get(item_id, actor_id)
        except NotFound:
            return None

    async def add(
        self,
        project_id: int,
        tool: str,
        data: dict[str, Any],
        actor_id: int,
        *,
        key: str | None = None,
    ) -> Item:
        """Store a new item."""
        await self.projects.get(project_id, actor_id)
        now = self.clock()
        values = {
            "project_id": project_id,
            "tool": tool,
            "key": key,
            "data": data,
            "version": 1,
            "created_by": actor_id,
            "created_at": now,
            "updated_by": actor_id,
            "updated_at": now,
            "deleted_at": None,
            "deleted_by": None,
        }
        item_id = (
            await run_statement(self.session, statements.insert_returning_id(ItemRow), values)
        ).scalar_one()
        row = _ItemRecord(
            item_id, project_id, tool, key, dict(data), 1, actor_id, now, actor_id, now, None
        )
        self._records[item_id] = row
        self.touched[item_id] = tool
        return (await self._rows_to_items([row]))[0]

    async def singleton(self, project_id: int, tool: str, key: str, actor_id: int) -> Item:
        """The project's one record of a tool under a key (created empty on first use)."""
        await self.projects.get(project_id, actor_id)
        known = self._records.get(self._singletons.get((project_id, tool, key), 0))
        if known is not None and known.deleted_at is None:
            return (await self._rows_to_items([known]))[0]
        result = await run_statement(
            self.session,
            statements.singleton_item(),
            {"project_id": project_id, "tool": tool, "key": key},
        )
        row = result.first()
        item = (
            await self.add(project_id, tool, {}, actor_id, key=key)
            if row is None
            else (await self._rows_to_items([self._keep(row)]))[0]
        )
        self._singletons[(project_id, tool, key)] = item.id
        return item

    async def set_field(
        self, item_id: int, field: str, value: Any, actor_id: int
    ) -> tuple[Item, Change | None]:
        """Set one field; returns the item and, when someone else had just set it, their change.

        The update is a single statement on the row, so two members answering at the same
        moment both land: the later value wins and the earlier one stays in the history.
        """
        # Lock the row (PostgreSQL) and read its latest data, so the read-modify-write of
        # `data` is never interleaved with a teammate's. A serialised transaction has nobody
        # to interleave with: the row it read before is still the row.
        row = self._records.get(item_id) if self.serialised else None
        if row is None:
            found = (
                await run_statement(
                    self.session, statements.item_for_update(), {"item_id": item_id}
                )
            ).first()
            if found is None:
                raise NotFound(f"item {item_id}")
            row = self._keep(found)
        if row.deleted_at is not None:
            raise NotFound(f"item {item_id}")
        await self.projects.get(row.project_id, actor_id)
        old = (row.data or {}).get(field)
        previous = await self._last_change(item_id, field)
        data = dict(row.data or {})
        data[field] = value
        now = self.clock()
        change = {
            "item_id": item_id,
            "field": field,
            "old": old,
            "new": value,
            "changed_by": actor_id,
            "changed_at": now,
        }
        await run_statement(self.session, statements.insert_change(), change)
        await run_statement(
            self.session,
            statements.write_item(),
            {
                "b_item_id": item_id,
                "b_data": data,
                "b_version": row.version + 1,
                "b_updated_by": actor_id,
                "b_updated_at": now,
            },
        )
        row.data, row.version, row.updated_by, row.updated_at = data, row.version + 1, actor_id, now
        self.touched[row.id] = row.tool
        item = (await self._rows_to_items([row]))[0]
        return item, previous

    async def _last_change(self, item_id: int, field: str) -> Change | None:
        """The latest recorded change of a field."""
        result = await run_statement(
            self.session, statements.last_change(), {"item_id": item_id, "field": field}
        )
        row = result.first()
        if row is None:
            return None
        names = await self._names({row.changed_by})
        return Change(
            row.item_id,
            row.field,
            row.old,
            row.new,
            row.changed_by,
            names.get(row.changed_by, "?"),
            aware(row.changed_at),
        )

    async def history(self, item_id: int, actor_id: int) -> builtins.list[Change]:
        """Every recorded change of an item, oldest first."""
        await self._row(item_id, actor_id)
        person = aliased(PersonRow)
        rows = await self.session.execute(
            select(ItemChangeRow, person.display_name)
            .join(person, person.id == ItemChangeRow.changed_by)
            .where(ItemChangeRow.item_id == item_id)
            .order_by(ItemChangeRow.id)
        )
        return [
            Change(c.item_id, c.field, c.old, c.new, c.changed_by, name, aware(c.changed_at))
            for c, name in rows.all()
        ]

    async def delete(self, item_id: int, actor_id: int) -> Item:
        """Soft-delete an item (kept for the record)."""
        row = await self._row(item_id, actor_id)
        now = self.clock()
        await run_statement(
            self.session,
            statements.delete_item(),
            {
                "b_item_id": item_id,
                "b_deleted_at": now,
                "b_deleted_by": actor_id,
                "b_version": row.version + 1,
            },
        )
        row.deleted_at = now
        row.version += 1
        self.touched[row.id] = row.tool
        return (await self._rows_to_items([row]))[0]

    async def count(self, project_id: int, tool: str) -> int:
        """How many live items a tool has (no membership check: counts reveal no content)."""
        result = await run_statement(
            self.session, statements.count_items(), {"project_id": project_id, "tool": tool}
        )
        return int(result.scalar() or 0)


class ConversationRepo:
    """Conversation state, one row per person, project and flow."""

    def __init__(self, session: AsyncSession, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock
        # Conversations this transaction knows to be the only active one of their person:
        # saving such a one needs no statement pausing the others (a tap saves once or twice).
        self._sole_active: set[int] = set()

    async def active(self, person_id: int) -> Conversation | None:
        """The conversation the person is in right now, locked until the transaction ends.

        The lock (PostgreSQL; SQLite serialises whole transactions) makes two events of one
        person, such as a double click handled by two workers, apply one after the other.
        """
        result = await run_statement(
            self.session, statements.active_conversation(), {"person_id": person_id}
        )
        row = result.first()
        if row is None:
            return None
        conversation = _conversation(row)
        # Every save of an active conversation pauses the person's others, so this is their
        # only active one. (Were another left active, this one is the newest, and saving
        # keeps it so: active() still picks it.)
        self._sole_active.add(conversation.id)
        return conversation

    async def paused(
        self, person_id: int, flow_id: str, project_id: int | None
    ) -> Conversation | None:
        """The latest paused walk through this flow and project (not an editor), to resume."""
        params: dict[str, Any] = {"person_id": person_id, "flow_id": flow_id}
        if project_id is not None:
            params["project_id"] = project_id
        rows = await run_statement(
            self.session, statements.paused_conversations(project_id is not None), params
        )
        # The cursor is JSON, so editors are told apart here rather than in SQL; a person has
        # at most a handful of paused conversations per flow.
        for row in rows:
            if not (row.cursor or {}).get("mode"):
                return _conversation(row)
        return None

    async def paused_by_id(self, person_id: int, conversation_id: int) -> Conversation | None:
        """A paused conversation of this person by id (None when not theirs or not paused)."""
        result = await run_statement(
            self.session, statements.conversation_by_id(), {"conversation_id": conversation_id}
        )
        row = result.first()
        if row is None or row.person_id != person_id:
            return None
        if row.status != ConversationStatus.PAUSED.value:
            return None
        return _conversation(row)

    async def latest(self, person_id: int, project_id: int | None) -> Conversation | None:
        """The person's most recently touched conversation in a project."""
        params: dict[str, Any] = {"person_id": person_id}
        if project_id is not None:
            params["project_id"] = project_id
        result = await run_statement(
            self.session, statements.latest_conversation(project_id is not None), params
        )
        row = result.first()
        return _conversation(row) if row else None

    async def start(
        self,
        person_id: int,
        project_id: int | None,
        flow_id: str,
        step: str,
        *,
        replace: bool = True,
    ) -> Conversation:
        """Start a conversation, pausing whatever the person was doing.

        With `replace`, earlier walks through the same flow and project are dropped (a
        restart); the editor of saved answers passes False so the walk can be resumed after.
        """
        await self.pause_all(person_id)  # forgets the sole active ones
        if replace:
            # Close (rather than delete) earlier walks: ids are never reused, so a button of
            # an old conversation can never come back to life.
            params: dict[str, Any] = {"b_person_id": person_id, "b_flow_id": flow_id}
            if project_id is not None:
                params["b_project_id"] = project_id
            await run_statement(
                self.session, statements.close_paused(project_id is not None), params
            )
        now = self.clock()
        result = await run_statement(
            self.session,
            statements.insert_returning_id(ConversationRow),
            {
                "person_id": person_id,
                "project_id": project_id,
                "flow_id": flow_id,
                "status": ConversationStatus.ACTIVE.value,
                "step": step,
                "cursor": {},
                "draft": {},
                "token": 1,
                "started_at": now,
                "updated_at": now,
            },
        )
        conversation_id = result.scalar_one()
        self._sole_active.add(conversation_id)
        return Conversation(
            id=conversation_id,
            person_id=person_id,
            project_id=project_id,
            flow_id=flow_id,
            status=ConversationStatus.ACTIVE,
            step=step,
            cursor={},
            draft={},
            token=1,
            updated_at=aware(now),
        )

    async def pause_all(self, person_id: int) -> None:
        """Pause the person's active conversation(s)."""
        self._sole_active.clear()
        await run_statement(
            self.session,
            statements.pause_active(),
            {"b_person_id": person_id, "b_updated_at": self.clock()},
        )

    async def save(self, conversation: Conversation) -> Conversation:
        """Write the conversation back; the token changes so old buttons expire."""
        if conversation.status != ConversationStatus.ACTIVE:
            self._sole_active.discard(conversation.id)
        elif conversation.id not in self._sole_active:
            await run_statement(
                self.session,
                statements.pause_other_active(),
                {"b_person_id": conversation.person_id, "b_conversation_id": conversation.id},
            )
            self._sole_active.add(conversation.id)
        conversation.token += 1
        conversation.updated_at = self.clock()
        await run_statement(
            self.session,
            statements.save_conversation(),
            {
                "b_conversation_id": conversation.id,
                "b_status": conversation.status.value,
                "b_step": conversation.step,
                "b_cursor": conversation.cursor,
                "b_draft": conversation.draft,
                "b_token": conversation.token,
                "b_updated_at": conversation.updated_at,
            },
        )
        return conversation


class EventRepo:
    """Processed-event keys: the record that makes redelivery harmless."""

    def __init__(self, session: AsyncSession, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock

    async def claim(self, key: str) -> bool:
        """Record the key; False when it was processed before."""
        result = await run_statement(
            self.session,
            statements.claim_event(statements.insert_or_skip(self.session)),
            {"b_key": key[:120], "b_processed_at": self.clock()},
        )
        return result.scalar() is not None

    async def prune(self, older_than: timedelta) -> int:
        """Forget keys older than any redelivery can be (Telegram keeps updates 24 hours)."""
        result = await self.session.execute(
            delete(ProcessedEventRow).where(
                ProcessedEventRow.processed_at < self.clock() - older_than
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)


# A button reference is its creation time (milliseconds, 6 bytes) then 9 random bytes (72 bits
# nobody can guess), 20 URL-safe characters: far below Telegram's 64 bytes of callback data.
# Time first because the references are a unique index: random ones landed each on a leaf page
# of their own, about 6 of the 16 pages an answer's commit wrote (each page a write of 4 kB to
# the WAL); in order of time they all go to the index's last page.
REF_TIME_BYTES = 6
REF_BYTES = 9  # random bytes (with REF_TIME_BYTES a multiple of 3: base64 without padding)
REFS_AT_ONCE = 16  # references' random bytes read from the OS at once (a keyboard has a few)
# base64's URL-safe alphabet in the order its digits stand for, rewritten to the same
# characters in ASCII order: references then sort as their bytes do, time first.
_ASCII_ORDER = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    b"-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz",
)


class ButtonRepo:
    """Short references for button values (checked again when pressed).

    New references are kept until the transaction ends (or something reads buttons) and then
    written in one statement: a reply's keyboard has several buttons.
    """

    def __init__(self, session: AsyncSession, clock: Clock = utcnow) -> None:
        self.session = session
        self.clock = clock
        self._pending: dict[str, dict[str, Any]] = {}
        self._random = b""  # unused random bytes: a keyboard's references from one read

    async def put(self, owner: str, chat_id: str, value: str) -> str:
        """Store a value and return its unguessable short reference (later ones sort after)."""
        if len(self._random) < REF_BYTES:
            self._random = secrets.token_bytes(REF_BYTES * REFS_AT_ONCE)
        chunk, self._random = self._random[:REF_BYTES], self._random[REF_BYTES:]
        now = self.clock()
        millis = int(now.timestamp() * 1000).to_bytes(REF_TIME_BYTES, "big")
        ref = base64.urlsafe_b64encode(millis + chunk).translate(_ASCII_ORDER).decode("ascii")
        self._keep(ref, owner, chat_id, value, now)
        return ref

    async def put_ref(self, ref: str, owner: str, chat_id: str, value: str) -> None:
        """Store a value under a reference the transport chose (e.g. a native poll's id)."""
        if len(ref) > 24:
            raise ValueError("references are at most 24 characters")
        if await self.get(ref) is None:
            self._keep(ref, owner, chat_id, value, self.clock())

    def _keep(self, ref: str, owner: str, chat_id: str, value: str, now: datetime) -> None:
        self._pending[ref] = {
            "ref": ref,
            "owner": owner,
            "chat_id": chat_id,
            "value": value,
            "created_at": now,
        }

    async def write(self) -> None:
        """Write the references put so far (Store.transaction calls this before committing)."""
        if self._pending:
            rows, self._pending = list(self._pending.values()), {}
            await run_statement(self.session, statements.insert_buttons(), rows)

    async def get(self, ref: str) -> tuple[str, str, str] | None:
        """(owner, chat_id, value) behind a reference, or None for a forged one."""
        await self.write()
        result = await run_statement(self.session, statements.button_by_ref(), {"ref": ref[:24]})
        row = result.first()
        return (row.owner, row.chat_id, row.value) if row else None

    async def prune(self, older_than: timedelta) -> int:
        """Forget references older than the given age."""
        await self.write()
        result = await self.session.execute(
            delete(ButtonRow).where(ButtonRow.created_at < self.clock() - older_than)
        )
        return int(getattr(result, "rowcount", 0) or 0)
