"""Repository tests on real SQLite and PostgreSQL: teams, invites, items, state, concurrency."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select, text

from flows.domain import ConversationStatus, Role, Track
from storage.db import Store
from storage.repositories import AccessDenied, NotFound, Tx
from storage.tables import ButtonRow, InviteRow, ItemRow, MembershipRow

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
TOOL = "stakeholder"


def at(moment: datetime) -> Callable[[], datetime]:
    """A clock frozen at one moment, to hand to Store.transaction."""
    return lambda: moment


class Boom(Exception):
    """Raised on purpose inside a transaction."""


@dataclass(frozen=True)
class World:
    """Ids of a small team: An coordinates, Bram is a member, Dirk left, Cas is an outsider."""

    an: int
    bram: int
    cas: int
    dirk: int
    team: int
    project: int
    item: int


async def person(tx: Tx, name: str) -> int:
    """The id of a (new) person called `name`."""
    found, _ = await tx.people.get_or_create(f"test:{name}", name, "nl")
    return found.id


async def team_with(tx: Tx, coordinator: int, *members: int, name: str = "Gent") -> int:
    """A team coordinated by `coordinator` that `members` joined through an invite."""
    team = await tx.teams.create(name, coordinator)
    invite = await tx.teams.create_invite(team.id, coordinator, timedelta(days=7))
    for member in members:
        assert await tx.teams.redeem_invite(invite.token, member) == (
            await tx.teams.get(team.id, coordinator),
            "joined",
        )
    return team.id


async def seed(store: Store) -> World:
    """Create the World: a team with a project and one stakeholder in it."""
    async with store.transaction(at(T0)) as tx:
        an, bram, cas, dirk = [await person(tx, n) for n in ("An", "Bram", "Cas", "Dirk")]
        team = await team_with(tx, an, bram, dirk)
        project = await tx.projects.create(team, an, "Strategie 2030", Track.STRATEGY)
        item = await tx.items.add(project.id, TOOL, {"name": "Kringwinkel"}, an)
        await tx.teams.leave(team, dirk)
    return World(an, bram, cas, dirk, team, project.id, item.id)


async def members(store: Store, team: int, actor: int) -> dict[int, Role]:
    """Current members of a team and their roles."""
    async with store.transaction() as tx:
        return {m.person_id: m.role for m in await tx.teams.members(team, actor)}


# ---------------------------------------------------------------------------------------------
# people


async def test_get_or_create_is_idempotent_and_keeps_the_name_current(store: Store) -> None:
    async with store.transaction() as tx:
        first, created = await tx.people.get_or_create("tg:1", "An", "nl")
        assert created and first.display_name == "An" and first.language == "nl"
        again, created_again = await tx.people.get_or_create("tg:1", "An", None)
        assert not created_again and again.id == first.id
    async with store.transaction() as tx:
        renamed, created = await tx.people.get_or_create("tg:1", "An Peeters", None)
        assert not created and renamed.id == first.id and renamed.display_name == "An Peeters"
        other, created_other = await tx.people.get_or_create("tg:2", "An", None)
        assert created_other and other.id != first.id
    async with store.transaction() as tx:
        # The new name was stored, and an empty name from the platform does not erase it.
        assert (await tx.people.get(first.id)).display_name == "An Peeters"
        kept, _ = await tx.people.get_or_create("tg:1", "", None)
        assert kept.display_name == "An Peeters"
        with pytest.raises(NotFound):
            await tx.people.get(first.id + other.id + 100)


# ---------------------------------------------------------------------------------------------
# teams and memberships


async def test_creator_coordinates_the_new_team(store: Store) -> None:
    async with store.transaction(at(T0)) as tx:
        an, bram = await person(tx, "An"), await person(tx, "Bram")
        team = await tx.teams.create("Gent Circulair", an)
        assert team.name == "Gent Circulair" and team.created_by == an
        assert team.created_at == T0 and team.group_chat_id is None
        assert await tx.teams.role_of(team.id, an) == Role.COORDINATOR
        assert await tx.teams.role_of(team.id, bram) is None
    async with store.transaction() as tx:
        (member,) = await tx.teams.members(team.id, an)
        assert (member.person_id, member.display_name, member.role) == (an, "An", Role.COORDINATOR)
        assert [(t.id, r) for t, r in await tx.teams.teams_of(an)] == [(team.id, Role.COORDINATOR)]
        assert await tx.teams.teams_of(bram) == []
        assert await tx.teams.coordinators(team.id) == [an]


async def test_members_lists_current_members_in_joining_order(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        listed = await tx.teams.members(w.team, w.bram)
    assert [(m.display_name, m.role) for m in listed] == [
        ("An", Role.COORDINATOR),
        ("Bram", Role.MEMBER),
    ]
    assert await members(store, w.team, w.an) == {w.an: Role.COORDINATOR, w.bram: Role.MEMBER}


async def test_last_coordinator_must_hand_over_before_leaving(store: Store) -> None:
    w = await seed(store)
    with pytest.raises(AccessDenied):
        async with store.transaction() as tx:
            await tx.teams.leave(w.team, w.an)
    async with store.transaction() as tx:
        await tx.teams.hand_over(w.team, w.an, w.bram)
    assert await members(store, w.team, w.bram) == {w.an: Role.MEMBER, w.bram: Role.COORDINATOR}
    async with store.transaction() as tx:
        await tx.teams.leave(w.team, w.an)
        assert await tx.teams.role_of(w.team, w.an) is None
    # Alone in the team, the coordinator may leave too.
    async with store.transaction() as tx:
        await tx.teams.leave(w.team, w.bram)
        assert await tx.teams.teams_of(w.bram) == []


async def test_a_member_leaves_and_loses_the_active_project(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        await tx.people.set_active_project(w.bram, w.project)
        await tx.teams.leave(w.team, w.bram)
    async with store.transaction() as tx:
        assert (await tx.people.get(w.bram)).active_project_id is None
        assert await tx.projects.of_person(w.bram) == []
    assert await members(store, w.team, w.an) == {w.an: Role.COORDINATOR}


async def test_only_a_coordinator_removes_and_never_themselves(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        eva = await person(tx, "Eva")
        invite = await tx.teams.create_invite(w.team, w.an, timedelta(days=1))
        await tx.teams.redeem_invite(invite.token, eva)
    for actor, target in ((w.bram, eva), (w.an, w.an), (w.an, w.cas), (w.an, w.dirk)):
        with pytest.raises(AccessDenied):
            async with store.transaction() as tx:
                await tx.teams.remove(w.team, actor, target)
    assert set(await members(store, w.team, w.an)) == {w.an, w.bram, eva}
    async with store.transaction() as tx:
        await tx.people.set_active_project(eva, w.project)
        await tx.teams.remove(w.team, w.an, eva)
    assert set(await members(store, w.team, w.an)) == {w.an, w.bram}
    async with store.transaction() as tx:
        assert (await tx.people.get(eva)).active_project_id is None
        with pytest.raises(AccessDenied):
            await tx.projects.get(w.project, eva)


async def test_hand_over_swaps_the_roles(store: Store) -> None:
    w = await seed(store)
    for actor, target in ((w.bram, w.an), (w.an, w.cas), (w.an, w.dirk)):
        with pytest.raises(AccessDenied):
            async with store.transaction() as tx:
                await tx.teams.hand_over(w.team, actor, target)
    async with store.transaction() as tx:
        await tx.teams.hand_over(w.team, w.an, w.bram)
        assert await tx.teams.coordinators(w.team) == [w.bram]
    # The former coordinator now has a member's rights only.
    with pytest.raises(AccessDenied):
        async with store.transaction() as tx:
            await tx.teams.create_invite(w.team, w.an, timedelta(days=1))
    async with store.transaction() as tx:
        await tx.teams.remove(w.team, w.bram, w.an)
    assert await members(store, w.team, w.bram) == {w.bram: Role.COORDINATOR}


async def test_a_group_links_to_one_team_at_a_time(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        other = await tx.teams.create("Mechelen", w.cas)
        assert await tx.teams.by_group("g:1") is None
        await tx.teams.link_group(w.team, w.an, "g:1")
    async with store.transaction() as tx:
        linked = await tx.teams.by_group("g:1")
        assert linked is not None and linked.id == w.team and linked.group_chat_id == "g:1"
        await tx.teams.link_group(other.id, w.cas, "g:1")
    async with store.transaction() as tx:
        linked = await tx.teams.by_group("g:1")
        assert linked is not None and linked.id == other.id
        assert (await tx.teams.get(w.team, w.an)).group_chat_id is None
        # A team moves to another group: the old group is no longer linked.
        await tx.teams.link_group(other.id, w.cas, "g:2")
        assert await tx.teams.by_group("g:1") is None
        assert (await tx.teams.by_group("g:2")) is not None
    with pytest.raises(AccessDenied):  # members do not link groups
        async with store.transaction() as tx:
            await tx.teams.link_group(w.team, w.bram, "g:3")


# ---------------------------------------------------------------------------------------------
# invites

TOKEN = re.compile(r"[A-Za-z0-9_-]+")


async def test_invite_tokens_are_unguessable_and_fit_a_start_payload(store: Store) -> None:
    w = await seed(store)
    async with store.transaction(at(T0)) as tx:
        first = await tx.teams.create_invite(w.team, w.an, timedelta(days=7))
        second = await tx.teams.create_invite(w.team, w.an, timedelta(days=7))
    for invite in (first, second):
        assert 24 <= len(invite.token) <= 64 and TOKEN.fullmatch(invite.token), invite.token
        assert invite.team_id == w.team and not invite.revoked
        assert invite.expires_at == T0 + timedelta(days=7)
    assert first.token != second.token and first.id != second.id


async def test_redeem_joins_once_then_says_already(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        eva = await person(tx, "Eva")
        invite = await tx.teams.create_invite(w.team, w.an, timedelta(days=7))
    async with store.transaction() as tx:
        team, status = await tx.teams.redeem_invite(invite.token, eva)
        assert status == "joined" and team is not None and team.id == w.team
        assert await tx.teams.role_of(w.team, eva) == Role.MEMBER
    async with store.transaction() as tx:
        team, status = await tx.teams.redeem_invite(invite.token, eva)
        assert status == "already" and team is not None and team.id == w.team
        # The coordinator redeeming their own link keeps the coordinator role.
        assert (await tx.teams.redeem_invite(invite.token, w.an))[1] == "already"
        assert await tx.teams.role_of(w.team, w.an) == Role.COORDINATOR
        # Someone who left joins again with a fresh invite, as a member.
        assert (await tx.teams.redeem_invite(invite.token, w.dirk))[1] == "joined"
        assert await tx.teams.role_of(w.team, w.dirk) == Role.MEMBER
        row = await tx.session.scalar(select(InviteRow).where(InviteRow.id == invite.id))
        assert row is not None and row.use_count == 2


async def test_redeem_refuses_unknown_expired_and_revoked_tokens(store: Store) -> None:
    w = await seed(store)
    async with store.transaction(at(T0)) as tx:
        eva = await person(tx, "Eva")
        hour = await tx.teams.create_invite(w.team, w.an, timedelta(hours=1))
    async with store.transaction(at(T0)) as tx:
        assert await tx.teams.redeem_invite("nope" + hour.token, eva) == (None, "unknown")
        assert await tx.teams.redeem_invite("x" * 500, eva) == (None, "unknown")
    late = T0 + timedelta(hours=1, seconds=1)
    async with store.transaction(at(late)) as tx:
        assert await tx.teams.redeem_invite(hour.token, eva) == (None, "expired")
        assert await tx.teams.role_of(w.team, eva) is None
    async with store.transaction(at(T0 + timedelta(minutes=59))) as tx:
        assert (await tx.teams.redeem_invite(hour.token, w.cas))[1] == "joined"
    # A negative ttl is expired at once, whatever the clock.
    async with store.transaction() as tx:
        past = await tx.teams.create_invite(w.team, w.an, timedelta(seconds=-1))
    async with store.transaction() as tx:
        assert await tx.teams.redeem_invite(past.token, eva) == (None, "expired")
    async with store.transaction(at(T0)) as tx:
        week = await tx.teams.create_invite(w.team, w.an, timedelta(days=7))
        with pytest.raises(AccessDenied):
            await tx.teams.revoke_invites(w.team, w.bram)
    async with store.transaction(at(T0)) as tx:
        assert await tx.teams.revoke_invites(w.team, w.an) >= 1
        assert await tx.teams.revoke_invites(w.team, w.an) == 0  # nothing left to revoke
    async with store.transaction(at(T0)) as tx:
        assert await tx.teams.redeem_invite(week.token, eva) == (None, "revoked")
        assert await tx.teams.role_of(w.team, eva) is None


# ---------------------------------------------------------------------------------------------
# projects


async def test_projects_belong_to_teams_and_people_see_theirs(store: Store) -> None:
    w = await seed(store)
    async with store.transaction(at(T0)) as tx:
        pilot = await tx.projects.create(w.team, w.bram, "Herbruikbare bekers", Track.PILOT)
        assert (pilot.team_id, pilot.name, pilot.track) == (w.team, "Herbruikbare bekers", "pilot")
        assert pilot.created_at == T0
        got = await tx.projects.get(pilot.id, w.an)
        assert got == pilot
        other = await team_with(tx, w.cas, w.an, name="Mechelen")
        elsewhere = await tx.projects.create(other, w.cas, "Mechelen 2030", Track.STRATEGY)
    async with store.transaction() as tx:
        seen = [(p.id, t.id) for p, t in await tx.projects.of_person(w.an)]
        assert seen == [(w.project, w.team), (pilot.id, w.team), (elsewhere.id, other)]
        assert [p.id for p, _ in await tx.projects.of_person(w.bram)] == [w.project, pilot.id]
        assert await tx.projects.of_person(w.dirk) == []
        with pytest.raises(NotFound):
            await tx.projects.get(elsewhere.id + 1000, w.an)


async def test_a_project_with_its_team_only_for_current_members(store: Store) -> None:
    """with_team reads project, team and role at once; the same checks as get apply."""
    w = await seed(store)
    async with store.transaction() as tx:
        project, team = await tx.projects.with_team(w.project, w.bram)
        assert (project.id, project.team_id, project.name) == (w.project, w.team, "Strategie 2030")
        assert (team.id, team.name, team.created_by) == (w.team, "Gent", w.an)
        assert await tx.teams.role_of(w.team, w.bram) == Role.MEMBER
    for outsider in (w.cas, w.dirk):  # never a member, and a member who left
        async with store.transaction() as tx:
            with pytest.raises(AccessDenied):
                await tx.projects.with_team(w.project, outsider)
            with pytest.raises(AccessDenied):  # what was read is not handed out afterwards
                await tx.projects.get(w.project, outsider)
    async with store.transaction() as tx:
        with pytest.raises(NotFound):
            await tx.projects.with_team(w.project + 1000, w.an)


async def test_a_team_read_earlier_in_the_transaction_shows_its_new_group(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        _, team = await tx.projects.with_team(w.project, w.an)
        assert team.group_chat_id is None
        await tx.teams.link_group(w.team, w.an, "g:7")
        assert (await tx.teams.get(w.team, w.an)).group_chat_id == "g:7"


async def test_pending_orm_changes_count_for_the_next_statement(store: Store) -> None:
    """A change still pending on an ORM row (not yet flushed) is seen by later reads."""
    w = await seed(store)
    async with store.transaction() as tx:
        membership = await tx.session.scalar(
            select(MembershipRow).where(
                MembershipRow.team_id == w.team, MembershipRow.person_id == w.dirk
            )
        )
        assert membership is not None
        membership.left_at = None  # Dirk is back, in memory only so far
        project, _ = await tx.projects.with_team(w.project, w.dirk)
        assert project.id == w.project


# ---------------------------------------------------------------------------------------------
# items


async def test_items_add_list_get_and_count(store: Store) -> None:
    w = await seed(store)
    later = T0 + timedelta(hours=2)
    async with store.transaction(at(later)) as tx:
        ivago = await tx.items.add(w.project, TOOL, {"name": "IVAGO"}, w.bram)
        assert (ivago.version, ivago.created_by, ivago.created_by_name) == (1, w.bram, "Bram")
        assert ivago.created_at == later and ivago.updated_by_name == "Bram"
        await tx.items.add(w.project, "other_tool", {"name": "X"}, w.an)
    async with store.transaction() as tx:
        listed = await tx.items.list(w.project, TOOL, w.an)
        assert [i.data["name"] for i in listed] == ["Kringwinkel", "IVAGO"]
        assert await tx.items.get(ivago.id, w.an) == ivago
        assert await tx.items.count(w.project, TOOL) == 2
        assert await tx.items.count(w.project, "other_tool") == 1
        with pytest.raises(NotFound):
            await tx.items.get(ivago.id + 1000, w.an)
        assert await tx.items.find(ivago.id + 1000, w.an) is None


async def test_set_field_records_history_and_returns_the_previous_change(store: Store) -> None:
    w = await seed(store)
    first, second = T0 + timedelta(minutes=1), T0 + timedelta(minutes=2)
    async with store.transaction(at(first)) as tx:
        item, previous = await tx.items.set_field(w.item, "power", "high", w.an)
        assert previous is None
        assert item.data == {"name": "Kringwinkel", "power": "high"} and item.version == 2
        assert (item.updated_by, item.updated_by_name, item.updated_at) == (w.an, "An", first)
    async with store.transaction(at(second)) as tx:
        item, previous = await tx.items.set_field(w.item, "power", "low", w.bram)
        assert previous is not None
        assert (previous.changed_by, previous.changed_by_name) == (w.an, "An")
        assert (previous.old, previous.new, previous.changed_at) == (None, "high", first)
        assert item.data["power"] == "low" and item.version == 3 and item.updated_by == w.bram
        # Another field has its own history.
        assert (await tx.items.set_field(w.item, "interest", "high", w.bram))[1] is None
    async with store.transaction() as tx:
        changes = await tx.items.history(w.item, w.an)
        assert [(c.field, c.old, c.new, c.changed_by_name, c.changed_at) for c in changes] == [
            ("power", None, "high", "An", first),
            ("power", "high", "low", "Bram", second),
            ("interest", None, "high", "Bram", second),
        ]
        assert (await tx.items.get(w.item, w.an)).version == 4
        assert changes[-2].new == "low" and changes[-2].changed_by == w.bram


async def test_delete_is_soft(store: Store) -> None:
    w = await seed(store)
    when = T0 + timedelta(hours=1)
    async with store.transaction(at(when)) as tx:
        deleted = await tx.items.delete(w.item, w.bram)
        assert deleted.version == 2 and deleted.data["name"] == "Kringwinkel"
    async with store.transaction() as tx:
        assert await tx.items.list(w.project, TOOL, w.an) == []
        assert await tx.items.count(w.project, TOOL) == 0
        assert await tx.items.find(w.item, w.an) is None
        for call in (
            tx.items.get(w.item, w.an),
            tx.items.set_field(w.item, "power", "high", w.an),
            tx.items.delete(w.item, w.an),
            tx.items.history(w.item, w.an),
        ):
            with pytest.raises(NotFound):
                await call
        # Kept for the record, with who and when.
        row = await tx.session.scalar(select(ItemRow).where(ItemRow.id == w.item))
        assert row is not None and row.deleted_by == w.bram
        assert row.deleted_at is not None and row.deleted_at.replace(tzinfo=UTC) == when
        assert row.data["name"] == "Kringwinkel"


async def test_singleton_is_one_keyed_record_outside_the_list(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        main = await tx.items.singleton(w.project, "vision", "main", w.an)
        assert main.key == "main" and main.data == {}
        await tx.items.set_field(main.id, "statement", "Gent circulair in 2030", w.an)
    async with store.transaction() as tx:
        again = await tx.items.singleton(w.project, "vision", "main", w.bram)
        assert again.id == main.id and again.data == {"statement": "Gent circulair in 2030"}
        assert (await tx.items.singleton(w.project, "vision", "other", w.bram)).id != main.id
        assert await tx.items.list(w.project, "vision", w.an) == []
        assert await tx.items.count(w.project, "vision") == 0


# ---------------------------------------------------------------------------------------------
# every read and write of team data checks membership

Call = Callable[[Tx, World, int], Awaitable[Any]]

TEAM_CALLS: dict[str, Call] = {
    "teams.get": lambda tx, w, a: tx.teams.get(w.team, a),
    "teams.members": lambda tx, w, a: tx.teams.members(w.team, a),
    "teams.require_member": lambda tx, w, a: tx.teams.require_member(w.team, a),
    "teams.leave": lambda tx, w, a: tx.teams.leave(w.team, a),
    "teams.remove": lambda tx, w, a: tx.teams.remove(w.team, a, w.bram),
    "teams.hand_over": lambda tx, w, a: tx.teams.hand_over(w.team, a, w.bram),
    "teams.link_group": lambda tx, w, a: tx.teams.link_group(w.team, a, "g:evil"),
    "teams.create_invite": lambda tx, w, a: tx.teams.create_invite(w.team, a, timedelta(days=1)),
    "teams.revoke_invites": lambda tx, w, a: tx.teams.revoke_invites(w.team, a),
    "projects.create": lambda tx, w, a: tx.projects.create(w.team, a, "Kaping", Track.PILOT),
    "projects.get": lambda tx, w, a: tx.projects.get(w.project, a),
    "items.list": lambda tx, w, a: tx.items.list(w.project, TOOL, a),
    "items.get": lambda tx, w, a: tx.items.get(w.item, a),
    "items.find": lambda tx, w, a: tx.items.find(w.item, a),
    "items.add": lambda tx, w, a: tx.items.add(w.project, TOOL, {"name": "Spam"}, a),
    "items.singleton": lambda tx, w, a: tx.items.singleton(w.project, "vision", "main", a),
    "items.set_field": lambda tx, w, a: tx.items.set_field(w.item, "name", "Gekaapt", a),
    "items.history": lambda tx, w, a: tx.items.history(w.item, a),
    "items.delete": lambda tx, w, a: tx.items.delete(w.item, a),
}

# Calls a plain member may not make either (or, for leave, would change the team).
COORDINATOR_ONLY = {
    "teams.remove",
    "teams.hand_over",
    "teams.link_group",
    "teams.create_invite",
    "teams.revoke_invites",
    "teams.leave",
}


async def snapshot(store: Store, w: World) -> tuple[object, ...]:
    """Everything the calls above could change, as the coordinator sees it."""
    async with store.transaction() as tx:
        item = await tx.items.get(w.item, w.an)
        return (
            item.version,
            item.data,
            await tx.items.count(w.project, TOOL),
            [(m.person_id, m.role) for m in await tx.teams.members(w.team, w.an)],
            (await tx.teams.get(w.team, w.an)).group_chat_id,
            [p.id for p, _ in await tx.projects.of_person(w.an)],
            len(await tx.items.history(w.item, w.an)),
        )


@pytest.mark.parametrize("method", sorted(TEAM_CALLS))
async def test_people_outside_the_team_are_denied(store: Store, method: str) -> None:
    w = await seed(store)
    before = await snapshot(store, w)
    for stranger in (w.cas, w.dirk):  # never a member, and a member who left
        with pytest.raises(AccessDenied):
            async with store.transaction() as tx:
                await TEAM_CALLS[method](tx, w, stranger)
    assert await snapshot(store, w) == before
    if method not in COORDINATOR_ONLY:  # the same call by a member works (a sanity check)
        async with store.transaction() as tx:
            await TEAM_CALLS[method](tx, w, w.bram)


async def test_items_of_another_teams_project_are_denied(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        other = await tx.teams.create("Mechelen", w.cas)
        theirs = await tx.projects.create(other.id, w.cas, "Mechelen 2030", Track.STRATEGY)
        secret = await tx.items.add(theirs.id, TOOL, {"name": "Geheim"}, w.cas)
    calls: list[Callable[[Tx], Awaitable[Any]]] = [
        lambda tx: tx.items.get(secret.id, w.an),
        lambda tx: tx.items.list(theirs.id, TOOL, w.an),
        lambda tx: tx.items.set_field(secret.id, "name", "x", w.an),
        lambda tx: tx.projects.get(theirs.id, w.an),
    ]
    for call in calls:
        with pytest.raises(AccessDenied):
            async with store.transaction() as tx:
                await call(tx)


# ---------------------------------------------------------------------------------------------
# events, buttons, conversations


async def test_an_event_is_claimed_once(store: Store) -> None:
    async with store.transaction() as tx:
        assert await tx.events.claim("tg:update:1") is True
        assert await tx.events.claim("tg:update:1") is False
        assert await tx.events.claim("tg:update:2") is True
    async with store.transaction() as tx:
        assert await tx.events.claim("tg:update:1") is False
        assert await tx.events.claim("tg:update:2") is False
        assert await tx.events.claim("tg:update:3") is True


async def test_button_references_of_one_transaction_are_kept_and_pruned_together(
    store: Store,
) -> None:
    """References put in a transaction are written when it commits, every one of them."""
    async with store.transaction(at(T0)) as tx:
        refs = [await tx.buttons.put("tg:1", "1", f"m:open:{n}") for n in range(5)]
        await tx.buttons.put_ref("poll-1", "poll", "1", "dots:1")
        await tx.buttons.put_ref("poll-1", "poll", "1", "dots:other")  # taken: first one stays
    async with store.transaction(at(T0 + timedelta(hours=3))) as tx:
        assert [await tx.buttons.get(r) for r in refs] == [
            ("tg:1", "1", f"m:open:{n}") for n in range(5)
        ]
        assert await tx.buttons.get("poll-1") == ("poll", "1", "dots:1")
        late = await tx.buttons.put("tg:1", "1", "m:late:")
        assert await tx.buttons.prune(timedelta(hours=2)) == 6  # not the one put just now
        assert await tx.buttons.get(late) == ("tg:1", "1", "m:late:")


async def test_button_references_are_distinct_random_and_short(store: Store) -> None:
    async with store.transaction() as tx:
        refs = [await tx.buttons.put("test:An", "chat:An", f"v{n}") for n in range(50)]
    assert len(set(refs)) == 50  # across several reads of random bytes
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{20}", ref) for ref in refs), refs
    # 72 random bits after the time: no two share even the first half of them.
    assert len({ref[8:14] for ref in refs}) == 50
    async with store.transaction() as tx:
        assert [await tx.buttons.get(ref) for ref in refs[-2:]] == [
            ("test:An", "chat:An", "v48"),
            ("test:An", "chat:An", "v49"),
        ]


async def test_button_references_sort_in_the_order_they_were_made(store: Store) -> None:
    # Milliseconds, minutes and months apart: somewhere each base64 digit of the time passes
    # from one kind of character to the next (sign, digit, capital, underscore, small letter).
    moments = (
        [T0 + timedelta(milliseconds=n) for n in range(0, 700, 17)]
        + [T0 + timedelta(minutes=n * 7) for n in range(1, 40)]
        + [T0 + timedelta(days=n * 47) for n in range(1, 40)]
    )
    refs = []
    for moment in moments:
        async with store.transaction(at(moment)) as tx:
            refs.append(await tx.buttons.put("test:An", "chat:An", moment.isoformat()))
    assert sorted(refs) == refs
    if store.is_sqlite:  # SQLite compares text as bytes, so its index keeps this order too
        async with store.transaction() as tx:
            result = await tx.session.execute(select(ButtonRow.ref).order_by(ButtonRow.ref))
            assert list(result.scalars()) == refs
    async with store.transaction() as tx:
        assert [await tx.buttons.get(ref) for ref in refs[::25]] == [
            ("test:An", "chat:An", moment.isoformat()) for moment in moments[::25]
        ]


async def test_buttons_put_get_and_prune(store: Store) -> None:
    async with store.transaction(at(T0)) as tx:
        old = await tx.buttons.put("test:An", "chat:An", "m:open:stakeholders")
        assert await tx.buttons.get(old) == ("test:An", "chat:An", "m:open:stakeholders")
    async with store.transaction(at(T0 + timedelta(hours=2))) as tx:
        new = await tx.buttons.put("test:An", "chat:An", "s:1:power:0:opt:high")
        assert new != old and len(new) <= 24 and len(new.encode()) <= 64
    async with store.transaction() as tx:
        assert await tx.buttons.get(old) == ("test:An", "chat:An", "m:open:stakeholders")
        assert await tx.buttons.get("forged-reference") is None
    async with store.transaction(at(T0 + timedelta(hours=3))) as tx:
        assert await tx.buttons.prune(timedelta(hours=2)) == 1
    async with store.transaction() as tx:
        assert await tx.buttons.get(old) is None
        assert await tx.buttons.get(new) == ("test:An", "chat:An", "s:1:power:0:opt:high")


async def test_conversations_start_pause_and_save(store: Store) -> None:
    w = await seed(store)
    async with store.transaction(at(T0)) as tx:
        assert await tx.conversations.active(w.an) is None
        first = await tx.conversations.start(w.an, w.project, "stakeholders", "longlist")
        assert (first.status, first.step, first.token) == (ConversationStatus.ACTIVE, "longlist", 1)
        active = await tx.conversations.active(w.an)
        assert active is not None and active.id == first.id
    async with store.transaction(at(T0 + timedelta(minutes=1))) as tx:
        second = await tx.conversations.start(w.an, None, "team_setup", "team_name")
        active = await tx.conversations.active(w.an)
        assert active is not None and active.id == second.id
        paused = await tx.conversations.paused(w.an, "stakeholders", w.project)
        assert paused is not None and paused.id == first.id and paused.step == "longlist"
        assert await tx.conversations.paused(w.an, "stakeholders", None) is None
    async with store.transaction(at(T0 + timedelta(minutes=2))) as tx:
        second.step = "project_name"
        second.cursor["history"] = [["team_name", 0]]
        second.draft["team_name"] = "Gent"
        saved = await tx.conversations.save(second)
        assert saved.token == 2
    async with store.transaction() as tx:
        loaded = await tx.conversations.active(w.an)
        assert loaded is not None and loaded.token == 2 and loaded.step == "project_name"
        assert loaded.draft == {"team_name": "Gent"}
        assert loaded.cursor == {"history": [["team_name", 0]]}
        assert loaded.updated_at == T0 + timedelta(minutes=2)
        # Resuming the paused one by saving it as active pauses the other: one active at most.
        resumed = await tx.conversations.paused_by_id(w.an, first.id)
        assert resumed is not None
        resumed.status = ConversationStatus.ACTIVE
        await tx.conversations.save(resumed)
    async with store.transaction() as tx:
        active = await tx.conversations.active(w.an)
        assert active is not None and active.id == first.id
        paused = await tx.conversations.paused(w.an, "team_setup", None)
        assert paused is not None and paused.id == second.id
        await tx.conversations.pause_all(w.an)
        assert await tx.conversations.active(w.an) is None
        latest = await tx.conversations.latest(w.an, w.project)
        assert latest is not None and latest.id == first.id


@contextmanager
def statements_seen(store: Store) -> Iterator[list[str]]:
    """The SQL statements the store runs inside the block, whitespace folded."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(store.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine.sync_engine, "before_cursor_execute", record)


