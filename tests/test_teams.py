"""Teams through the engine: set-up, invites, members, roles, projects and group chats."""

from __future__ import annotations

from flows.engine import Engine
from flows.events import ChatKind, Reply
from tests.chat import Clock, Person, create_team, invite_code, plain

GROUP = "group:gent"
NOT_IN_TEAM = "Je zit nog niet in een team"
NOT_ALLOWED = "Dat mag je niet doen"


async def team_of_two(engine: Engine) -> tuple[Person, Person]:
    """An coordinates Gent Circulair, Bram joined it with her invite."""
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    assert "Welkom in team Gent Circulair" in bram.text, bram.text
    return an, bram


async def in_group(person: Person, text: str) -> list[Reply]:
    """Say something in the team's group chat."""
    return await person.say(text, chat_id=GROUP, chat_kind=ChatKind.GROUP)


async def map_stakeholders(person: Person) -> None:
    """Walk a whole stakeholder mapping with two stakeholders."""
    await person.say("/stakeholders")
    await person.say("Kringwinkel Gent\nIVAGO")
    await person.press("Klaar")
    for side, power, interest, involvement in (
        ("Extern", "hoog", "hoog", "Co-produceren"),
        ("Extern", "laag", "laag", "Informeren"),
    ):
        await person.press(side)
        await person.press(power)
        await person.press(interest)
        await person.press(involvement)
        await person.press("Overslaan")
    assert "bijgewerkt" in person.text, person.text


def labels(person: Person) -> list[str]:
    """The labels of the buttons under the latest replies."""
    return [choice.label for choice in person.buttons()]


# ---------------------------------------------------------------------------------------------
# creating a team


async def test_nieuwteam_walks_the_setup_and_makes_the_creator_coordinator(engine: Engine) -> None:
    an = Person(engine, "An")
    await an.say("/nieuwteam")
    assert "stap 1 van 3" in an.text and "Hoe heet je team?" in an.text
    await an.say("Gent Circulair")
    assert "Hoe heet het project?" in an.text
    await an.say("Strategie 2030")
    assert "Welk traject" in an.text
    assert {"Circulaire strategie", "Circulair pilootproject"} <= set(labels(an))
    await an.press("strategie")
    assert "Team Gent Circulair is aangemaakt, met het project Strategie 2030" in an.text
    assert "Jij bent de coördinator" in an.text
    assert "✉ Uitnodigen" in labels(an)
    await an.say("/team")
    assert "• Gent Circulair (coördinator) ⭐" in an.text
    assert {"✉ Uitnodigen", "Uitnodigingen intrekken", "Team verlaten"} <= set(labels(an))
    await an.say("/help")
    assert "Je werkt nu aan Strategie 2030 van team Gent Circulair" in an.text


# ---------------------------------------------------------------------------------------------
# invites


