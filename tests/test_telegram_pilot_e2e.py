"""End to end for the pilot's steps 3 and 4: the legacy canvas and the communication plan,
through the real python-telegram-bot Application against the fake Bot API, on both databases."""

from __future__ import annotations

from tests.telegram_harness import Harness, invite_token, new_team

NAME = "<b>Buurt & co</b>"


async def test_the_legacy_canvas_arrives_as_text_and_photo(harness: Harness) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    await new_team(an, "Waasland Circulair", "Materialenbank", "pilootproject")
    await an.say("/uitnodigen")
    await bram.say(f"/start {invite_token(an.text)}")
    await an.say("/legacy")
    assert "langer meegaat dan jullie project" in an.text
    await an.press("Tip")
    assert "Circulaire productie is de norm." in an.text
    await an.say("Circulair bouwen is de norm in het Waasland")
    await an.say("Te weinig opslagruimte")
    await an.say(f"Openstellen voor burgers\n{NAME}")
    await an.press("Overslaan")
    await an.say("Draaiboek delen met andere regio's")
    await an.press("Overslaan")
    assert "legacy canvas is bewaard" in an.text
    assert "Legacy canvas — Materialenbank" in an.text
    assert f"• {NAME}" in an.text  # markup typed by the team is shown literally
    photo = next(m for m in reversed(an.user.messages) if m.photo is not None)
    assert photo.photo is not None and photo.photo.data.startswith(b"\x89PNG")
    # A teammate changes one part; the others stay.
    await bram.say("/overzicht")
    assert "Circulair bouwen is de norm in het Waasland" in bram.text
    await an.press("Een deel aanpassen")
    await an.press("Scaling down")
    await an.say("Geen losse stenen meer")
    assert "• Geen losse stenen meer" in an.text and "Te weinig opslagruimte" in an.text
    assert sum(1 for m in an.new if m.photo is not None) == 1
    for message in an.user.messages:
        assert not message.has_entity("bold", covering="Buurt & co"), message.text


async def test_the_communication_plan_over_telegram(harness: Harness) -> None:
    an = harness.phone(1001, "An")
    await new_team(an, "Waasland Circulair", "Materialenbank", "pilootproject")
    await an.say("/communicatieplan")
    await an.say("Buurtbewoners\nScholen")
    await an.press("Klaar")
    assert "Buurtbewoners (1 van 2)" in an.text
    for priority, when, who in (("midden", "15/3/2027", "Sara"), ("hoog", "ooit", "Lotte")):
        await an.press(priority)
        await an.say("Lenen is slimmer dan kopen")
        await an.say("50 nieuwe leden")
        await an.say("Stadsmagazine")
        await an.say("Flyer")
        await an.say(when)
        if when == "ooit":
            assert "Die datum begrijp ik niet" in an.text
            await an.say("1/10/2027")
        await an.say(who)
    assert "Communicatieplan — Materialenbank" in an.text
    summary = an.text
    assert summary.index("Scholen · prioriteit hoog") < summary.index("Buurtbewoners")
    assert "Wanneer: vrijdag 1 oktober 2027" in summary
    assert "Verantwoordelijke: Lotte" in summary