async def test_a_tap_reads_and_writes_no_more_than_it_must(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        await tx.conversations.start(w.an, w.project, "stakeholders", "side")
    with statements_seen(store) as seen:
        async with store.transaction() as tx:
            conversation = await tx.conversations.active(w.an)
            assert conversation is not None
            assert await tx.items.find(w.item, w.an) is not None
            item, _ = await tx.items.set_field(w.item, "side", "external", w.an)
            conversation.step = "power"
            await tx.conversations.save(conversation)
    assert item.data == {"name": "Kringwinkel", "side": "external"} and item.version == 2
    item_reads = [s for s in seen if s.startswith("SELECT") and "FROM items" in s]
    # PostgreSQL reads the row again, locked, before changing it; SQLite's transaction holds
    # the write lock from its start, so what it read is current.
    assert len(item_reads) == (1 if store.is_sqlite else 2)
    # The conversation was the active one: nothing else to pause.
    assert not [s for s in seen if "SET status" in s and "!=" in s]
    async with store.transaction() as tx:
        again = await tx.items.get(w.item, w.an)
        assert again.data == item.data and again.version == 2
        [change] = await tx.items.history(w.item, w.an)
        assert (change.old, change.new) == (None, "external")


async def test_the_acting_persons_name_comes_from_get_or_create_not_a_query(store: Store) -> None:
    # An event starts with get_or_create: its name (renamed on the spot here) is what items
    # show, with no query for it; a teammate's name is still read.
    w = await seed(store)
    with statements_seen(store) as seen:
        async with store.transaction() as tx:
            me, _ = await tx.people.get_or_create("test:An", "An Peeters", None)
            item = await tx.items.get(w.item, me.id)
            mine = [s for s in seen if s.startswith("SELECT people.id, people.display_name")]
            changed, _ = await tx.items.set_field(w.item, "side", "external", w.bram)
    assert (item.created_by_name, item.updated_by_name) == ("An Peeters", "An Peeters")
    assert mine == []
    assert (changed.created_by_name, changed.updated_by_name) == ("An Peeters", "Bram")
    assert len([s for s in seen if s.startswith("SELECT people.id, people.display_name")]) == 1


async def test_restarting_a_flow_replaces_the_paused_one(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        first = await tx.conversations.start(w.an, w.project, "stakeholders", "longlist")
        await tx.conversations.pause_all(w.an)
        again = await tx.conversations.start(w.an, w.project, "stakeholders", "longlist")
        active = await tx.conversations.active(w.an)
        assert active is not None and active.id == again.id
        assert await tx.conversations.paused(w.an, "stakeholders", w.project) is None
        assert await tx.conversations.paused_by_id(w.an, first.id) is None


async def test_paused_by_id_refuses_another_persons_conversation(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        mine = await tx.conversations.start(w.an, w.project, "stakeholders", "longlist")
        await tx.conversations.pause_all(w.an)
        assert await tx.conversations.paused_by_id(w.bram, mine.id) is None
        assert await tx.conversations.paused_by_id(w.an, mine.id + 1000) is None
        found = await tx.conversations.paused_by_id(w.an, mine.id)
        assert found is not None and found.id == mine.id
        # An active conversation is not "paused".
        other = await tx.conversations.start(w.bram, w.project, "stakeholders", "longlist")
        assert await tx.conversations.paused_by_id(w.bram, other.id) is None


# ---------------------------------------------------------------------------------------------
# transactions and concurrency


async def test_a_failing_transaction_leaves_nothing_behind(store: Store) -> None:
    w = await seed(store)
    with pytest.raises(Boom):
        async with store.transaction() as tx:
            assert await tx.events.claim("update:42")
            eva, _ = await tx.people.get_or_create("test:Eva", "Eva", None)
            await tx.teams.create("Spookteam", eva.id)
            await tx.items.set_field(w.item, "power", "high", w.an)
            await tx.items.add(w.project, TOOL, {"name": "IVAGO"}, w.an)
            conv = await tx.conversations.start(w.an, w.project, "stakeholders", "longlist")
            await tx.conversations.save(conv)
            ref = await tx.buttons.put("test:An", "chat:An", "m:noop:")
            raise Boom
    async with store.transaction() as tx:
        assert await tx.buttons.get(ref) is None
        assert await tx.events.claim("update:42") is True  # the event can be processed again
        assert (await tx.people.get_or_create("test:Eva", "Eva", None))[1] is True
        assert [t.id for t, _ in await tx.teams.teams_of(w.an)] == [w.team]
        item = await tx.items.get(w.item, w.an)
        assert item.version == 1 and "power" not in item.data
        assert await tx.items.history(w.item, w.an) == []
        assert await tx.items.count(w.project, TOOL) == 1
        assert await tx.conversations.active(w.an) is None


async def begun(tx: Tx) -> None:
    """Make sure the transaction holds a connection (a first statement has run)."""
    await tx.session.execute(text("SELECT 1"))


async def test_concurrent_claims_of_one_event_have_one_winner(store: Store) -> None:
    ready = asyncio.Barrier(1 if store.is_sqlite else 20)  # SQLite queues its transactions

    async def claim() -> bool:
        async with store.transaction() as tx:
            await begun(tx)
            await ready.wait()
            return await tx.events.claim("tg:update:777")

    results = await asyncio.wait_for(asyncio.gather(*(claim() for _ in range(20))), 30)
    assert sorted(results) == [False] * 19 + [True]


async def test_concurrent_answers_to_one_item_all_land(store: Store) -> None:
    w = await seed(store)
    async with store.transaction() as tx:
        invite = await tx.teams.create_invite(w.team, w.an, timedelta(days=1))
        people = [await person(tx, f"Lid{n}") for n in range(10)]
        for someone in people:
            await tx.teams.redeem_invite(invite.token, someone)
    ready = asyncio.Barrier(1 if store.is_sqlite else len(people))

    async def answer(someone: int, value: str) -> None:
        async with store.transaction() as tx:
            await tx.items.get(w.item, someone)  # everyone has read the item before writing
            await ready.wait()
            await tx.items.set_field(w.item, "note", value, someone)

    await asyncio.wait_for(
        asyncio.gather(*(answer(p, f"notitie {n}") for n, p in enumerate(people))), 30
    )
    async with store.transaction() as tx:
        item = await tx.items.get(w.item, w.an)
        changes = await tx.items.history(w.item, w.an)
    assert item.version == 1 + 10
    assert sorted(c.changed_by for c in changes) == sorted(people)
    assert sorted(c.new for c in changes) == sorted(f"notitie {n}" for n in range(10))
    # Each change saw the value of the one before it: no answer was overwritten unseen.
    assert [c.old for c in changes] == [None, *(c.new for c in changes[:-1])]
    assert item.data["note"] == changes[-1].new and item.data["name"] == "Kringwinkel"


async def test_two_processes_on_one_database_lose_no_answer(store: Store) -> None:
    """The bot and a console open the same database: each has its own Store (and lock)."""
    w = await seed(store)
    async with store.transaction() as tx:
        invite = await tx.teams.create_invite(w.team, w.an, timedelta(days=1))
        people = [await person(tx, f"Lid{n}") for n in range(10)]
        for someone in people:
            await tx.teams.redeem_invite(invite.token, someone)
    console = Store(store.url, schema=store.schema)
    await console.open()

    async def answer(n: int, someone: int) -> None:
        async with (console if n % 2 else store).transaction() as tx:
            await tx.items.set_field(w.item, f"veld{n}", someone, someone)

    try:
        await asyncio.wait_for(asyncio.gather(*(answer(n, p) for n, p in enumerate(people))), 30)
    finally:
        await console.close()
    async with store.transaction() as tx:
        item = await tx.items.get(w.item, w.an)
        changes = await tx.items.history(w.item, w.an)
    assert len(changes) == 10
    # Every answer is in the record itself, not only in its history.
    assert {k: v for k, v in item.data.items() if k != "name"} == {
        f"veld{n}": someone for n, someone in enumerate(people)
    }
    assert item.version == 1 + 10


async def test_housekeeping_prunes_only_old_keys_and_buttons(store: Store) -> None:
    """Old idempotency keys and button references go; recent ones stay."""
    from datetime import UTC, datetime, timedelta

    from flows.engine import Engine

    start = datetime(2026, 11, 1, 12, tzinfo=UTC)
    async with store.transaction(lambda: start) as tx:
        assert await tx.events.claim("old")
        old_ref = await tx.buttons.put("tg:1", "1", "m:noop:")
    later = start + timedelta(days=61)
    async with store.transaction(lambda: later) as tx:
        assert await tx.events.claim("new")
        new_ref = await tx.buttons.put("tg:1", "1", "m:noop:")
    engine = Engine(store, clock=lambda: later)
    assert await engine.housekeeping() == (1, 1)
    async with store.transaction(lambda: later) as tx:
        assert await tx.events.claim("old")  # forgotten, so it can be claimed again
        assert not await tx.events.claim("new")
        assert await tx.buttons.get(old_ref) is None
        assert await tx.buttons.get(new_ref) is not None


async def test_a_transaction_cancelled_halfway_leaves_nothing_behind(store: Store) -> None:
    w = await seed(store)
    started = asyncio.Event()

    async def answer() -> None:
        async with store.transaction() as tx:
            assert await tx.events.claim("update:cancelled")
            await tx.items.set_field(w.item, "power", "high", w.an)
            started.set()
            await asyncio.sleep(30)  # cancelled here, in the middle of the transaction

    task = asyncio.create_task(answer())
    await asyncio.wait_for(started.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with store.transaction() as tx:  # the next transaction gets in at once
        assert await tx.events.claim("update:cancelled")
        item = await tx.items.get(w.item, w.an)
        assert item.version == 1 and "power" not in item.data


async def test_json_columns_keep_any_text_on_both_databases(store: Store) -> None:
    # Written by orjson (storage/json_codec.py), read back by it; both databases parse it too.
    w = await seed(store)
    text = 'Één kringwinkel — 5 € ✓ 🚲 "quoted" \\ back\nslash'
    async with store.transaction() as tx:
        conversation = await tx.conversations.start(w.an, w.project, "stakeholders", "longlist")
        conversation.draft["names"] = [text, "", None]
        conversation.cursor["rated"] = {"3": [1.5, True]}
        await tx.conversations.save(conversation)
    async with store.transaction() as tx:
        loaded = await tx.conversations.active(w.an)
        assert loaded is not None
        assert loaded.draft == {"names": [text, "", None]}
        assert loaded.cursor == {"rated": {"3": [1.5, True]}}
