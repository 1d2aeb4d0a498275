"""Transcript tests of the test cards, the progress board and learning cards (Tools 13 and 14),
through the engine, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from flows.engine import Engine
from flows.testcard import FIELDS
from storage.db import Store
from tests.chat import Person, create_team, ids, invite_code

# The guide's worked test card (METHOD.md, Tool 13).
NAME = "Noden circulaire ondernemer"
HYPOTHESIS = (
    "onze doelgroep geen zicht heeft op bestaande subsidiekanalen voor circulaire projecten"
)
TEST = "enkele bedrijfsleiders uit de regio interviewen"
METRIC = "het aandeel geïnterviewden dat inzicht in subsidiekanalen als meerwaarde ziet"
CRITERIA = "minstens 6 van de 10 geïnterviewden dat zeggen"
QUICK = (
    f"/test {NAME} | We geloven dat {HYPOTHESIS} | {TEST} | {METRIC} | {CRITERIA} | Marie"
    " | eind juni"
)


async def stored_cards(store: Store, person: Person) -> list[dict[str, Any]]:
    """The stored test cards of the person's active project, oldest first."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        found = await tx.items.list(project_id, "testcard", person_id)
    return [dict(item.data, id=item.id) for item in found]


async def quick_card(person: Person, entry: str = QUICK) -> None:
    """Log the worked card through the quick form, answering the two one-tap questions."""
    await person.say(entry)
    assert "Hoe kritisch" in person.text, person.text
    await person.press("hoog")
    assert "Wat voor test" in person.text
    await person.press("Interviews")
    assert "staat in de backlog" in person.text, person.text


