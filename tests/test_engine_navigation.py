"""Transcripts of walking a flow: progress, back, skip, stop, resume, tips, edits, language."""

from __future__ import annotations

from sqlalchemy import select

from flows.domain import Change
from flows.engine import Engine
from storage.db import Store
from storage.tables import ItemRow
from tests.chat import Clock, Person, create_team, ids, invite_code, plain, stakeholders


async def history(store: Store, person: Person, item_id: int) -> list[Change]:
    """Every recorded change of one item, oldest first."""
    person_id, _ = await ids(store, person)
    async with store.transaction() as tx:
        return await tx.items.history(item_id, person_id)


async def start_mapping(person: Person, names: str = "Kringwinkel\nIVAGO") -> None:
    """Open the stakeholder map, add stakeholders and go on to rating them."""
    await person.say("/stakeholders")
    await person.say(names)
    await person.press("Klaar" if person.language == "nl" else "Done")


async def rate(person: Person, side: str, power: str, interest: str, involvement: str) -> None:
    """Answer the five questions about one stakeholder, skipping the note."""
    await person.press(side)
    await person.press(power)
    await person.press(interest)
    await person.press(involvement)
    await person.press("Overslaan" if person.language == "nl" else "Skip")


def labels(person: Person) -> list[str]:
    """The labels of the buttons under the latest replies."""
    return [choice.label for choice in person.buttons()]


# ---------------------------------------------------------------------------------------------
# progress


