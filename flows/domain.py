"""Domain objects returned by the repositories (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    """A member's role in a team."""

    COORDINATOR = "coordinator"
    MEMBER = "member"


class Track(StrEnum):
    """The two tracks of the guide."""

    STRATEGY = "strategy"
    PILOT = "pilot"


class ConversationStatus(StrEnum):
    """Where a conversation stands."""

    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who talked to the bot."""

    id: int
    external_id: str
    display_name: str
    language: str | None  # an explicit choice; None follows the platform's language
    active_project_id: int | None


@dataclass(frozen=True, slots=True)
class Team:
    """A team working through the method together."""

    id: int
    name: str
    group_chat_id: str | None
    created_by: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Member:
    """A person in a team, with their role."""

    team_id: int
    person_id: int
    display_name: str
    role: Role
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class Invite:
    """An invitation token for joining a team."""

    id: int
    team_id: int
    token: str
    expires_at: datetime
    revoked: bool


@dataclass(frozen=True, slots=True)
class Project:
    """A strategy or pilot project of a team."""

    id: int
    team_id: int
    name: str
    track: Track
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Item:
    """A stored artifact of a tool (a stakeholder, a test card, …), with who and when."""

    id: int
    project_id: int
    tool: str
    key: str | None
    data: dict[str, Any]
    version: int
    created_by: int
    created_by_name: str
    created_at: datetime
    updated_by: int
    updated_by_name: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change of one field of an item."""

    item_id: int
    field: str
    old: Any
    new: Any
    changed_by: int
    changed_by_name: str
    changed_at: datetime


@dataclass(slots=True)
class Conversation:
    """Where one person stands in one flow of one project."""

    id: int
    person_id: int
    project_id: int | None
    flow_id: str
    status: ConversationStatus
    step: str
    cursor: dict[str, Any] = field(default_factory=dict)
    draft: dict[str, Any] = field(default_factory=dict)
    token: int = 0
    updated_at: datetime | None = None


class ReminderKind(StrEnum):
    """What a scheduled message is for."""

    BEFORE = "before"  # some working days before a deadline
    DUE = "due"  # on the day (for results and indicator values: the check-in)
    ESCALATION = "escalation"  # overdue: to the coordinator
    DIGEST = "digest"  # the weekly team digest


class ReminderStatus(StrEnum):
    """Where a scheduled message stands."""

    PENDING = "pending"
    SNOOZED = "snoozed"  # pending again, later
    SENT = "sent"
    DONE = "done"  # the deadline was met; nothing more to send
    SKIPPED = "skipped"
    UNDELIVERABLE = "undeliverable"  # the person blocked the bot


OPEN_STATUSES = (ReminderStatus.PENDING, ReminderStatus.SNOOZED)


@dataclass(frozen=True, slots=True)
class Reminder:
    """One scheduled message to one person."""

    id: int
    key: str
    project_id: int
    item_id: int | None
    ref: str
    kind: ReminderKind
    person_id: int
    deadline: date | None
    due_at: datetime
    status: ReminderStatus
    attempts: int
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """When a person wants reminders: local wall times in their own time zone."""

    timezone: str = "Europe/Brussels"
    quiet_start: str = "21:00"
    quiet_end: str = "08:00"
    working_days: str = "12345"  # ISO weekdays
    remind_at: str = "09:00"


@dataclass(frozen=True, slots=True)
class TeamReminderSettings:
    """A team's rules for reminders."""

    days_before: int = 2  # working days before a deadline
    escalation_days: int = 3  # days overdue before the coordinator hears of it
    digest_weekday: int = 1  # ISO weekday of the weekly digest; 0: none
