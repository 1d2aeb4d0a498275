"""End to end through the fake Bot API: a SMART goal, brainwriting, and dot voting with native
polls in the group and in a private chat, on SQLite and PostgreSQL."""

from __future__ import annotations

from bot.telegram_send import plan_reply
from flows.events import Poll, Reply
from storage.db import Store
from tests.chat import rate
from tests.telegram_harness import Harness, Phone, join, new_team
from tests.test_ideas_flow import EXAMPLE_GOAL, EXAMPLE_LINE

ACTIONS = ("Opleiding circulair aanbesteden", "Sloopbeleid", "Materialenbank")


def test_a_poll_reply_is_its_text_then_the_poll_without_the_fallback_buttons() -> None:
    poll = Poll("Welke?", ("a", "b"), "dots:1")
    [text, shown] = plan_reply(Reply("Stem!", poll=poll), None, 42)
    assert text.html == "Stem!" and text.poll is None
    assert shown.poll == poll and shown.keyboard is None
    [only] = plan_reply(Reply("", poll=poll), None, 42)
    assert only.poll == poll


async def plan(an: Phone) -> None:
    """A goal in 'Gebouwde omgeving' with three actions, typed on Telegram."""
    await an.say("/doel")
    await an.say("Gebouwde omgeving")
    await an.say(EXAMPLE_GOAL)
    assert "S ✓ · M ✓ · A ✓ · R ✓ · T ✓" in an.text
    await an.press("Acties bedenken")
    await an.say(EXAMPLE_LINE)
    assert "Hoe kunnen we ervoor zorgen dat dit lukt" in an.text
    await an.say("\n".join(ACTIONS))
    assert "3 toegevoegd" in an.text


async def dots(store: Store) -> dict[str, int]:
    """The dots stored on each action."""
    async with store.transaction() as tx:
        people = await tx.people.get_or_create("tg:1001", "An", None)
        person = people[0]
        assert person.active_project_id is not None
        found = await tx.items.list(person.active_project_id, "action", person.id)
    return {str(a.data["name"]): int(a.data.get("dots") or 0) for a in found}


async def test_dot_voting_with_native_polls(harness: Harness, store: Store) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    await new_team(an)
    await join(an, bram)
    group = harness.fake.group(-1005550, "Team Gent").add(an.user, bram.user)
    await an.say("/koppel", group=group)
    await plan(an)
    await an.say("/stemmen")
    await an.press("2")
    assert "elk teamlid heeft 2 stippen" in an.text
    [group_poll] = [m for m in group.messages if m.poll is not None]
    [private_poll] = [m for m in an.user.messages if m.poll is not None]
    for shown in (group_poll.poll, private_poll.poll):
        assert shown.options == list(ACTIONS)
        assert not shown.is_anonymous and shown.allows_multiple_answers
    assert group_poll.poll.question == "Welke acties krijgen voorrang? Kies er hoogstens 2."

    bram.mark()
    await bram.user.vote(group_poll, [0, 2])  # in the group
    await harness.settle()
    assert "Je stippen zijn geteld: Opleiding circulair aanbesteden, Materialenbank" in bram.text
    an.mark()
    await an.user.vote(private_poll, [0])  # in the private chat
    await harness.settle()
    assert "Je stippen zijn geteld: Opleiding circulair aanbesteden" in an.text
    assert await dots(store) == {ACTIONS[0]: 2, ACTIONS[1]: 0, ACTIONS[2]: 1}

    bram.mark()
    await bram.user.vote(group_poll, [0, 1, 2])  # three dots is one too many
    await harness.settle()
    assert "telt nog niet" in bram.text
    assert await dots(store) == {ACTIONS[0]: 2, ACTIONS[1]: 0, ACTIONS[2]: 1}

    await an.press("Tussenstand")
    assert "● 2 — Opleiding circulair aanbesteden" in an.text
    await an.press("Sluit de stemronde")
    assert "Uitslag van de stemronde" in an.text
    assert "Uitslag van de stemronde" in group.messages[-1].text  # the team hears it too


async def test_scoring_sheet_and_table_over_telegram(harness: Harness, store: Store) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await plan(an)
    await an.say("/impact")
    for impact, effort in ((5, 1), (4, 5), (2, 1)):
        await an.press(str(impact))
        assert "inspanning" in an.text
        await an.press(str(effort))
    assert "Mooie mix: 1 grote projecten en 2 kleine verbeteringen" in an.text
    [matrix] = [m for m in an.new if m.photo is not None]
    assert matrix.photo is not None and matrix.photo.data.startswith(b"\x89PNG")

    await an.say("/actiefiche")
    await an.press("Opleiding circulair aanbesteden")
    for answer in (
        "Een opleiding voor de aankoopdienst",
        "Alle bestekken met circulaire gunningscriteria",
        "Opleiding gegeven — eind juni 2027",
        "VVSG — levert de lesgever",
        "0,2 VTE",
        "2027",
    ):
        await an.say(answer)
    await an.press("Overslaan")
    await an.press("Overslaan")
    await an.say("Aanbod vergelijken")
    await an.press("An")
    assert "Trekker: An · Status: gepland" in an.text
    await an.press("Actietabel")
    assert "volgende deadline woensdag 30 juni 2027" in an.text
    await an.press("✏ 1")
    await an.press("lopend")
    assert "Opleiding circulair aanbesteden staat nu op lopend" in an.text
    async with store.transaction() as tx:
        person, _ = await tx.people.get_or_create("tg:1001", "An", None)
        assert person.active_project_id is not None
        found = await tx.items.list(person.active_project_id, "action", person.id)
    assert found[0].data["status"] == "running"


async def test_domains_and_a_coached_goal_over_telegram(harness: Harness, store: Store) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel Gent")
    await an.press("Klaar")
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    await an.say("/domeinen")
    await an.press("Consumentengoederen en afval")
    await an.press("Klaar")
    await an.press("Herstel en gebruik")
    await an.press("Klaar")
    assert "Consumentengoederen en afval: Herstel en gebruik" in an.text
    await an.say("/doel")
    await an.press("Consumentengoederen en afval")
    await an.say("Minder restafval bij evenementen")
    await an.say("30% minder restafval")
    await an.press("Kringwinkel Gent")  # offered from the stakeholder map
    await an.say("herbruikbare bekers")
    await an.say("tegen eind 2027")
    assert "S ✓ · M ✓ · A ✓ · R ✓ · T ✓" in an.text
    await an.press("Ja, herschrijf")
    assert "Herschreven: Minder restafval bij evenementen, 30% minder restafval" in an.text
