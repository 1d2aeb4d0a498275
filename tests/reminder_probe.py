"""A small probe tool that declares deadlines, and a courier that delivers reminders in tests.

`/taak label | 2026-12-02 | owner [| result]` adds a task; `/taakdatum <id> <date>` moves it;
`/taakweg <id>` deletes it.
The probe registers itself the way a tool module does, so the reminder mechanism is tested
without any tool-specific code.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from flows.context import Context
from flows.domain import Item, Reminder, ReminderKind, ReminderStatus
from flows.engine import Engine
from flows.events import Reply
from flows.i18n import LOCALES, Translator
from flows.model import Deadline, Registry, ToolCommand
from flows.registry import load_registry, validate_tool_commands
from flows.reminders import Prepared, ReminderDesk
from storage.db import Store
from tests.chat import Clock, Person

EXTRA = {
    "nl": "\ntask-command = Taak toevoegen\ntask-move = Taak verplaatsen\ntask-drop = Taak weg\n",
    "en": "\ntask-command = Add a task\ntask-move = Move a task\ntask-drop = Drop a task\n",
}


def task_deadlines(item: Item) -> list[Deadline]:
    """The one deadline of a task."""
    return [
        Deadline(
            ref="deadline",
            due=date.fromisoformat(item.data["due"]),
            label=str(item.data["name"]),
            owner=str(item.data.get("owner", "")),
            done=bool(item.data.get("finished")),
            result=bool(item.data.get("result")),
        )
    ]


async def add_task(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/taak label | date | owner [| result]`."""
    assert ctx.project is not None
    parts = [part.strip() for part in args.split("|")]
    data = {"name": parts[0], "due": parts[1], "owner": parts[2] if len(parts) > 2 else ""}
    if len(parts) > 3:
        data["result"] = True  # type: ignore[assignment]
    item = await ctx.tx.items.add(ctx.project.id, "task", data, ctx.person.id)
    return [Reply(f"task {item.id}")]


async def move_task(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/taakdatum <id> <date>`."""
    item_id, _, due = args.partition(" ")
    await ctx.tx.items.set_field(int(item_id), "due", due.strip(), ctx.person.id)
    return [Reply("moved")]


async def drop_task(ctx: Context, args: str, engine: Engine) -> list[Reply]:
    """`/taakweg <id>`."""
    await ctx.tx.items.delete(int(args), ctx.person.id)
    return [Reply("deleted")]


async def task_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """The probe's own button: "log the result now" from a reminder."""
    item_id, _, ref = payload.partition(":")
    item = await ctx.tx.items.find(int(item_id), ctx.person.id)
    return [Reply(f"{action} for {item.data['name'] if item else '?'} ({ref})")]


def probe_engine(store: Store, clock: Clock, tmp_path: Path) -> Engine:
    """The real registry plus the probe tool."""
    for lang, extra in EXTRA.items():
        shutil.copyfile(LOCALES / f"{lang}.ftl", tmp_path / f"{lang}.ftl")
        with (tmp_path / f"{lang}.ftl").open("a", encoding="utf-8") as handle:
            handle.write(extra)
    translator = Translator(tmp_path)
    registry = load_registry(translator)
    register_probe(registry)
    validate_tool_commands(registry, translator)
    return Engine(store, translator=translator, registry=registry, clock=clock.now)


def register_probe(registry: Registry) -> None:
    """Register the probe tool the way a tool module's `register` does."""
    registry.commands["task"] = ToolCommand("task", ("taak",), add_task, "task-command")
    registry.commands["move"] = ToolCommand("move", ("taakdatum",), move_task, "task-move")
    registry.commands["drop"] = ToolCommand("drop", ("taakweg",), drop_task, "task-drop")
    registry.deadlines["task"] = task_deadlines
    registry.buttons["task"] = task_button


@dataclass
class Courier:
    """Delivers prepared reminders into inboxes; people in `blocked` blocked the bot.

    Weekly digests are delivered only with `digests` (most tests look at deadlines alone).
    """

    digests: bool = False
    inbox: dict[str, list[Prepared]] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    sent: list[int] = field(default_factory=list)

    async def round(self, desk: ReminderDesk, *, finish: bool = True) -> list[Prepared]:
        """One scheduler round: claim, compose, deliver, record."""
        delivered: list[Prepared] = []
        for reminder in await desk.claim():
            prepared = await desk.prepare(reminder)
            if prepared is None:
                continue
            if prepared.reminder.kind == ReminderKind.DIGEST and not self.digests:
                await desk.finish(reminder, True)
                continue
            who = prepared.chat_id or prepared.recipient.external_id
            ok = prepared.recipient.external_id not in self.blocked
            if ok:
                self.inbox.setdefault(who, []).append(prepared)
                self.sent.append(reminder.id)
                delivered.append(prepared)
            if finish:
                await desk.finish(reminder, ok)
        return delivered


def show(person: Person, prepared: Prepared) -> None:
    """Put a delivered reminder on the person's screen, to press its buttons."""
    person.replies = [prepared.reply]


async def statuses(store: Store) -> dict[str, ReminderStatus]:
    """Every deadline reminder's status by its ref and kind (one task per test; no digests)."""
    from sqlalchemy import select

    from storage.tables import ReminderRow

    async with store.engine.connect() as connection:
        rows = await connection.execute(
            select(ReminderRow.key, ReminderRow.status).where(ReminderRow.item_id.is_not(None))
        )
        return {key.split(":", 1)[1]: ReminderStatus(status) for key, status in rows.all()}


async def rows(store: Store) -> list[Reminder]:
    """Every deadline reminder row (no digests), by due time."""
    async with store.transaction() as tx:
        found: list[Reminder] = []
        from sqlalchemy import select

        from storage.tables import ReminderRow

        for project_id in set(await tx.session.scalars(select(ReminderRow.project_id))):
            found.extend(await tx.reminders.for_project(project_id))
        mine = [r for r in found if r.item_id is not None]
        return sorted(mine, key=lambda r: (r.due_at, r.id))
