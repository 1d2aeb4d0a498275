"""The statements every update runs, built once (on first use) and reused.

Building a statement (coercing each clause, then computing its cache key) cost more CPU than
running it on SQLite. A statement object reused with bound parameters keeps its cache key and
finds its compiled form in the engine's cache at once. They are Core statements on the tables,
not ORM entities: the repositories map rows to domain objects themselves, so no ORM loading
or unit-of-work bookkeeping runs on the hot path. Nothing is built at import time. Parameters
of INSERT and UPDATE statements are named b_<column>: SQLAlchemy keeps the plain column names
for itself there.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

from sqlalchemy import (
    Insert,
    Select,
    Table,
    Update,
    and_,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from flows.domain import ConversationStatus
from storage.tables import (
    Base,
    ButtonRow,
    ConversationRow,
    ItemChangeRow,
    ItemRow,
    MembershipRow,
    PersonRow,
    ProcessedEventRow,
    ProjectRow,
    TeamRow,
)


def table_of(row: type[Base]) -> Table:
    """The Core table of a mapped class, typed as one."""
    return cast(Table, row.__table__)


@cache
def insert_returning_id(row: type[Base]) -> Insert:
    """A new row of this table (a person, an item, a conversation, …); returns its id."""
    table = table_of(row)
    return insert(table).returning(table.c.id)


def _people() -> Any:
    return table_of(PersonRow).c


def _teams() -> Any:
    return table_of(TeamRow).c


def _projects() -> Any:
    return table_of(ProjectRow).c


def _memberships() -> Any:
    return table_of(MembershipRow).c


def _items() -> Any:
    return table_of(ItemRow).c


def _changes() -> Any:
    return table_of(ItemChangeRow).c


def _conversations() -> Any:
    return table_of(ConversationRow).c


# ---------------------------------------------------------------------------------------------
# events


def insert_or_skip(session: Any) -> Any:
    """The dialect's INSERT that offers ON CONFLICT DO NOTHING, for the session's database."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    return pg_insert if dialect == "postgresql" else sqlite_insert


@cache
def claim_event(build: Any) -> Insert:
    """Record a processed-event key unless it is there: returns the key when it was new
    (`build`: the dialect's insert, from `insert_or_skip`)."""
    table = table_of(ProcessedEventRow)
    return cast(
        Insert,
        build(table)
        .values(key=bindparam("b_key"), processed_at=bindparam("b_processed_at"))
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(table.c.key),
    )


# ---------------------------------------------------------------------------------------------
# people


@cache
def person_by_external_id() -> Select[Any]:
    """A person's columns by transport identity (:external_id)."""
    p = _people()
    return select(p.id, p.external_id, p.display_name, p.language, p.active_project_id).where(
        p.external_id == bindparam("external_id")
    )


@cache
def rename_person() -> Update:
    """Set a person's display name (:b_person_id, :b_display_name)."""
    p = _people()
    return (
        update(table_of(PersonRow))
        .where(p.id == bindparam("b_person_id"))
        .values(display_name=bindparam("b_display_name"))
    )


@cache
def names_of() -> Select[Any]:
    """Display names of the people in :ids (an expanding list)."""
    p = _people()
    return select(p.id, p.display_name).where(p.id.in_(bindparam("ids", expanding=True)))


# ---------------------------------------------------------------------------------------------
# teams and projects


@cache
def role_of() -> Select[Any]:
    """A current member's role (:team_id, :person_id)."""
    m = _memberships()
    return select(m.role).where(
        m.team_id == bindparam("team_id"),
        m.person_id == bindparam("person_id"),
        m.left_at.is_(None),
    )


@cache
def team_by_id() -> Select[Any]:
    """A team's columns (:team_id)."""
    t = _teams()
    return select(t.id, t.name, t.group_chat_id, t.created_by, t.created_at).where(
        t.id == bindparam("team_id")
    )


@cache
def project_by_id() -> Select[Any]:
    """A project's columns (:project_id)."""
    p = _projects()
    return select(p.id, p.team_id, p.name, p.track, p.created_at).where(
        p.id == bindparam("project_id")
    )


