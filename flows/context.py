"""What a handler knows while it processes one event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from markupsafe import Markup

from flows.domain import Person, Project, Team
from flows.events import Event
from flows.i18n import Translator
from flows.model import Registry
from storage.repositories import Tx


class Links(Protocol):
    """How the transport turns invites into something a person can open."""

    def invite(self, token: str) -> str:
        """A link (Telegram deep link) or instruction (console) for an invite token."""
        ...

    def private_chat(self) -> str | None:
        """A URL that opens the private chat with the bot, if the transport has one."""
        ...


class PlainLinks:
    """Links for transports without URLs (the console, tests)."""

    def invite(self, token: str) -> str:
        """The command to type."""
        return f"/start {token}"

    def private_chat(self) -> str | None:
        """No private-chat URL outside Telegram."""
        return None


@dataclass
class Context:
    """One event being processed: who, in which language, with which repositories."""

    tx: Tx
    event: Event
    person: Person
    lang: str
    translator: Translator
    registry: Registry
    today: date
    links: Links
    invite_ttl: timedelta
    render: Callable[..., str]
    project: Project | None = None
    team: Team | None = None
    notes: list[str] = field(default_factory=list)

    def t(self, key: str, **args: Any) -> Markup:
        """A message in the person's language, as safe HTML."""
        return self.translator.t(self.lang, key, **args)

    def plain(self, key: str, **args: Any) -> str:
        """A message in the person's language, as plain text (button labels)."""
        return self.translator.plain(self.lang, key, **args)