async def test_the_coordinator_invites_and_a_member_is_refused(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    token = await invite_code(an)
    assert "Gent Circulair" in an.text and "geldig tot" in an.text
    assert 24 <= len(token) <= 64
    await bram.say("/uitnodigen")
    assert "Alleen de coördinator van het team kan uitnodigen." in bram.text
    assert "/start" not in bram.text
    await bram.say("/team")
    assert "Uitnodigingen intrekken" not in labels(bram) and "✉ Uitnodigen" not in labels(bram)


async def test_joining_twice_says_already_a_member(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    token = await invite_code(an)
    await bram.say(f"/start {token}")
    assert "Je zit al in team Gent Circulair" in bram.text
    await an.say(f"/start {token}")
    assert "Je zit al in team Gent Circulair" in an.text
    await an.say("/leden")
    assert "2 leden" in an.text and "• An (coördinator)" in an.text
    await bram.say("/help")
    assert "Je werkt nu aan Strategie 2030 van team Gent Circulair" in bram.text


async def test_unknown_invite_is_refused(engine: Engine) -> None:
    cas = Person(engine, "Cas")
    await cas.say("/start ditbestaatniet1234567890abcd")
    assert "Deze uitnodiging ken ik niet" in cas.text
    await cas.say("/leden")
    assert NOT_IN_TEAM in cas.text


async def test_invite_expires_after_the_invite_ttl(engine: Engine, clock: Clock) -> None:
    an = Person(engine, "An")
    bram, cas = Person(engine, "Bram"), Person(engine, "Cas")
    await create_team(an)
    token = await invite_code(an)
    clock.advance(days=6, hours=23)
    await bram.say(f"/start {token}")
    assert "Welkom in team Gent Circulair" in bram.text
    clock.advance(hours=1, seconds=1)  # now past the engine's invite_ttl of seven days
    await cas.say(f"/start {token}")
    assert "Deze uitnodiging is verlopen" in cas.text
    await cas.say("/stakeholders")
    assert NOT_IN_TEAM in cas.text
    await cas.say(f"/start {await invite_code(an)}")  # a fresh invite works again
    assert "Welkom in team Gent Circulair" in cas.text


async def test_revoked_invites_no_longer_work(engine: Engine) -> None:
    an = Person(engine, "An")
    bram = Person(engine, "Bram")
    await create_team(an)
    first, second = await invite_code(an), await invite_code(an)
    await an.say("/team")
    await an.press("Uitnodigingen intrekken")
    assert "2 uitnodigingen ingetrokken." in an.text
    for token in (first, second):
        await bram.say(f"/start {token}")
        assert "Deze uitnodiging werd ingetrokken" in bram.text
    await bram.say("/leden")
    assert NOT_IN_TEAM in bram.text
    await an.say("/leden")
    assert "1 lid" in an.text and "Bram" not in an.text


# ---------------------------------------------------------------------------------------------
# members and roles


async def test_leden_lists_the_members_with_their_roles(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await an.say("/leden")
    assert "Team Gent Circulair — 2 leden" in an.text
    assert "• An (coördinator)" in an.text and "• Bram (lid)" in an.text
    assert {"Verwijder Bram", "Maak Bram coördinator"} <= set(labels(an))
    assert not any("An" in label for label in labels(an))  # no buttons for oneself
    await bram.say("/leden")
    assert "• An (coördinator)" in bram.text and "• Bram (lid)" in bram.text
    assert labels(bram) == []  # members manage nobody


async def test_coordinator_removes_a_member_who_then_cannot_open_the_map(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await an.say("/leden")
    remove_bram = an.button("Verwijder Bram").value
    assert remove_bram is not None
    # The member cannot use the coordinator's button.
    await bram.event(button=remove_bram)
    assert NOT_ALLOWED in bram.text
    await an.press("Verwijder Bram")
    assert "Het lid is uit het team verwijderd." in an.text
    await an.say("/leden")
    assert "1 lid" in an.text and "Bram" not in an.text
    await bram.say("/stakeholders")
    assert NOT_IN_TEAM in bram.text
    await bram.say("/overzicht")
    assert NOT_IN_TEAM in bram.text


async def test_a_member_removed_mid_flow_cannot_add_to_the_team(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await bram.say("/stakeholders")
    await bram.say("Kringwinkel")
    done = bram.button("Klaar").value
    await an.say("/leden")
    await an.press("Verwijder Bram")
    # Bram still has the list question on screen; his answer must not land in the team.
    await bram.say("IVAGO")
    assert "toegevoegd" not in bram.text
    assert NOT_IN_TEAM in bram.text or NOT_ALLOWED in bram.text, bram.text
    await bram.event(button=done)  # the list's Klaar button, still on Bram's screen
    assert "stap 2 van 6" not in bram.text and "Kringwinkel" not in bram.text
    await an.say("/stakeholders")
    assert "Er staat nu 1 item op de lijst." in an.text


async def test_hand_over_the_coordinator_role(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await an.say("/leden")
    await an.press("Maak Bram coördinator")
    assert "De rol van coördinator is overgedragen. Jij bent nu lid." in an.text
    await an.say("/leden")
    assert "• An (lid)" in an.text and "• Bram (coördinator)" in an.text
    await an.say("/uitnodigen")
    assert "Alleen de coördinator" in an.text
    token = await invite_code(bram)
    assert token
    await bram.say("/leden")
    assert "Verwijder An" in labels(bram)


async def test_leaving_asks_for_confirmation(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await bram.say("/verlaten")
    assert "Wil je team Gent Circulair echt verlaten?" in bram.text
    await bram.press("Nee")
    await bram.say("/leden")
    assert "• Bram (lid)" in bram.text
    await bram.say("/verlaten")
    await bram.press("Ja, verlaat het team")
    assert "Je hebt het team verlaten." in bram.text
    await bram.say("/leden")
    assert NOT_IN_TEAM in bram.text
    await an.say("/leden")
    assert "1 lid" in an.text and "Bram" not in an.text


async def test_the_only_coordinator_hands_over_before_leaving(engine: Engine) -> None:
    an, _ = await team_of_two(engine)
    await an.say("/team")
    await an.press("Team verlaten")
    await an.press("Ja, verlaat het team")
    assert "Je bent de enige coördinator" in an.text
    await an.say("/leden")
    assert "• An (coördinator)" in an.text
    await an.press("Maak Bram coördinator")
    await an.say("/verlaten")
    await an.press("Ja, verlaat het team")
    assert "Je hebt het team verlaten." in an.text


# ---------------------------------------------------------------------------------------------
# projects


async def test_one_person_in_two_teams_switches_project(engine: Engine) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await create_team(bram, "Mechelen", "Mechelen 2030")
    await an.say(f"/start {await invite_code(bram)}")
    assert "Welkom in team Mechelen" in an.text
    await an.say("/project")
    assert "Aan welk project wil je werken?" in an.text
    assert "⭐ Mechelen · Mechelen 2030" in labels(an)
    assert "Gent Circulair · Strategie 2030" in labels(an)
    await an.press("Gent Circulair · Strategie 2030")
    assert "Je werkt nu aan Strategie 2030 van team Gent Circulair" in an.text
    await an.say("/stakeholders")
    await an.say("IVAGO")
    await an.say("/project")
    assert "⭐ Gent Circulair · Strategie 2030" in labels(an)
    # The stakeholder landed in Gent's project, not in Mechelen's.
    await bram.say("/overzicht")
    assert "Er is nog niets ingevuld" in bram.text
    await an.press("Mechelen · Mechelen 2030")
    assert "Je werkt nu aan Mechelen 2030 van team Mechelen" in an.text
    await an.say("/overzicht")
    assert "Er is nog niets ingevuld" in an.text
    await an.say("/team")
    assert "• Gent Circulair (coördinator)" in an.text and "• Mechelen (lid) ⭐" in an.text


async def test_joining_another_team_mid_flow_keeps_answers_in_their_project(
    engine: Engine,
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await create_team(bram, "Mechelen", "Mechelen 2030")
    await an.say("/stakeholders")
    await an.say("Kringwinkel")
    await an.say(f"/start {await invite_code(bram)}")
    assert "Welkom in team Mechelen" in an.text
    # An's stakeholder list of Gent was still open: her next line is not Mechelen's business.
    await an.say("IVAGO")
    await bram.say("/overzicht")
    assert "IVAGO" not in bram.text and "Er is nog niets ingevuld" in bram.text, bram.text


# ---------------------------------------------------------------------------------------------
# group chats


async def test_koppel_links_the_group_and_a_finished_map_is_announced(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await in_group(an, "/koppel")
    assert "Deze groep is nu gekoppeld aan team Gent Circulair" in an.text
    await map_stakeholders(bram)
    announcements = [r for r in bram.replies if r.chat_id == GROUP]
    assert len(announcements) == 1, [r.chat_id for r in bram.replies]
    assert announcements[0].bulk
    announced = plain(announcements[0].html)
    assert "Bram werkte de stakeholderkaart van Strategie 2030 bij: nu 2 items" in announced
    # Bram's own chat still gets the summary.
    assert any(r.chat_id is None and "Continu en actief management" in r.html for r in bram.replies)
    # /overzicht in the group posts the summary there.
    replies = await in_group(bram, "/overzicht")
    assert any("Continu en actief management" in r.html for r in replies)


async def test_koppel_by_a_member_is_refused(engine: Engine) -> None:
    _, bram = await team_of_two(engine)
    await in_group(bram, "/koppel")
    assert "Alleen de coördinator kan deze groep aan het team koppelen." in bram.text
    await in_group(bram, "/overzicht")
    assert "nog niet aan een team gekoppeld" in bram.text
    await map_stakeholders(bram)
    assert not any(r.chat_id == GROUP for r in bram.replies)


async def test_plain_text_in_a_group_gets_no_reply(engine: Engine) -> None:
    an, bram = await team_of_two(engine)
    await in_group(an, "/koppel")
    await bram.say("/stakeholders")
    assert "stap 1 van 6" in bram.text
    # Chatter in the group is neither answered nor taken as an answer to Bram's question.
    assert await in_group(bram, "Kringwinkel") == []
    assert await in_group(an, "Goedemorgen allemaal") == []
    await bram.say("/stakeholders")
    assert "Er staat nu" not in bram.text
    await bram.press("Klaar")
    assert "De lijst is nog leeg" in bram.text
