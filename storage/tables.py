"""SQLAlchemy ORM tables. Every schema change also gets an Alembic migration."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL (indexable, compact), plain JSON text on SQLite.
JsonType = JSON().with_variant(JSONB(), "postgresql")
Stamp = DateTime(timezone=True)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class PersonRow(Base):
    """A person known to the bot (one per transport identity)."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(5))
    active_project_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Stamp)


class TeamRow(Base):
    """A team."""

    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    group_chat_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp)


class MembershipRow(Base):
    """A person's membership of a team; left_at set when they left or were removed."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    joined_at: Mapped[datetime] = mapped_column(Stamp)
    left_at: Mapped[datetime | None] = mapped_column(Stamp)


class InviteRow(Base):
    """An invite token; unguessable, expiring, revocable."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp)
    expires_at: Mapped[datetime] = mapped_column(Stamp)
    revoked_at: Mapped[datetime | None] = mapped_column(Stamp)
    use_count: Mapped[int] = mapped_column(Integer, default=0)


class ProjectRow(Base):
    """A project of a team, on one of the two tracks."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    track: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp)


class ItemRow(Base):
    """An artifact of a tool; its fields live in `data` so a new tool needs no new table."""

    __tablename__ = "items"
    __table_args__ = (Index("ix_items_project_tool", "project_id", "tool"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    tool: Mapped[str] = mapped_column(String(40))
    key: Mapped[str | None] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(Stamp)
    updated_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column(Stamp)
    deleted_at: Mapped[datetime | None] = mapped_column(Stamp)
    deleted_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class ItemChangeRow(Base):
    """The history of every field change: nothing a member typed is ever lost."""

    __tablename__ = "item_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), index=True)
    field: Mapped[str] = mapped_column(String(80))
    old: Mapped[Any] = mapped_column(JsonType, nullable=True)
    new: Mapped[Any] = mapped_column(JsonType, nullable=True)
    changed_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    changed_at: Mapped[datetime] = mapped_column(Stamp)


class ConversationRow(Base):
    """Where a person stands in a flow; the only record of conversation state."""

    __tablename__ = "conversations"
    __table_args__ = (Index("ix_conversations_person_status", "person_id", "status"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    flow_id: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10))
    step: Mapped[str] = mapped_column(String(80))
    cursor: Mapped[dict[str, Any]] = mapped_column(JsonType)
    draft: Mapped[dict[str, Any]] = mapped_column(JsonType)
    token: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(Stamp)
    updated_at: Mapped[datetime] = mapped_column(Stamp)


class ProcessedEventRow(Base):
    """Idempotency keys of processed events, written in the event's own transaction."""

    __tablename__ = "processed_events"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(Stamp)


class ButtonRow(Base):
    """Server-side value behind a short button reference (Telegram allows 64 bytes)."""

    __tablename__ = "buttons"
    ref: Mapped[str] = mapped_column(String(24), primary_key=True)
    owner: Mapped[str] = mapped_column(String(64))
    chat_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Stamp, index=True)


class InboxRow(Base):
    """A batch of received Telegram updates, kept until every update in it is processed.

    Polling confirms a batch to Telegram once it is stored here, so the next batch can be
    fetched while this one is processed; after a crash the bot processes what is left.
    """

    __tablename__ = "update_inbox"
    # AUTOINCREMENT: ids never come back after the newest row was deleted, so they keep the
    # order of arrival that processing a stored batch again relies on.
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consumer: Mapped[str] = mapped_column(String(64))  # the bot that received it ("tg:<id>")
    body: Mapped[bytes] = mapped_column(LargeBinary)  # the updates, as JSON
    received_at: Mapped[datetime] = mapped_column(Stamp)


OPEN_DIGEST = "kind = 'digest' AND status IN ('pending', 'snoozed')"


class ReminderRow(Base):
    """One message the scheduler sends at `due_at`: a reminder, an escalation or a digest.

    Claimed with a lease (`claimed_by`/`claimed_until`) so that several bot processes never
    send the same row; `key` makes syncing an item's deadlines idempotent.
    """

    __tablename__ = "reminders"
    __table_args__ = (
        # Claiming looks only at open rows by time: a partial index stays small however many
        # sent rows pile up.
        Index(
            "ix_reminders_open_due",
            "due_at",
            "id",
            postgresql_where=text("status IN ('pending', 'snoozed')"),
            sqlite_where=text("status IN ('pending', 'snoozed')"),
        ),
        Index("ix_reminders_project_status", "project_id", "status"),
        # "Which projects have no weekly digest planned?" runs before every claim: it must
        # look only at the few open digest rows, not at every reminder of a project.
        Index(
            "ix_reminders_open_digest",
            "project_id",
            postgresql_where=text(OPEN_DIGEST),
            sqlite_where=text(OPEN_DIGEST),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(160), unique=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    ref: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(12))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    deadline: Mapped[date | None] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(Stamp)
    status: Mapped[str] = mapped_column(String(14))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None] = mapped_column(Stamp)
    sent_at: Mapped[datetime | None] = mapped_column(Stamp)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    updated_at: Mapped[datetime] = mapped_column(Stamp)


class PersonSettingsRow(Base):
    """When a person wants to be reminded: time zone, quiet hours, working days."""

    __tablename__ = "person_settings"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64))
    quiet_start: Mapped[str] = mapped_column(String(5))  # "21:00", local wall time
    quiet_end: Mapped[str] = mapped_column(String(5))  # "08:00"
    working_days: Mapped[str] = mapped_column(String(7))  # ISO weekdays, "12345"
    remind_at: Mapped[str] = mapped_column(String(5))  # "09:00"


class TeamSettingsRow(Base):
    """A team's reminder rules: how early, when to escalate, the weekly digest."""

    __tablename__ = "team_settings"
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), primary_key=True)
    days_before: Mapped[int] = mapped_column(Integer)
    escalation_days: Mapped[int] = mapped_column(Integer)
    digest_weekday: Mapped[int] = mapped_column(Integer)  # ISO weekday, 0 = no digest