@cache
def project_team_role() -> Select[Any]:
    """A project, its team and the actor's current role there (None when not a member)."""
    p, t, m = _projects(), _teams(), _memberships()
    membership = table_of(MembershipRow)
    return (
        select(
            p.id,
            p.team_id,
            p.name,
            p.track,
            p.created_at,
            t.name,
            t.group_chat_id,
            t.created_by,
            t.created_at,
            m.role,
        )
        .select_from(
            table_of(ProjectRow)
            .join(table_of(TeamRow), t.id == p.team_id)
            .outerjoin(
                membership,
                and_(
                    m.team_id == t.id,
                    m.person_id == bindparam("actor_id"),
                    m.left_at.is_(None),
                ),
            )
        )
        .where(p.id == bindparam("project_id"))
    )


@cache
def lock_project() -> Select[Any]:
    """Lock a project's row until the transaction ends (:project_id; PostgreSQL)."""
    p = _projects()
    return select(p.id).where(p.id == bindparam("project_id")).with_for_update()


# ---------------------------------------------------------------------------------------------
# items


def _item_columns() -> tuple[Any, ...]:
    i = _items()
    return (
        i.id,
        i.project_id,
        i.tool,
        i.key,
        i.data,
        i.version,
        i.created_by,
        i.created_at,
        i.updated_by,
        i.updated_at,
        i.deleted_at,
    )


@cache
def item_by_id() -> Select[Any]:
    """An item's columns (:item_id), deleted or not."""
    return select(*_item_columns()).where(_items().id == bindparam("item_id"))


@cache
def item_for_update() -> Select[Any]:
    """An item's columns (:item_id), its row locked until the transaction ends (PostgreSQL)."""
    return item_by_id().with_for_update()


@cache
def live_items() -> Select[Any]:
    """The live keyless items of a tool in a project (:project_id, :tool), oldest first."""
    i = _items()
    return (
        select(*_item_columns())
        .where(
            i.project_id == bindparam("project_id"),
            i.tool == bindparam("tool"),
            i.deleted_at.is_(None),
            i.key.is_(None),
        )
        .order_by(i.id)
    )


@cache
def singleton_item() -> Select[Any]:
    """The live item of a tool in a project under a key (:project_id, :tool, :key)."""
    i = _items()
    return select(*_item_columns()).where(
        i.project_id == bindparam("project_id"),
        i.tool == bindparam("tool"),
        i.key == bindparam("key"),
        i.deleted_at.is_(None),
    )


@cache
def count_items() -> Select[Any]:
    """How many live keyless items of a tool a project has (:project_id, :tool)."""
    i = _items()
    return (
        select(func.count())
        .select_from(table_of(ItemRow))
        .where(
            i.project_id == bindparam("project_id"),
            i.tool == bindparam("tool"),
            i.deleted_at.is_(None),
            i.key.is_(None),
        )
    )


@cache
def write_item() -> Update:
    """Set an item's data and bump its version (:b_item_id, :b_data, :b_version, …)."""
    i = _items()
    return (
        update(table_of(ItemRow))
        .where(i.id == bindparam("b_item_id"))
        .values(
            data=bindparam("b_data", type_=i.data.type),
            version=bindparam("b_version"),
            updated_by=bindparam("b_updated_by"),
            updated_at=bindparam("b_updated_at"),
        )
    )


@cache
def delete_item() -> Update:
    """Soft-delete an item (:b_item_id, :b_deleted_at, :b_deleted_by, :b_version)."""
    i = _items()
    return (
        update(table_of(ItemRow))
        .where(i.id == bindparam("b_item_id"))
        .values(
            deleted_at=bindparam("b_deleted_at"),
            deleted_by=bindparam("b_deleted_by"),
            version=bindparam("b_version"),
        )
    )


@cache
def insert_change() -> Insert:
    """One recorded field change."""
    return insert(table_of(ItemChangeRow))


@cache
def last_change() -> Select[Any]:
    """The latest recorded change of a field (:item_id, :field)."""
    c = _changes()
    return (
        select(c.item_id, c.field, c.old, c.new, c.changed_by, c.changed_at)
        .where(c.item_id == bindparam("item_id"), c.field == bindparam("field"))
        .order_by(c.id.desc())
        .limit(1)
    )


# ---------------------------------------------------------------------------------------------
# conversations


