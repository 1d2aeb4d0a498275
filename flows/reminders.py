"""Reminders from the deadlines tools declare: syncing rows, composing messages, their buttons.

A tool only declares its deadlines (`registry.deadlines[tool]`). Whenever an item changes,
the engine calls `sync_items` in the same transaction; it (re)computes the item's reminder
rows: some working days before (the team's setting), on the day, and an escalation to the
coordinator when it is overdue. `ReminderDesk` is the transport-neutral half of the
scheduler: it claims due rows, composes each message when it goes out (so it always shows
the item as it is then) and records the outcome.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from flows.dates import format_date
from flows.domain import (
    Item,
    Member,
    Person,
    Project,
    Reminder,
    ReminderKind,
    ReminderSettings,
    ReminderStatus,
    Role,
    Team,
    TeamReminderSettings,
)
from flows.events import Choice, Reply
from flows.i18n import Translator, fold
from flows.model import Deadline, Registry
from flows.schedule import deliverable_at, last_working_day, later, remind_moment, zone_of
from flows.schedule import working_days_before as days_before
from storage.reminders import NewReminder
from storage.repositories import AccessDenied, NotFound, Tx

if TYPE_CHECKING:
    from flows.context import Context
    from flows.engine import Engine

# The item field where "done" pressed on a reminder is recorded (a list of deadline refs), so
# the tool's own data shows it and its history says who and when.
DONE_FIELD = "done_deadlines"
BUTTON = "rem"  # reminder buttons: t:rem:<action>:<reminder id>
# Projects per transaction when planning digests. A transaction costs the same few statements
# however many projects it plans (see ReminderRepo.digest_targets): 50 take about 4 ms on the
# event loop's thread, and 1,000 new projects 0.15 s in all (project by project, they took
# 5 s in transactions of 5, and a transaction of 20 held the loop for 60-80 ms).
DIGEST_PLAN_CHUNK = 50


def done_refs(item: Item) -> set[str]:
    """The deadline refs of an item marked done from a reminder."""
    value = item.data.get(DONE_FIELD) or []
    return {str(ref) for ref in value} if isinstance(value, list) else set()


def is_done(item: Item, deadline: Deadline) -> bool:
    """Whether a declared deadline is met (by the tool's data or from a reminder)."""
    return deadline.done or deadline.ref in done_refs(item)


def match_owner(owner: str, members: list[Member]) -> Member | None:
    """The member an owner's name means: the full name, else a first name only one member has."""
    wanted = fold(owner)
    if not wanted:
        return None
    for member in members:
        if fold(member.display_name) == wanted:
            return member
    first = wanted.split()[0]
    found = [m for m in members if fold(m.display_name).split()[:1] == [first]]
    return found[0] if len(found) == 1 else None


def coordinator_of(members: list[Member]) -> Member | None:
    """The team's (first) coordinator."""
    return next((m for m in members if m.role == Role.COORDINATOR), None)


def deadlines_of(registry: Registry, item: Item) -> list[Deadline]:
    """The deadlines the item's tool declares for it (none when it declares none)."""
    source = registry.deadlines.get(item.tool)
    return source(item) if source is not None else []


def reminder_key(item_id: int, ref: str, kind: ReminderKind) -> str:
    """The unique key of one reminder of one deadline."""
    return f"{item_id}:{ref}:{kind.value}"


@dataclass(frozen=True, slots=True)
class Planned:
    """A reminder row as it should be."""

    kind: ReminderKind
    person_id: int
    due_at: datetime


async def _plans(
    tx: Tx,
    deadline: Deadline,
    owner: Member,
    coordinator: Member | None,
    team: TeamReminderSettings,
    now: datetime,
) -> list[Planned]:
    """Before (skipped when already past), on the day, and the escalation."""
    mine = await tx.reminders.settings(owner.person_id)
    plans: list[Planned] = []
    if team.days_before > 0:
        moment = remind_moment(days_before(deadline.due, team.days_before, mine), mine)
        if moment > now:
            plans.append(Planned(ReminderKind.BEFORE, owner.person_id, moment))
    on_day = remind_moment(last_working_day(deadline.due, mine), mine)
    if deadline.due >= now.astimezone(zone_of(mine)).date():  # not for a date already past
        plans.append(Planned(ReminderKind.DUE, owner.person_id, on_day))
    if coordinator is not None and team.escalation_days > 0:
        theirs = await tx.reminders.settings(coordinator.person_id)
        moment = remind_moment(deadline.due + timedelta(days=team.escalation_days), theirs)
        plans.append(Planned(ReminderKind.ESCALATION, coordinator.person_id, moment))
    return plans


async def sync_items(tx: Tx, registry: Registry, touched: dict[int, str]) -> None:
    """(Re)compute the reminder rows of every touched item whose tool declares deadlines."""
    for item_id, tool in sorted(touched.items()):
        if tool in registry.deadlines:
            await sync_item(tx, registry, item_id)
    touched.clear()


async def sync_item(tx: Tx, registry: Registry, item_id: int) -> None:
    """Bring one item's reminder rows in line with the deadlines its tool declares now."""
    existing = {r.key: r for r in await tx.reminders.for_item(item_id)}
    item = await tx.items.unchecked(item_id)
    wanted: set[str] = set()
    if item is not None:
        found = await tx.projects.unchecked(item.project_id)
        assert found is not None
        _, team = found
        members = await tx.teams.current_members(team.id)
        coordinator = coordinator_of(members)
        rules = await tx.reminders.team_settings(team.id)
        now = tx.clock()
        for deadline in deadlines_of(registry, item):
            owner = match_owner(deadline.owner, members) or coordinator
            if owner is None:
                continue
            done = is_done(item, deadline)
            for plan in await _plans(tx, deadline, owner, coordinator, rules, now):
                key = reminder_key(item.id, deadline.ref, plan.kind)
                wanted.add(key)
                row = existing.get(key)
                if row is None:
                    if not done:
                        await tx.reminders.add(
                            key=key,
                            project_id=item.project_id,
                            item_id=item.id,
                            ref=deadline.ref,
                            kind=plan.kind,
                            person_id=plan.person_id,
                            deadline=deadline.due,
                            due_at=plan.due_at,
                        )
                elif done:
                    await tx.reminders.set_status([row.id], ReminderStatus.DONE)
                elif (
                    row.deadline != deadline.due
                    or (row.person_id != plan.person_id and row.status != ReminderStatus.SENT)
                    or (row.status == ReminderStatus.PENDING and row.due_at != plan.due_at)
                ):
                    # A new date, a new owner before it went out, or new settings: replan.
                    await tx.reminders.reschedule(
                        row.id,
                        due_at=plan.due_at,
                        person_id=plan.person_id,
                        deadline=deadline.due,
                    )
            if done:
                # Also close rows no longer planned (e.g. the "before" that is past now).
                stale = [
                    r.id for r in existing.values() if r.ref == deadline.ref and r.key not in wanted
                ]
                await tx.reminders.set_status(stale, ReminderStatus.DONE)
                wanted.update(r.key for r in existing.values() if r.ref == deadline.ref)
    gone = [r.id for key, r in existing.items() if key not in wanted]
    await tx.reminders.set_status(gone, ReminderStatus.SKIPPED)


# ---------------------------------------------------------------------------------------------
# the scheduler's transport-neutral half


@dataclass(slots=True)
class Prepared:
    """A claimed reminder ready to go out: to whom, where, and what."""

    reminder: Reminder
    recipient: Person
    chat_id: str | None  # None: the recipient's private chat; else a group chat
    reply: Reply


# Stores what the transport needs for the replies (button references) in the transaction
# that composed them; the chat is the recipient's private chat when None.
Within = Callable[[Tx, Person, str | None, list[Reply]], Awaitable[None]]


class ReminderDesk:
    """Claims due reminders, composes them, and records how sending went."""

    def __init__(
        self,
        engine: Engine,
        worker: str,
        *,
        lease: timedelta = timedelta(minutes=10),
    ) -> None:
        self.engine = engine
        self.worker = worker
        self.lease = lease

    @property
    def translator(self) -> Translator:
        """The engine's translations."""
        return self.engine.translator

    async def claim(self, limit: int = 50, *, plan: bool = True) -> list[Reminder]:
        """Lease the reminders that are due now (with `plan`, plans next digests first)."""
        if plan:
            await self.plan_digests()
        async with self.engine.store.transaction(self.engine.clock) as tx:
            return await tx.reminders.claim_due(self.engine.clock(), limit, self.lease, self.worker)

    async def plan_digests(self, chunk: int = DIGEST_PLAN_CHUNK) -> None:
        """Plan every missing next digest, a few projects per transaction.

        On a first start with many projects (or after a week's digests all went out) this is
        one row per project; in one transaction it held SQLite's write lock, and the event
        loop, for seconds while people waited. Short transactions let their updates in between.
        """
        after: int | None = 0
        while after is not None:
            async with self.engine.store.transaction(self.engine.clock) as tx:
                after = await plan_digests(tx, self.engine.registry, after=after, limit=chunk)
            await asyncio.sleep(0)

    async def prepare(self, reminder: Reminder, within: Within | None = None) -> Prepared | None:
        """The message for a claimed reminder, or None when it is no longer to be sent now."""
        prepared = await self.prepare_many([reminder], within)
        return prepared[0] if prepared else None

    async def prepare_many(
        self, reminders: Sequence[Reminder], within: Within | None = None
    ) -> list[Prepared]:
        """The messages for several claimed reminders, composed in one transaction.

        Those no longer to be sent now are left out; `within` runs once for each of the
        others, in the order they are returned.
        """
        prepared: list[Prepared] = []
        async with self.engine.store.transaction(self.engine.clock) as tx:
            # Held until the end: the session forgets rows nobody references.
            loaded = await tx.reminders.preload(reminders) if len(reminders) > 1 else []
            for reminder in reminders:
                composed = await self._compose(tx, reminder)
                if composed is None:
                    continue
                if within is not None:
                    await within(tx, composed.recipient, composed.chat_id, [composed.reply])
                prepared.append(composed)
            del loaded
        return prepared

    async def finish(self, reminder: Reminder, delivered: bool) -> bool:
        """Record that it went out (or that the person blocked the bot)."""
        return reminder.id in await self.finish_many([(reminder, delivered)])

    async def finish_many(self, outcomes: Sequence[tuple[Reminder, bool]]) -> set[int]:
        """Record several outcomes (delivered or not) in one transaction; the ids recorded
        (a reminder whose lease was lost meanwhile is not)."""
        recorded: set[int] = set()
        async with self.engine.store.transaction(self.engine.clock) as tx:
            for status, delivered in (
                (ReminderStatus.SENT, True),
                (ReminderStatus.UNDELIVERABLE, False),
            ):
                ids = [reminder.id for reminder, sent in outcomes if sent is delivered]
                recorded |= await tx.reminders.finish_many(ids, self.worker, status)
        return recorded

    async def give_back(self, reminder: Reminder) -> None:
        """Return a claimed reminder unsent, for another process (another transport) to send."""
        await self.give_back_many([reminder])

    async def give_back_many(self, reminders: Sequence[Reminder]) -> None:
        """Return several claimed reminders unsent, in one transaction."""
        async with self.engine.store.transaction(self.engine.clock) as tx:
            for reminder in reminders:
                await tx.reminders.release(reminder.id, self.worker, reminder.due_at)

    async def _close(self, tx: Tx, reminder: Reminder, status: ReminderStatus) -> None:
        await tx.reminders.finish(reminder.id, self.worker, status)

    async def _compose(self, tx: Tx, reminder: Reminder) -> Prepared | None:
        found = await tx.projects.unchecked(reminder.project_id)
        if found is None:
            await self._close(tx, reminder, ReminderStatus.SKIPPED)
            return None
        project, team = found
        members = await tx.teams.current_members(team.id)
        if reminder.kind == ReminderKind.DIGEST:
            return await self._digest(tx, reminder, project, team, members)
        item = await tx.items.unchecked(reminder.item_id) if reminder.item_id else None
        deadline = next(
            (d for d in deadlines_of(self.engine.registry, item) if d.ref == reminder.ref)
            if item is not None
            else iter(()),
            None,
        )
        if item is None or deadline is None:
            await self._close(tx, reminder, ReminderStatus.SKIPPED)
            return None
        if is_done(item, deadline):
            await self._close(tx, reminder, ReminderStatus.DONE)
            return None
        coordinator = coordinator_of(members)
        owner = match_owner(deadline.owner, members) or coordinator
        recipient = coordinator if reminder.kind == ReminderKind.ESCALATION else owner
        if recipient is None:
            await self._close(tx, reminder, ReminderStatus.SKIPPED)
            return None
        person = await tx.people.get(recipient.person_id)
        settings = await tx.reminders.settings(person.id)
        now = tx.clock()
        if recipient.person_id != reminder.person_id:
            # The owner changed or left since it was planned: the right person gets it.
            await tx.reminders.reassign(reminder.id, person.id)
        if (moment := deliverable_at(now, settings)) > now:
            await tx.reminders.release(reminder.id, self.worker, moment)  # quiet hours
            return None
        lang = person.language or self.translator.default
        reply = self._reminder_reply(lang, reminder, item, deadline, project, owner, settings)
        return Prepared(reminder, person, None, reply)

    def _reminder_reply(
        self,
        lang: str,
        reminder: Reminder,
        item: Item,
        deadline: Deadline,
        project: Project,
        owner: Member | None,
        settings: ReminderSettings,
    ) -> Reply:
        t, plain = self.translator.t, self.translator.plain
        today = self.engine.clock().astimezone(zone_of(settings)).date()
        args: dict[str, Any] = {
            "label": deadline.label,
            "tool": self._tool_title(lang, item.tool),
            "date": format_date(deadline.due, lang),
            "days": (deadline.due - today).days,
            "overdue": (today - deadline.due).days,
            "project": project.name,
            "owner": owner.display_name if owner else "",
        }
        key = {
            ReminderKind.BEFORE: "rem-before",
            ReminderKind.DUE: "rem-result" if deadline.result else "rem-due",
            ReminderKind.ESCALATION: "rem-escalation",
        }[reminder.kind]
        value = f"{reminder.id}"
        rows: list[list[Choice]] = []
        if deadline.result and item.tool in self.engine.registry.buttons:
            # Answered by the tool itself: its button handler gets "<item id>:<ref>".
            rows.append(
                [
                    Choice(
                        plain(lang, "rem-button-result"),
                        f"t:{item.tool}:result:{item.id}:{deadline.ref}",
                    )
                ]
            )
        rows.append(
            [
                Choice(plain(lang, "rem-button-done"), f"t:{BUTTON}:done:{value}"),
                Choice(plain(lang, "rem-button-skip"), f"t:{BUTTON}:skip:{value}"),
            ]
        )
        rows.append(
            [
                Choice(plain(lang, "rem-button-day"), f"t:{BUTTON}:day:{value}"),
                Choice(plain(lang, "rem-button-week"), f"t:{BUTTON}:week:{value}"),
            ]
        )
        return Reply(t(lang, key, **args), choices=rows, bulk=True)

    def _tool_title(self, lang: str, tool: str) -> str:
        for flow in self.engine.registry.flows.values():
            if flow.tool == tool:
                return self.translator.plain(lang, flow.title)
        return tool

    async def _digest(
        self, tx: Tx, reminder: Reminder, project: Project, team: Team, members: list[Member]
    ) -> Prepared | None:
        from flows.digest import digest_reply  # the digest reads every tool's deadlines

        coordinator = coordinator_of(members)
        if coordinator is None:
            await self._close(tx, reminder, ReminderStatus.SKIPPED)
            return None
        person = await tx.people.get(coordinator.person_id)
        lang = self.translator.default if team.group_chat_id else person.language
        reply = await digest_reply(tx, self.engine, project, team, lang or self.translator.default)
        # The next one is planned when this one is no longer open (see plan_digests).
        return Prepared(reminder, person, team.group_chat_id, reply)


async def plan_digests(
    tx: Tx, registry: Registry, *, after: int = 0, limit: int | None = None
) -> int | None:
    """Give each project (ids above `after`, at most `limit`) whose team wants a digest its
    next one (idempotent). Returns the last project id looked at when more may follow."""
    now = tx.clock()
    targets = await tx.reminders.digest_targets(after, limit)
    planned = []
    for target in targets:
        if target.digest_weekday <= 0 or target.coordinator_id is None:
            continue
        settings = target.settings
        day = now.astimezone(zone_of(settings)).date() + timedelta(days=1)
        while day.isoweekday() != target.digest_weekday:
            day += timedelta(days=1)
        planned.append(
            NewReminder(
                key=f"digest:{target.project_id}:{day.isoformat()}",
                project_id=target.project_id,
                ref=f"digest:{day.isoformat()}",
                kind=ReminderKind.DIGEST,
                person_id=target.coordinator_id,
                deadline=day,
                due_at=remind_moment(day, settings),
            )
        )
    await tx.reminders.add_many_once(planned)
    full = limit is not None and len(targets) == limit
    return targets[-1].project_id if full else None


# ---------------------------------------------------------------------------------------------
# buttons on a reminder


async def reminder_button(ctx: Context, action: str, payload: str, engine: Engine) -> list[Reply]:
    """Done, skip, or snooze a day or a week: only the reminder's recipient may."""
    from flows.commands import expired

    if action == "digest":
        return await _digest_details(ctx, payload, engine)
    reminder = await ctx.tx.reminders.get(int(payload)) if payload.isdigit() else None
    if reminder is None or reminder.person_id != ctx.person.id:
        return [expired(ctx)]
    await ctx.tx.projects.get(reminder.project_id, ctx.person.id)  # still in the team?
    if reminder.status in (ReminderStatus.DONE, ReminderStatus.SKIPPED):
        return [Reply(ctx.t("rem-already", status=reminder.status.value), notice=True)]
    settings = await ctx.tx.reminders.settings(ctx.person.id)
    if action in ("day", "week"):
        days = 1 if action == "day" else 7
        until = later(engine.clock(), days, settings)
        await ctx.tx.reminders.snooze(reminder.id, until)
        when = until.astimezone(zone_of(settings))
        text = ctx.t(
            "rem-snoozed",
            date=format_date(when.date(), ctx.lang),
            time=when.strftime("%H:%M"),
        )
        return [Reply(text, replace=True)]
    if action == "skip":
        await ctx.tx.reminders.set_status([reminder.id], ReminderStatus.SKIPPED, only_open=False)
        return [Reply(ctx.t("rem-skipped"), replace=True)]
    if action == "done" and reminder.item_id is not None:
        item = await ctx.tx.items.find(reminder.item_id, ctx.person.id)
        if item is None:
            return [expired(ctx)]
        refs = sorted(done_refs(item) | {reminder.ref})
        if reminder.ref not in done_refs(item):
            await ctx.tx.items.set_field(item.id, DONE_FIELD, refs, ctx.person.id)
        await ctx.tx.reminders.set_status([reminder.id], ReminderStatus.DONE, only_open=False)
        return [Reply(ctx.t("rem-done"), replace=True)]
    return [expired(ctx)]


async def _digest_details(ctx: Context, payload: str, engine: Engine) -> list[Reply]:
    """Every line of the digest, for any member of the project's team."""
    from flows.commands import expired
    from flows.digest import digest_reply

    if not payload.isdigit():
        return [expired(ctx)]
    try:
        project = await ctx.tx.projects.get(int(payload), ctx.person.id)  # members only
        team = await ctx.tx.teams.get(project.team_id, ctx.person.id)
    except (AccessDenied, NotFound):
        # Said on the button only: the group need not read that someone was refused.
        return [Reply(ctx.t("error-not-allowed"), notice=True)]
    return [await digest_reply(ctx.tx, engine, project, team, ctx.lang, full=True)]


async def resync_open(tx: Tx, registry: Registry, item_ids: list[int]) -> None:
    """Replan the open reminders of these items (after a change of settings)."""
    for item_id in sorted(set(item_ids)):
        await sync_item(tx, registry, item_id)