async def test_the_worked_card_is_the_same_through_the_quick_form_and_the_full_flow(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    assert "We geloven dat onze doelgroep" in an.text
    assert "30 juni 2027" in an.text  # "eind juni", seen on Sunday 22 November 2026

    await an.say("/test")
    assert "stap 1 van 13" in an.text
    for answer in (NAME, "Marie", "eind juni"):
        await an.say(answer)
    await an.say("overslaan")  # duration
    await an.say(HYPOTHESIS)
    await an.press("hoog")
    await an.say(f"Om dit te verifiëren, zullen we {TEST}")  # the stem is not stored
    await an.press("Interviews")
    await an.press("Overslaan")  # cost
    await an.press("Overslaan")  # reliability
    await an.say(METRIC)
    await an.press("Overslaan")  # time needed
    await an.say("als ze het interessant vinden")
    assert "meetbaar" in an.text, "vague criteria are coached before the test starts"
    await an.say(CRITERIA)
    assert "staat in de backlog" in an.text

    quick, full = await stored_cards(store, an)
    assert {f: quick[f] for f in FIELDS} == {f: full[f] for f in FIELDS}
    assert quick["deadline"] == "2027-06-30"
    assert quick["hypothesis"] == HYPOTHESIS
    assert quick["criticality"] == "high" and quick["kind"] == "interviews"
    assert quick["status"] == "backlog"


async def test_a_quick_entry_asks_what_is_missing_or_unclear_and_never_guesses(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say(f"/test {NAME} | {HYPOTHESIS} | {TEST} | {METRIC} | als het goed gaat |  | ooit")
    assert "„ooit” niet als datum" in an.text
    assert "meetbaar" in an.text  # the vague criteria are not taken over
    assert "Wie is verantwoordelijk" in an.text  # the first empty part is asked first
    await an.say("Marie")
    assert "Tegen wanneer" in an.text
    await an.say("15/6")
    assert "Hoe kritisch" in an.text  # no duration in the quick form
    await an.press("midden")
    await an.press("Online enquête")
    assert "We zijn correct als" in an.text
    await an.say("minstens 60% zegt ja")
    assert "staat in de backlog" in an.text
    (card,) = await stored_cards(store, an)
    assert card["owner"] == "Marie" and card["deadline"] == "2027-06-15"
    assert card["criteria"] == "minstens 60% zegt ja"
    assert card["duration"] is None and card["cost"] is None


async def test_a_quick_entry_with_seven_bars_or_none_stores_nothing_and_explains(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say(QUICK + " | extra")
    assert "Ik tel 8 delen" in an.text and "niets bewaard" in an.text
    await an.say(f"/test {NAME}")
    assert "zeven delen" in an.text and "|" in an.text
    assert await stored_cards(store, an) == []
    await an.press("stap voor stap")
    assert "Hoe heet de test?" in an.text


async def test_moves_result_verdict_and_learning_card_to_close_a_test(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await an.press("Naar Bouwen")
    assert "staat nu op Bouwen" in an.text
    await an.press("Naar Meten")
    assert "criteria liggen nu vast" in an.text

    await an.say(f"/resultaat {NAME} 7 van de 10 zien het als meerwaarde")
    assert "70% tegenover ≥ 60%" in an.text
    assert "Mijn voorstel: Gevalideerd" in an.text
    await an.press("Gevalideerd")
    assert "ga door naar de volgende stap" in an.text
    (card,) = await stored_cards(store, an)
    assert card["status"] == "learn" and card["verdict"] == "validated"
    assert card["result"] == "7 van de 10 zien het als meerwaarde"

    await an.press("Test afsluiten")
    assert "pas af met een leerkaart" in an.text
    (card,) = await stored_cards(store, an)
    assert card["status"] == "learn", "no closing without a learning card"
    await an.press("Leerkaart")
    assert "We zagen" in an.text, "the belief comes from the hypothesis; the rest is asked"
    await an.say("7 van de 10 kennen de subsidiekanalen niet")
    await an.say("dat een overzicht van subsidies echt helpt")
    await an.say("een subsidiewegwijzer maken")
    assert "Leerkaart bewaard" in an.text
    assert f"We geloofden dat {HYPOTHESIS}" in an.text
    await an.press("Test afsluiten")
    assert "is afgesloten" in an.text
    (card,) = await stored_cards(store, an)
    assert card["status"] == "done"
    assert card["learning"]["will"] == "een subsidiewegwijzer maken"


async def test_a_result_below_the_criteria_proposes_not_validated_and_the_team_decides(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await an.say(f"/resultaat {NAME.lower()}: 4 van de 10")
    assert "Mijn voorstel: Niet gevalideerd" in an.text
    await an.press("Onduidelijk")  # the team overrules the proposal
    assert "ontwerp een nieuwe test" in an.text
    (card,) = await stored_cards(store, an)
    assert card["proposed"] == "not_validated" and card["verdict"] == "unclear"
    assert card["status"] == "learn", "logging a result moved the test through Measure"


async def test_an_unknown_test_in_a_result_keeps_the_result_and_asks_which(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await an.say("/resultaat Enquête 12 van de 20")
    assert "herken de test niet" in an.text and "Over welke test" in an.text
    await an.say(NAME)
    assert "Mijn voorstel: Onduidelijk" not in an.text
    assert "Vooraf vastgelegd" in an.text and "Enquête 12 van de 20" in an.text


async def test_criteria_changed_after_measure_stay_visible_with_who_and_when(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await an.press("Criteria aanpassen")  # before the test runs: a plain change
    await an.say("minstens 5 van de 10")
    assert "Criteria aangepast." in an.text and "Oorspronkelijk" not in an.text
    await an.press("Naar Bouwen")
    await an.press("Naar Meten")
    await an.press("Criteria aanpassen")
    assert "de criteria liggen vast" in an.text
    await an.say("het is wel interessant")
    assert "meetbaar" in an.text
    await an.say("minstens 3 van de 10")
    assert "blijft de oorspronkelijke tekst zichtbaar" in an.text
    assert "gewijzigd tijdens de test door An op zondag 22 november 2026" in an.text
    assert "Oorspronkelijk: minstens 5 van de 10" in an.text
    (card,) = await stored_cards(store, an)
    assert card["criteria"] == "minstens 3 van de 10"
    assert card["criteria_changes"][0]["old"] == "minstens 5 van de 10"
    assert card["criteria_changes"][0]["by"] == "An"


async def test_a_double_press_moves_a_card_once(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    move = an.button("Naar Bouwen").value
    assert move is not None
    await an.event(button=move)
    await an.event(button=move)
    assert "staat al op Bouwen" in an.text
    person_id, _ = await ids(store, an)
    (card,) = await stored_cards(store, an)
    async with store.transaction() as tx:
        history = await tx.items.history(card["id"], person_id)
    assert [c.new for c in history if c.field == "status"] == ["build"]


async def test_board_and_assumption_map_show_every_test(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/bord")
    assert "nog geen tests" in an.text
    await quick_card(an)
    await quick_card(an, QUICK.replace(NAME, "Voorverkoop herstelbon"))
    await an.press("Naar Bouwen")
    await an.say("/bord")
    board = an.text
    assert board.index("Backlog (1)") < board.index(NAME) < board.index("Bouwen (1)")
    assert board.index("Bouwen (1)") < board.index("Voorverkoop herstelbon")
    assert "Meten (0)" in board and "Leren (0)" in board
    assert any(r.image and r.image.data.startswith(b"\x89PNG") for r in an.replies)
    await an.press(NAME)
    assert "We zijn correct als" in an.text and "Naar Bouwen" in str(an.buttons())
    await an.say("/aannames")
    assert an.replies[0].image is not None and an.replies[0].image.data.startswith(b"\x89PNG")
    await an.say("/board")
    assert "Voortgangsbord" in an.text


async def test_deadlines_are_declared_for_reminders(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    person_id, project_id = await ids(store, an)
    async with store.transaction() as tx:
        (item,) = await tx.items.list(project_id, "testcard", person_id)
    (deadline,) = engine.registry.deadlines["testcard"](item)
    assert deadline.due.isoformat() == "2027-06-30"
    assert deadline.owner == "Marie" and deadline.label == NAME
    assert deadline.result and not deadline.done


async def test_an_outsider_cannot_see_or_change_a_teams_test_cards(
    engine: Engine, store: Store
) -> None:
    an, eve = Person(engine, "An"), Person(engine, "Eve")
    await create_team(an)
    await quick_card(an)
    (card,) = await stored_cards(store, an)
    for action in ("show", "build", "result", "v-validated", "criteria", "learn", "close"):
        await eve.event(button=f"t:testcard:{action}:{card['id']}")
        assert NAME not in eve.text and "We geloven" not in eve.text
    await create_team(eve, "Andere gemeente", "Pilot")
    for action in ("show", "build", "criteria"):
        await eve.event(button=f"t:testcard:{action}:{card['id']}")
        assert "mag je niet" in eve.text, eve.text
    await eve.say(f"/resultaat {NAME} 9 van de 10")
    assert "herken de test niet" in eve.text
    (after,) = await stored_cards(store, an)
    assert after["status"] == "backlog" and "result" not in after


async def test_teammates_share_the_board(engine: Engine, store: Store) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await quick_card(an)
    await bram.say(f"/resultaat {NAME} 8 van de 10")
    await bram.press("Gevalideerd")
    (card,) = await stored_cards(store, an)
    assert card["verdict"] == "validated" and card["verdict_by"] == "Bram"


async def test_the_card_speaks_english(engine: Engine) -> None:
    an = Person(engine, "An", language="en")
    await create_team(an)
    await an.say(
        "/test Needs | we believe that nobody knows | interview 10 | share | at least 6 of 10"
        " | Marie | end of June"
    )
    await an.press("high")
    await an.press("Interviews")
    assert "is in the backlog" in an.text
    assert "We believe that nobody knows" in an.text
    assert "To Build" in str(an.buttons())


async def test_a_result_is_judged_by_the_criteria_fixed_before_the_test(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await an.press("Naar Bouwen")
    await an.press("Naar Meten")
    await an.press("Criteria aanpassen")
    await an.say("minstens 3 van de 10")  # lowered while the test runs
    await an.say(f"/resultaat {NAME} 4 van de 10")
    assert f"Vooraf vastgelegd: {CRITERIA}" in an.text
    assert "Mijn voorstel: Niet gevalideerd" in an.text


async def test_a_quick_card_can_be_completed_with_the_details_it_left_out(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    details = an.button("Details aanvullen").value
    await an.say("/test")
    await an.say("Voorverkoop herstelbon")  # a new card, half-typed
    await an.event(button=details)
    assert "Hoelang loopt de test?" in an.text  # only the empty details are asked
    await an.say("3 weken")
    await an.press("laag")  # cost
    await an.press("Overslaan")  # reliability stays open
    await an.say("2 weken")
    assert "ontbrekende details staan nu op de kaart" in an.text
    assert "duur: 3 weken" in an.text
    (card,) = await stored_cards(store, an)
    assert (card["duration"], card["cost"], card["reliability"], card["time_needed"]) == (
        "3 weken",
        "low",
        None,
        "2 weken",
    )
    assert card["criteria"] == CRITERIA and card["status"] == "backlog"
    await an.say("/test")
    assert "Je was bij stap 2 van 13" in an.text, "the half-typed card is still there"
    await an.press("Verder")
    assert "Wie is verantwoordelijk" in an.text


async def test_a_redelivered_last_answer_stores_one_card(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say(QUICK)
    await an.press("hoog")
    kind = an.button("Interviews").value
    await an.event(button=kind, key="update-77")
    assert "staat in de backlog" in an.text
    await an.event(button=kind, key="update-77")  # Telegram delivers the tap again
    await an.event(button=kind)  # and a second tap on the old button
    assert len(await stored_cards(store, an)) == 1


async def test_a_learning_card_by_command_and_a_result_in_english(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await an.say("/taal")
    await an.press("English")
    await an.say(f"/result {NAME} | seven out of ten said yes")
    assert "My proposal: Validated" in an.text
    await an.press("Not validated")
    assert "back to the value proposition canvas" in an.text
    await an.say("/leerkaart")
    assert "Which test" in an.text
    await an.say(NAME.upper())
    assert "We believed that" in an.text, "without the button, the belief is asked too"
    for answer in ("subsidies matter", "7 of 10 knew nothing", "they need a guide", "build one"):
        await an.say(answer)
    assert "Learning card saved" in an.text
    await an.press("Close the test")
    (card,) = await stored_cards(store, an)
    assert card["status"] == "done" and card["verdict"] == "not_validated"
    assert card["learning"]["believed"] == "subsidies matter"


async def test_only_the_sentence_opening_is_not_an_answer(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say(f"/test {NAME} | We geloven dat … | {TEST} | {METRIC} | {CRITERIA} | Marie | 15/6")
    assert "We geloven dat …" in an.text and "stap 5 van 13" in an.text  # asked, not stored
    await an.say("We geloven dat…")
    assert "eigen woorden" in an.text
    await an.say(HYPOTHESIS)
    await an.press("hoog")
    await an.press("Interviews")
    assert "testkaart van An" in an.text
    (card,) = await stored_cards(store, an)
    assert card["hypothesis"] == HYPOTHESIS


async def test_a_reminder_button_asks_only_for_the_result(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    (card,) = await stored_cards(store, an)
    await an.event(button=f"t:testcard:result:{card['id']}:deadline")  # as a reminder
    assert "Wat was het resultaat?" in an.text and "Over welke test" not in an.text
    await an.say("zes van de tien")
    assert "Mijn voorstel: Gevalideerd" in an.text and "60% tegenover ≥ 60%" in an.text
    await an.say("/resultaat")
    assert "Over welke test" in an.text


async def validate(person: Person, name: str) -> None:
    """Move a card to Measure, log a passing result and confirm the proposed verdict."""
    await person.say("/bord")
    await person.press(name)
    await person.press("Naar Bouwen")
    await person.press("Naar Meten")
    await person.say(f"/resultaat {name} 8 van de 10")
    assert "Mijn voorstel: Gevalideerd" in person.text, person.text
    await person.press("Gevalideerd")


async def test_the_legacy_canvas_is_suggested_once_every_critical_hypothesis_holds(
    engine: Engine,
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await quick_card(an)
    await quick_card(an, QUICK.replace(NAME, "Prijs van de huurformule"))
    await validate(an, NAME)
    assert "legacy" not in an.text.lower(), "one critical hypothesis is still open"
    await validate(an, "Prijs van de huurformule")
    assert "kritieke hypotheses van jullie piloot zijn gevalideerd" in an.text
    await an.press("Legacy canvas openen")
    assert "Wat is jullie legacy?" in an.text