def _conversation_columns() -> tuple[Any, ...]:
    c = _conversations()
    return (
        c.id,
        c.person_id,
        c.project_id,
        c.flow_id,
        c.status,
        c.step,
        c.cursor,
        c.draft,
        c.token,
        c.updated_at,
    )


@cache
def active_conversation() -> Select[Any]:
    """A person's latest active conversation (:person_id), locked (PostgreSQL)."""
    c = _conversations()
    return (
        select(*_conversation_columns())
        .where(
            c.person_id == bindparam("person_id"),
            c.status == ConversationStatus.ACTIVE.value,
        )
        .order_by(c.updated_at.desc())
        .limit(1)
        .with_for_update()
    )


@cache
def conversation_by_id() -> Select[Any]:
    """A conversation's columns (:conversation_id)."""
    c = _conversations()
    return select(*_conversation_columns()).where(c.id == bindparam("conversation_id"))


@cache
def paused_conversations(with_project: bool) -> Select[Any]:
    """A person's paused walks through a flow (:person_id, :flow_id[, :project_id]), newest
    first."""
    c = _conversations()
    project = c.project_id == bindparam("project_id") if with_project else c.project_id.is_(None)
    return (
        select(*_conversation_columns())
        .where(
            c.person_id == bindparam("person_id"),
            c.flow_id == bindparam("flow_id"),
            project,
            c.status == ConversationStatus.PAUSED.value,
        )
        .order_by(c.updated_at.desc(), c.id.desc())
    )


@cache
def latest_conversation(with_project: bool) -> Select[Any]:
    """A person's most recently touched conversation in a project (:person_id[, :project_id])."""
    c = _conversations()
    project = c.project_id == bindparam("project_id") if with_project else c.project_id.is_(None)
    return (
        select(*_conversation_columns())
        .where(c.person_id == bindparam("person_id"), project)
        .order_by(c.updated_at.desc(), c.id.desc())
        .limit(1)
    )


@cache
def pause_active() -> Update:
    """Pause a person's active conversations (:b_person_id, :b_updated_at)."""
    c = _conversations()
    return (
        update(table_of(ConversationRow))
        .where(
            c.person_id == bindparam("b_person_id"),
            c.status == ConversationStatus.ACTIVE.value,
        )
        .values(status=ConversationStatus.PAUSED.value, updated_at=bindparam("b_updated_at"))
    )


@cache
def pause_other_active() -> Update:
    """Pause a person's active conversations but one (:b_person_id, :b_conversation_id)."""
    c = _conversations()
    return (
        update(table_of(ConversationRow))
        .where(
            c.person_id == bindparam("b_person_id"),
            c.status == ConversationStatus.ACTIVE.value,
            c.id != bindparam("b_conversation_id"),
        )
        .values(status=ConversationStatus.PAUSED.value)
    )


@cache
def close_paused(with_project: bool) -> Update:
    """Close a person's paused walks through a flow
    (:b_person_id, :b_flow_id[, :b_project_id])."""
    c = _conversations()
    project = c.project_id == bindparam("b_project_id") if with_project else c.project_id.is_(None)
    return (
        update(table_of(ConversationRow))
        .where(
            c.person_id == bindparam("b_person_id"),
            c.flow_id == bindparam("b_flow_id"),
            c.status == ConversationStatus.PAUSED.value,
            project,
        )
        .values(status=ConversationStatus.DONE.value)
    )


@cache
def save_conversation() -> Update:
    """Write a conversation's state back (:b_conversation_id, :b_status, :b_step, …)."""
    c = _conversations()
    return (
        update(table_of(ConversationRow))
        .where(c.id == bindparam("b_conversation_id"))
        .values(
            status=bindparam("b_status"),
            step=bindparam("b_step"),
            cursor=bindparam("b_cursor", type_=c.cursor.type),
            draft=bindparam("b_draft", type_=c.draft.type),
            token=bindparam("b_token"),
            updated_at=bindparam("b_updated_at"),
        )
    )


# ---------------------------------------------------------------------------------------------
# buttons


@cache
def button_by_ref() -> Select[Any]:
    """What a button reference stands for (:ref)."""
    b = table_of(ButtonRow).c
    return select(b.owner, b.chat_id, b.value).where(b.ref == bindparam("ref"))


@cache
def insert_buttons() -> Insert:
    """New button references (executed with one parameter set per button)."""
    return insert(table_of(ButtonRow))
