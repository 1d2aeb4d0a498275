"""A test driver for the engine: people who type text and press buttons by their label."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import count
from typing import Protocol

from flows.domain import Item
from flows.engine import Engine
from flows.events import ChatKind, Choice, Event, Reply, Sender
from storage.db import Store

_TAG = re.compile(r"<[^>]+>")
_keys = count(1)


def plain(markup: str) -> str:
    """What a person reads: tags removed, entities decoded."""
    return html.unescape(_TAG.sub("", markup))


@dataclass
class Clock:
    """A clock the test moves by hand."""

    current: datetime

    def now(self) -> datetime:
        """The current fake time."""
        return self.current

    def advance(self, **delta: float) -> None:
        """Move time forward."""
        self.current += timedelta(**delta)


@dataclass
class Person:
    """A simulated person talking to the engine in their private chat."""

    engine: Engine
    name: str
    language: str = "nl"
    chat_kind: ChatKind = ChatKind.PRIVATE
    replies: list[Reply] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)

    @property
    def sender(self) -> Sender:
        """The transport identity."""
        return Sender(f"test:{self.name}", self.name, self.language)

    async def event(
        self,
        *,
        text: str | None = None,
        button: str | None = None,
        key: str | None = None,
        chat_id: str | None = None,
        chat_kind: ChatKind | None = None,
    ) -> list[Reply]:
        """Send one event and keep the replies."""
        kind = chat_kind or self.chat_kind
        outcome = await self.engine.handle(
            Event(
                sender=self.sender,
                chat_id=chat_id or f"chat:{self.name}",
                chat_kind=kind,
                text=text,
                button=button,
                key=key if key is not None else f"k{next(_keys)}",
            )
        )
        if outcome.replies or not outcome.duplicate:
            self.replies = outcome.replies
        self.transcript.append(f"> {text if text is not None else '[' + str(button) + ']'}")
        self.transcript.extend(plain(r.html) for r in outcome.replies)
        return outcome.replies

    async def say(self, text: str, **kwargs: object) -> list[Reply]:
        """Type a message."""
        return await self.event(text=text, **kwargs)  # type: ignore[arg-type]

    def buttons(self) -> list[Choice]:
        """Every button under the latest replies."""
        return [c for r in self.replies for row in r.choices for c in row]

    def button(self, label: str) -> Choice:
        """The button whose label contains `label` (case-insensitive)."""
        found = [c for c in self.buttons() if label.casefold() in c.label.casefold()]
        if not found:
            raise AssertionError(
                f"no button {label!r}; buttons: {[c.label for c in self.buttons()]}"
            )
        return found[0]

    async def press(self, label: str) -> list[Reply]:
        """Press a button by its label."""
        choice = self.button(label)
        assert choice.value is not None, f"{label!r} is a link"
        return await self.event(button=choice.value)

    @property
    def text(self) -> str:
        """The latest replies as a person reads them."""
        return "\n".join(plain(r.html) for r in self.replies)


async def create_team(
    person: Person, team: str = "Gent Circulair", project: str = "Strategie 2030"
) -> None:
    """Walk the team set-up flow."""
    await person.say("/nieuwteam")
    await person.say(team)
    await person.say(project)
    await person.press("strategie" if person.language == "nl" else "strategy")
    assert "aangemaakt" in person.text or "created" in person.text, person.text


async def invite_code(coordinator: Person) -> str:
    """Create an invite and return its token."""
    await coordinator.say("/uitnodigen")
    match = re.search(r"/start (\S+)", coordinator.text)
    assert match, coordinator.text
    return match.group(1)


async def ids(store: Store, person: Person) -> tuple[int, int]:
    """The person's database id and active project id."""
    async with store.transaction() as tx:
        me, _ = await tx.people.get_or_create(person.sender.external_id, person.name, None)
    assert me.active_project_id is not None, f"{person.name} has no active project"
    return me.id, me.active_project_id


async def stakeholders(store: Store, person: Person) -> dict[str, Item]:
    """The live stakeholders of the person's active project, by name."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        found = await tx.items.list(project_id, "stakeholder", person_id)
    return {str(item.data["name"]): item for item in found}


class Presser(Protocol):
    """Anyone who taps buttons by label: an engine Person or a Telegram Phone."""

    async def press(self, label: str) -> object:
        """Tap the button whose label contains `label`."""


async def rate(person: Presser, side: str, power: str, interest: str, involvement: str) -> None:
    """Answer the questions about one stakeholder, skipping the note."""
    await person.press(side)
    await person.press(power)
    await person.press(interest)
    await person.press(involvement)
    await person.press("Overslaan")
