"""The weekly team digest: what was done, what is due, what is overdue, what was measured."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from markupsafe import Markup

from flows.dates import format_date
from flows.domain import Item, Member, Project, Team
from flows.events import Choice, Reply
from flows.model import Deadline
from flows.reminders import BUTTON, coordinator_of, deadlines_of, is_done, match_owner
from storage.repositories import Tx

if TYPE_CHECKING:
    from flows.engine import Engine

WEEK = timedelta(days=7)
SHORT = 5  # lines per section in the digest itself; the details show all


@dataclass(frozen=True, slots=True)
class Line:
    """One deadline in the digest."""

    label: str
    tool: str
    due: date
    owner: str


@dataclass(slots=True)
class Week:
    """A project's deadlines sorted into the digest's sections."""

    done: list[Line]
    due: list[Line]
    overdue: list[Line]
    news: list[Markup]


async def week_of(tx: Tx, engine: Engine, project: Project, team: Team, lang: str) -> Week:
    """Sort every declared deadline of the project; collect the tools' news of the week."""
    members = await tx.teams.current_members(team.id)
    coordinator = coordinator_of(members)
    week = Week([], [], [], [])
    if coordinator is None:
        return week
    now = engine.clock()
    today = now.astimezone(engine.zone).date()
    tools = sorted(set(engine.registry.deadlines) | set(engine.registry.digest))
    for tool in tools:
        items = await tx.items.list(project.id, tool, coordinator.person_id)
        title = _title(engine, tool, lang)
        for item in items:
            for deadline in deadlines_of(engine.registry, item):
                _sort(week, item, deadline, title, members, today, now - WEEK)
        source = engine.registry.digest.get(tool)
        if source is not None:
            lines = source(items, now - WEEK, engine.translator, lang)
            week.news.extend(Markup(line) for line in lines)  # the tool escaped user text
    for part in (week.done, week.due, week.overdue):
        part.sort(key=lambda line: line.due)
    return week


def _sort(
    week: Week,
    item: Item,
    deadline: Deadline,
    title: str,
    members: list[Member],
    today: date,
    since: datetime,
) -> None:
    owner = match_owner(deadline.owner, members)
    line = Line(
        deadline.label, title, deadline.due, owner.display_name if owner else deadline.owner
    )
    if is_done(item, deadline):
        if item.updated_at >= since:
            week.done.append(line)
    elif deadline.due < today:
        week.overdue.append(line)
    elif deadline.due <= today + WEEK:
        week.due.append(line)


def _title(engine: Engine, tool: str, lang: str) -> str:
    for flow in engine.registry.flows.values():
        if flow.tool == tool:
            return engine.translator.plain(lang, flow.title)
    return tool


async def digest_reply(
    tx: Tx, engine: Engine, project: Project, team: Team, lang: str, *, full: bool = False
) -> Reply:
    """The digest as one short message, with a button for the details (all of it)."""
    week = await week_of(tx, engine, project, team, lang)
    limit = None if full else SHORT
    html = engine.render(
        "digest.html.j2",
        t=lambda key, **args: engine.translator.t(lang, key, **args),
        project=project,
        team=team,
        week=week,
        limit=limit,
        day=lambda value: format_date(value, lang),
        full=full,
    )
    choices = []
    if not full:
        label = engine.translator.plain(lang, "digest-button-details")
        choices = [[Choice(label, f"t:{BUTTON}:digest:{project.id}")]]
    return Reply(html, choices=choices, bulk=not full)
