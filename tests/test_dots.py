"""Dot voting through the engine: numbered choices, poll answers, limits and permissions."""

from __future__ import annotations

from flows.engine import Engine
from flows.events import ChatKind, Event, PollAnswer
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code
from tests.test_ideas_flow import add_goal
from tests.test_impact import ideas


async def actions(store: Store, person: Person) -> dict[str, dict[str, object]]:
    """The stored actions by name."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        found = await tx.items.list(project_id, "action", person_id)
    return {str(a.data["name"]): a.data for a in found}


async def round_id(store: Store, person: Person) -> int:
    """The id of the project's (latest) voting round."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        return (await tx.items.list(project_id, "dotround", person_id))[-1].id


async def poll_vote(engine: Engine, person: Person, value: str, *options: int) -> str:
    """A vote arriving as a native poll answer; returns what the voter is told."""
    outcome = await engine.handle(
        Event(
            sender=person.sender,
            chat_id=f"chat:{person.name}",
            chat_kind=ChatKind.PRIVATE,
            poll_answer=PollAnswer(value, options),
            key=f"poll-{person.name}-{value}-{options}",
        )
    )
    person.replies = outcome.replies
    return person.text


async def team_with_actions(an: Person, bram: Person) -> None:
    """A team of An (coordinator) and Bram with three actions."""
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await add_goal(an)
    await ideas(an, "Opleiding circulair aanbesteden", "Sloopbeleid", "Materialenbank")


async def test_voting_with_numbered_choices(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_actions(an, bram)
    await bram.say("/stemmen")
    assert "De coördinator start er een" in bram.text
    await an.say("/stemmen")
    await an.press("2")
    assert "elk teamlid heeft 2 stippen" in an.text
    poll = next(r.poll for r in an.replies if r.poll is not None)
    assert poll.options == ("Opleiding circulair aanbesteden", "Sloopbeleid", "Materialenbank")
    assert poll.multiple and poll.value.startswith("dots:")
    await bram.say("/stemmen")
    await bram.press("1. Opleiding")
    await bram.press("3. Materialenbank")
    assert "Nu gekozen: 2" in bram.text
    await bram.press("2. Sloopbeleid")
    assert "je hebt 2 stippen" in bram.text and "telt nog niet" in bram.text
    await an.say("/stemmen")
    await an.press("1. Opleiding")
    await an.press("Tussenstand")
    assert (
        "● 2 — Opleiding circulair aanbesteden\n● 1 — Materialenbank\n● 0 — Sloopbeleid" in an.text
    )
    stored = await actions(store, an)
    assert stored["Opleiding circulair aanbesteden"]["dots"] == 2
    assert stored["Materialenbank"]["dots"] == 1
    await an.say("/stemmen")
    await an.press("Sluit de stemronde")
    assert "Uitslag van de stemronde" in an.text and "(2 stemmers)" in an.text
    await bram.say("/stemmen")
    assert "geen stemronde" in bram.text
    await an.say("/actietabel")
    assert (
        "Opleiding circulair aanbesteden\n   trekker: — · idee · nog niet gescoord · ● 2" in an.text
    )


async def test_poll_answers_count_and_can_be_taken_back(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_actions(an, bram)
    await an.say("/stemmen")
    await an.press("2")
    value = f"dots:{await round_id(store, an)}"
    assert "Je stippen zijn geteld: Sloopbeleid, Materialenbank" in await poll_vote(
        engine, bram, value, 1, 2
    )
    assert "telt nog niet" in await poll_vote(engine, an, value, 0, 1, 2)
    assert (await actions(store, an))["Sloopbeleid"]["dots"] == 1
    assert "ingetrokken" in await poll_vote(engine, bram, value)
    assert (await actions(store, an))["Sloopbeleid"]["dots"] == 0


async def test_a_redelivered_poll_answer_counts_once(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_actions(an, bram)
    await an.say("/stemmen")
    await an.press("1")
    value = f"dots:{await round_id(store, an)}"
    await poll_vote(engine, bram, value, 0)
    await poll_vote(engine, bram, value, 0)
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        [round_] = await tx.items.list(project_id, "dotround", person_id)
        history = await tx.items.history(round_.id, person_id)
    assert [c.field for c in history].count(f"votes.{(await ids(store, bram))[0]}") == 1


async def test_only_the_coordinator_opens_or_closes_and_outsiders_cannot_vote(
    engine: Engine, store: Store
) -> None:
    an, bram, eve = Person(engine, "An"), Person(engine, "Bram"), Person(engine, "Eve")
    await team_with_actions(an, bram)
    await bram.event(button="t:dots:start:3")
    assert "niet" in bram.text.lower()
    await an.say("/stemmen")
    await an.press("3")
    await an.event(button="t:dots:start:3")  # a double tap opens no second round
    close = an.button("Sluit de stemronde").value
    await bram.event(button=close)
    assert "niet" in bram.text.lower()
    await create_team(eve, team="Elders")
    value = f"dots:{await round_id(store, an)}"
    reply = await poll_vote(engine, eve, value, 0)
    assert "geteld" not in reply
    assert all(not a.get("dots") for a in (await actions(store, an)).values())
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        assert len(await tx.items.list(project_id, "dotround", person_id)) == 1


async def test_voting_in_english(engine: Engine) -> None:
    an = Person(engine, "An", language="en")
    await create_team(an)
    await an.say("/vote")
    await an.press("2")
    assert "at least two actions" in an.text