async def test_progress_counts_each_question_once_across_the_repeat(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    assert "stap 1 van 6" in an.text
    await an.say("Kringwinkel\nIVAGO")
    await an.press("Klaar")
    assert "stap 2 van 6" in an.text and "Kringwinkel (1 van 2)" in an.text
    for step, label in ((3, "Extern"), (4, "hoog"), (5, "hoog"), (6, "Informeren")):
        await an.press(label)
        assert f"stap {step} van 6" in an.text, an.text
        assert "Kringwinkel (1 van 2)" in an.text
    await an.press("Overslaan")
    # The second stakeholder starts again at the first question of the repeat.
    assert "stap 2 van 6" in an.text and "IVAGO (2 van 2)" in an.text


# ---------------------------------------------------------------------------------------------
# back


async def test_back_goes_to_the_previous_question_and_can_change_the_answer(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    assert "stap 3 van 6" in an.text
    await an.say("terug")
    assert "stap 2 van 6" in an.text and "interne of een externe" in an.text
    assert "Kringwinkel (1 van 2)" in an.text
    # Going back loses nothing: the earlier answer is still stored until it is changed.
    assert (await stakeholders(store, an))["Kringwinkel"].data["side"] == "external"
    await an.press("Intern")
    assert "stap 3 van 6" in an.text
    assert (await stakeholders(store, an))["Kringwinkel"].data["side"] == "internal"
    # "back" typed in English, and the back button, work too.
    await an.press("hoog")
    assert "stap 4 van 6" in an.text
    await an.say("Back")
    assert "stap 3 van 6" in an.text
    await an.press("Terug")
    assert "stap 2 van 6" in an.text


async def test_back_crosses_from_one_stakeholder_to_the_previous_one(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await rate(an, "Extern", "hoog", "hoog", "Informeren")
    assert "IVAGO (2 van 2)" in an.text and "stap 2 van 6" in an.text
    await an.say("terug")
    assert "Kringwinkel (1 van 2)" in an.text and "stap 6 van 6" in an.text
    assert "notitie" in an.text.lower()
    await an.say("overslaan")
    assert "IVAGO (2 van 2)" in an.text and "stap 2 van 6" in an.text


async def test_back_at_the_first_question_says_so_and_back_from_the_repeat_reaches_it(
    engine: Engine,
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    assert "Terug" not in " ".join(labels(an))
    await an.say("terug")
    assert "Je bent al bij de eerste vraag." in an.text
    assert "stap 1 van 6" in an.text
    await an.say("Kringwinkel\nIVAGO")
    assert "2 toegevoegd: Kringwinkel, IVAGO" in an.text
    await an.press("Klaar")
    # Back from the first stakeholder's first question returns to the list.
    await an.say("terug")
    assert "stap 1 van 6" in an.text and "2 items op de lijst" in an.text
    await an.say("Schepen van milieu")
    assert "1 toegevoegd: Schepen van milieu" in an.text
    await an.press("Klaar")
    assert "Kringwinkel (1 van 3)" in an.text


# ---------------------------------------------------------------------------------------------
# skip


async def test_skip_only_where_the_question_is_optional(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    assert "Overslaan" not in " ".join(labels(an))
    await an.say("overslaan")
    assert "Deze vraag kan je niet overslaan." in an.text
    assert "stap 3 van 6" in an.text and "macht" in an.text.lower()
    assert "power" not in (await stakeholders(store, an))["Kringwinkel"].data
    await an.say("skip")
    assert "Deze vraag kan je niet overslaan." in an.text
    assert "power" not in (await stakeholders(store, an))["Kringwinkel"].data
    # Where the question is optional, skipping moves on and stores nothing.
    for label in ("hoog", "laag", "Raadplegen"):
        await an.press(label)
    assert "stap 6 van 6" in an.text and "Overslaan" in " ".join(labels(an))
    await an.say("Overslaan")
    assert "IVAGO (2 van 2)" in an.text
    assert not (await stakeholders(store, an))["Kringwinkel"].data.get("note")


# ---------------------------------------------------------------------------------------------
# stop and resume


async def test_stop_pauses_and_keeps_the_answers(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    await an.press("hoog")
    await an.say("stop")
    assert "De stakeholderkaart is gepauzeerd" in an.text and "/stakeholders" in an.text
    kept = (await stakeholders(store, an))["Kringwinkel"].data
    assert kept["side"] == "external" and kept["power"] == "high"
    # An answer typed after stopping is not taken as an answer.
    await an.say("laag")
    assert "stap" not in an.text
    assert "interest" not in (await stakeholders(store, an))["Kringwinkel"].data
    await an.say("/stop")
    assert "Er loopt nu geen gesprek om te stoppen." in an.text


async def test_resume_after_stop_offers_to_continue_at_the_same_step(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    await an.say("stop")
    await an.say("/stakeholders")
    assert "Je was bij stap 3 van 6 van je stakeholderkaart — verder?" in an.text
    assert labels(an) == ["Verder", "Opnieuw beginnen"]
    await an.press("Verder")
    assert "stap 3 van 6" in an.text and "Kringwinkel (1 van 2)" in an.text
    await an.press("hoog")
    assert "stap 4 van 6" in an.text


async def test_start_over_after_stop_keeps_the_stored_answers(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await rate(an, "Extern", "hoog", "hoog", "Informeren")
    await an.press("Intern")
    await an.say("stop")
    await an.say("/stakeholders")
    await an.press("Opnieuw beginnen")
    assert "stap 1 van 6" in an.text and "2 items op de lijst" in an.text
    assert set(await stakeholders(store, an)) == {"Kringwinkel", "IVAGO"}
    await an.press("Klaar")
    # Only the stakeholder that still misses answers is asked about again.
    assert "IVAGO (1 van 1)" in an.text


async def test_a_new_engine_on_the_same_database_continues_mid_flow(
    engine: Engine, store: Store, clock: Clock
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    pressed_later = an.button("hoog").value
    # Opening the flow again mid-flow shows the open question.
    await an.say("/stakeholders")
    assert "Hier was je gebleven" in an.text and "stap 3 van 6" in an.text
    an.engine = Engine(store, clock=clock.now)  # the bot restarted
    await an.event(button=pressed_later)
    assert "stap 4 van 6" in an.text and "Kringwinkel (1 van 2)" in an.text
    an.engine = Engine(store, clock=clock.now)  # and again
    await an.say("/stakeholders")
    assert "Hier was je gebleven" in an.text and "stap 4 van 6" in an.text


async def test_a_new_engine_offers_to_resume_a_paused_flow(
    engine: Engine, store: Store, clock: Clock
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await rate(an, "Extern", "hoog", "hoog", "Informeren")
    await an.press("Intern")
    await an.press("laag")
    await an.say("stop")
    an.engine = Engine(store, clock=clock.now)
    await an.say("/stakeholders")
    assert "Je was bij stap 4 van 6 van je stakeholderkaart — verder?" in an.text
    await an.press("Verder")
    assert "stap 4 van 6" in an.text and "IVAGO (2 van 2)" in an.text


# ---------------------------------------------------------------------------------------------
# tips


async def test_tip_shows_the_hint_and_the_example(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("tip")
    assert "Denk breed" in an.text
    assert "Voorbeeld: Kringwinkel Regio Gent" in an.text
    # The label is bold in Telegram, not shown as literal tags.
    raw = an.replies[0].html
    assert "<b>Voorbeeld:</b>" in raw and "&lt;b&gt;" not in raw
    # The tip is not an answer: the list is still empty and the question still open.
    await an.say("Kringwinkel")
    assert "1 toegevoegd: Kringwinkel" in an.text and "Denk breed" not in an.text


async def test_tip_button_and_hint_only_where_there_is_a_tip(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    # "Intern of extern" has a field label but no hint and no example.
    assert "stap 2 van 6" in an.text
    assert not any("Tip" in label for label in labels(an)), labels(an)
    await an.press("Extern")
    assert any("Tip" in label for label in labels(an))
    await an.press("Tip")
    assert "Hoog: kan beslissen of tegenhouden" in an.text
    assert "Voorbeeld" not in an.text  # this question has a hint but no example
    await an.say("Hint")
    assert "Hoog: kan beslissen of tegenhouden" in an.text
    await an.say("hoog")
    assert "stap 4 van 6" in an.text


# ---------------------------------------------------------------------------------------------
# the summary at the end


async def test_summary_at_the_end_of_the_flow(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    await an.press("Intern")
    await an.press("laag")
    await an.press("laag")
    await an.press("Informeren")
    await an.say("Contact: Els, dienst milieu")
    assert "De stakeholderkaart is bijgewerkt" in an.text
    text = an.text.split("De stakeholderkaart is bijgewerkt", 1)[1]
    assert "2 stakeholders: 1 intern, 1 extern" in text
    assert text.index("Continu en actief management") < text.index("Geen focus")
    assert "IVAGO · Informeren — Contact: Els, dienst milieu" in text
    assert {"➕ Aanvullen", "✏ Wijzigen", "📋 Overzicht"} <= set(labels(an))
    assert any(r.image is not None and r.image.data.startswith(b"\x89PNG") for r in an.replies)


# ---------------------------------------------------------------------------------------------
# editing saved answers


async def team_with_rated_stakeholder(an: Person, bram: Person) -> None:
    """An creates the team, maps Kringwinkel (rated) and IVAGO (not yet); Bram joins."""
    await create_team(an)
    token = await invite_code(an)
    await bram.say(f"/start {token}")
    await start_mapping(an)
    await rate(an, "Extern", "hoog", "hoog", "Informeren")
    await an.say("stop")


async def test_edit_a_saved_answer_records_old_value_who_and_when(
    engine: Engine, store: Store, clock: Clock
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_rated_stakeholder(an, bram)
    clock.advance(hours=3)
    await bram.say("/wijzig")
    assert "1. Kringwinkel" in bram.text and "2. IVAGO" in bram.text
    await bram.press("Kringwinkel")
    assert "laatst gewijzigd door An" in bram.text
    assert "Macht: hoog" in bram.text
    await bram.press("Macht")
    assert "Wijzigen: Kringwinkel" in bram.text
    await bram.press("laag")
    assert "Bewaard" in bram.text
    assert "Macht: laag" in bram.text  # back at the item, showing the new value
    item = (await stakeholders(store, an))["Kringwinkel"]
    assert item.data["power"] == "low"
    assert item.updated_by_name == "Bram"
    last = (await history(store, an, item.id))[-1]
    assert (last.field, last.old, last.new) == ("power", "high", "low")
    assert last.changed_by_name == "Bram" and last.changed_at == clock.now()
    await bram.press("Klaar met wijzigen")
    assert "Klaar met wijzigen." in bram.text


async def test_edit_by_typing_numbers(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_rated_stakeholder(an, bram)
    await an.say("/wijzig")
    await an.say("1")
    await an.say("3")  # 1 name, 2 side, 3 power, 4 interest
    assert "macht" in an.text.lower()
    await an.say("terug")  # back to the fields, nothing changed
    assert "Welk veld wil je wijzigen?" in an.text and "Macht: hoog" in an.text
    await an.say("4")
    assert "belang" in an.text.lower()
    await an.say("midden")
    assert "Belang: midden" in an.text
    assert (await stakeholders(store, an))["Kringwinkel"].data["interest"] == "medium"


async def test_edit_rename_refuses_a_name_already_on_the_list(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_rated_stakeholder(an, bram)
    await an.say("/wijzig")
    await an.press("Kringwinkel")
    await an.press("Naam")
    assert "Wat is de nieuwe naam?" in an.text
    await an.say("ivago")  # already on the list
    assert "Stond al op de lijst: ivago" in an.text
    assert set(await stakeholders(store, an)) == {"Kringwinkel", "IVAGO"}
    await an.say("Kringwinkel Gent-Eeklo")
    assert "Bewaard" in an.text
    found = await stakeholders(store, an)
    assert set(found) == {"Kringwinkel Gent-Eeklo", "IVAGO"}
    renamed = found["Kringwinkel Gent-Eeklo"]
    assert renamed.data["power"] == "high"  # the other answers stay
    last = (await history(store, an, renamed.id))[-1]
    assert (last.field, last.old, last.new, last.changed_by_name) == (
        "name",
        "Kringwinkel",
        "Kringwinkel Gent-Eeklo",
        "An",
    )


async def test_edit_delete_is_soft_and_the_item_is_no_longer_listed(
    engine: Engine, store: Store
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await team_with_rated_stakeholder(an, bram)
    kringwinkel = (await stakeholders(store, an))["Kringwinkel"]
    await bram.say("/wijzig")
    await bram.press("Kringwinkel")
    await bram.press("Verwijderen")
    await bram.press("Nee")  # changed their mind
    assert "Welk veld wil je wijzigen?" in bram.text
    assert set(await stakeholders(store, an)) == {"Kringwinkel", "IVAGO"}
    await bram.press("Verwijderen")
    assert "Kringwinkel verwijderen?" in bram.text
    await bram.press("Ja, verwijderen")
    assert "Kringwinkel is verwijderd." in bram.text
    assert "1. IVAGO" in bram.text and "Kringwinkel" not in bram.text.split("verwijderd.")[1]
    assert set(await stakeholders(store, an)) == {"IVAGO"}
    async with store.transaction() as tx:
        row = await tx.session.scalar(select(ItemRow).where(ItemRow.id == kringwinkel.id))
    assert row is not None and row.deleted_at is not None  # kept for the record
    assert row.data["power"] == "high"
    await an.say("/wijzig")
    assert "Kringwinkel" not in an.text and "1. IVAGO" in an.text


async def test_editing_mid_flow_keeps_the_place_in_the_flow(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await rate(an, "Extern", "hoog", "hoog", "Informeren")
    await an.press("Intern")
    assert "IVAGO (2 van 2)" in an.text and "stap 3 van 6" in an.text
    await an.say("/wijzig")
    await an.press("Kringwinkel")
    await an.press("Macht")
    await an.press("laag")
    await an.press("Klaar met wijzigen")
    assert (await stakeholders(store, an))["Kringwinkel"].data["power"] == "low"
    await an.say("/stakeholders")
    # Either straight back at the question, or offered to continue there.
    assert "stap 3 van 6" in an.text, an.text
    if "Verder" in labels(an):
        await an.press("Verder")
    assert "IVAGO (2 van 2)" in an.text and "stap 3 van 6" in an.text


# ---------------------------------------------------------------------------------------------
# language


async def test_an_english_speaker_gets_english_texts(engine: Engine) -> None:
    emma = Person(engine, "Emma", language="en")
    await create_team(emma)
    await emma.say("/stakeholders")
    assert "step 1 of 6" in emma.text and "Who can influence" in emma.text
    await emma.say("back")
    assert "You're already at the first question." in emma.text
    await emma.say("Kringwinkel\nIVAGO")
    assert "2 added" in emma.text.lower() or "added" in emma.text.lower()
    await emma.press("Done")
    assert "step 2 of 6" in emma.text and "Kringwinkel (1 of 2)" in emma.text
    await emma.press("External")
    assert "step 3 of 6" in emma.text and "power" in emma.text
    await emma.say("skip")
    assert "This question can't be skipped." in emma.text
    await emma.say("tip")
    assert "can decide or block" in emma.text
    await emma.say("stop")
    assert "paused" in emma.text and "stap" not in emma.text
    await emma.say("/stakeholders")
    assert "You were at step 3 of 6 of your stakeholder map — continue?" in emma.text
    assert labels(emma) == ["Continue", "Start over"]


async def test_taal_switches_the_language_both_ways(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/taal")
    await an.press("English")
    assert "I'll speak English with you from now on." in an.text
    await an.say("/stakeholders")
    assert "step 1 of 6" in an.text
    await an.say("Kringwinkel")
    await an.press("Done")
    assert "step 2 of 6" in an.text
    await an.say("/language")
    await an.press("Nederlands")
    assert "Ik spreek vanaf nu Nederlands met je." in an.text
    await an.say("/stakeholders")
    assert "stap 2 van 6" in an.text and "interne of een externe" in an.text


async def test_a_tap_that_answers_moves_the_question_on_in_place(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    [first] = an.replies
    assert first.replace  # "Klaar": the list's question becomes the first rating question
    await an.press("Extern")
    await an.press("hoog")
    [question] = an.replies
    # The next question takes the answered one's place and shows what was answered so far.
    assert question.replace
    assert "✓ Intern of extern: Extern · Macht: hoog" in plain(question.html)
    assert "Belang" not in plain(question.html).split("\n")[2]  # only the earlier answers
    await an.press("Tip")  # a remark below the question, which keeps its place and buttons
    assert [r.replace for r in an.replies] == [False]
    an.replies = [question]  # and taps under the question, which still has its buttons
    await an.press("midden")
    await an.press("Raadplegen")
    await an.say("Contact: Jan")
    assert not any(r.replace for r in an.replies)  # typed: there is no tapped question
    await an.press("Terug")
    await an.press("Terug")
    [back] = an.replies
    assert back.replace and "Belang: midden" in plain(back.html)
    assert "Betrokkenheid" not in plain(back.html) and "Notitie" not in plain(back.html)
    await an.press("Raadplegen")
    await an.press("Overslaan")
    # The stakeholder's result takes the card's place; the next stakeholder starts anew.
    result, nxt = an.replies
    assert result.replace and "Kringwinkel →" in plain(result.html) and not result.choices
    assert not nxt.replace and "IVAGO (2 van 2)" in plain(nxt.html)
    assert "✓" not in plain(nxt.html)  # nothing answered about IVAGO yet


async def test_a_tap_that_only_brings_a_remark_leaves_the_question_be(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.press("Klaar")  # an empty list cannot be done
    remark, question = an.replies
    assert not remark.replace and not question.replace
    stale = an.button("Klaar").value
    await an.say("Kringwinkel")
    await an.press("Klaar")
    await an.event(button=stale)  # pressed again: expired, shown on the button only
    assert [(r.notice, r.replace) for r in an.replies] == [(True, False)]
