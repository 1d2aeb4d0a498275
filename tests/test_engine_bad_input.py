"""Bad, hostile, stale, repeated and simultaneous input gets a clear message and loses nothing."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from flows.domain import Change
from flows.engine import Engine
from flows.events import ChatKind, Event
from flows.i18n import LOCALES, Translator
from flows.model import Flow, Kind, Option, Step
from flows.registry import TEMPLATES, load_registry, validate_flow
from storage.db import Store
from tests.chat import Clock, Person, create_team, ids, invite_code, stakeholders

# ---------------------------------------------------------------------------------------------
# helpers


async def changes(store: Store, person: Person, name: str, field: str) -> list[Change]:
    """The recorded changes of one field of one stakeholder, oldest first."""
    item = (await stakeholders(store, person))[name]
    person_id, _ = await ids(store, person)
    async with store.transaction() as tx:
        found = await tx.items.history(item.id, person_id)
    return [change for change in found if change.field == field]


async def start_mapping(person: Person, names: str = "Kringwinkel\nIVAGO") -> None:
    """Open the stakeholder map, add stakeholders and go on to rating them."""
    await person.say("/stakeholders")
    await person.say(names)
    await person.press("Klaar" if person.language == "nl" else "Done")


async def to_note(person: Person) -> None:
    """From the first question about a stakeholder to its (optional, free-text) note."""
    for label in ("Extern", "hoog", "laag", "Raadplegen"):
        await person.press(label)
    assert "stap 6 van 6" in person.text


def conversation_id(person: Person) -> str:
    """The conversation id inside the step buttons under the latest replies."""
    value = next(c.value for c in person.buttons() if c.value and c.value.startswith("s:"))
    return value.split(":")[1]


# ---------------------------------------------------------------------------------------------
# empty, long, emoji


async def test_empty_or_overlong_answers_are_refused_and_nothing_is_stored(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("  \n\n \t")
    assert "Ik vond geen items. Zet er één per regel." in an.text
    assert "stap 1 van 6" in an.text
    await an.say("Kringwinkel\n" + "K" * 10_000)
    assert "Eén regel is langer dan 200 tekens" in an.text
    assert await stakeholders(store, an) == {}  # the good line is not half-stored either
    await an.say("Kringwinkel")
    await an.press("Klaar")
    await to_note(an)
    for empty in ("", "   ", "\n"):
        await an.say(empty)
        assert "Ik kreeg een leeg antwoord." in an.text
        assert "stap 6 van 6" in an.text
    await an.say("n" * 10_000)
    assert "Dat is te lang (10.000 tekens). Hou het onder 1.000 tekens." in an.text
    assert "stap 6 van 6" in an.text
    assert "note" not in (await stakeholders(store, an))["Kringwinkel"].data
    await an.say("Contactpersoon: Els")
    assert (await stakeholders(store, an))["Kringwinkel"].data["note"] == "Contactpersoon: Els"


async def test_bad_input_is_explained_in_english(engine: Engine, store: Store) -> None:
    emma = Person(engine, "Emma", language="en")
    await create_team(emma)
    await emma.say("/stakeholders")
    await emma.say("\n \n")
    assert "I found no items. Put one per line." in emma.text
    await emma.say("Kringwinkel")
    await emma.press("Done")
    await emma.press("External")
    await emma.say("very high")
    assert "That's not one of the options. Tap a button or type its number." in emma.text
    assert "step 3 of 6" in emma.text
    await emma.say("skip")
    assert "This question can't be skipped." in emma.text
    for label in ("high", "low", "Consult"):
        await emma.press(label)
    await emma.say("n" * 10_000)
    assert "That's too long (10,000 characters)" in emma.text
    assert "step 6 of 6" in emma.text
    stored = (await stakeholders(store, emma))["Kringwinkel"].data
    assert stored["power"] == "high" and "note" not in stored
    await emma.say("/foo")
    assert "I don't know the command /foo." in emma.text


async def test_emoji_are_stored_and_shown_verbatim(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("♻️ Repair Café 👩‍🔧\nDe Kringwinkel 🇧🇪")
    assert "2 toegevoegd: ♻️ Repair Café 👩‍🔧, De Kringwinkel 🇧🇪" in an.text
    await an.press("Klaar")
    assert "♻️ Repair Café 👩‍🔧 (1 van 2)" in an.text
    await to_note(an)
    await an.say("Top 👍🏽 — elke 2de zaterdag ☕")
    stored = await stakeholders(store, an)
    assert set(stored) == {"♻️ Repair Café 👩‍🔧", "De Kringwinkel 🇧🇪"}
    assert stored["♻️ Repair Café 👩‍🔧"].data["note"] == "Top 👍🏽 — elke 2de zaterdag ☕"


# ---------------------------------------------------------------------------------------------
# HTML and markup


HOSTILE = ["<b>x</b>", "<script>alert(1)</script>", "Tom &amp; Jerry"]
UNESCAPED = re.compile(r"<(?:script|/?b>x|img|a )", re.IGNORECASE)


async def test_html_is_stored_verbatim_and_always_shown_escaped(
    engine: Engine, store: Store
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram <i>B</i>")
    raw: list[str] = []

    async def say(person: Person, text: str) -> None:
        raw.extend(reply.html for reply in await person.say(text))

    async def press(person: Person, label: str) -> None:
        raw.extend(reply.html for reply in await person.press(label))

    await create_team(an)
    token = await invite_code(an)
    await say(bram, f"/start {token}")
    await say(an, "/stakeholders")
    await say(an, "\n".join(HOSTILE))
    added = an.replies[0].html
    assert "&lt;b&gt;x&lt;/b&gt;" in added
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in added
    assert "Tom &amp;amp; Jerry" in added
    # A teammate whose own name holds markup, adding a known name: both come back escaped.
    await say(bram, "/stakeholders")
    await say(bram, "<B>X</B>")
    assert "Stond al op de lijst: &lt;B&gt;X&lt;/B&gt; (An)" in bram.replies[0].html
    await press(an, "Klaar")
    assert "<b>&lt;b&gt;x&lt;/b&gt;</b> (1 van 3)" in an.replies[-1].html
    await press(an, "Extern")
    await press(an, "hoog")
    await press(an, "hoog")
    await press(an, "Informeren")
    await say(an, "<i>zie</i> <a href='https://evil.example'>hier</a> & <img src=x>")
    await say(an, "stop")
    await say(an, "/wijzig")
    await say(an, "/overzicht")
    stored = await stakeholders(store, an)
    assert set(stored) == set(HOSTILE)
    assert stored["<b>x</b>"].data["note"] == (
        "<i>zie</i> <a href='https://evil.example'>hier</a> & <img src=x>"
    )
    summary = "\n".join(reply.html for reply in an.replies)
    assert "&lt;i&gt;zie&lt;/i&gt;" in summary and "&lt;img src=x&gt;" in summary
    assert "Tom &amp;amp; Jerry" in summary
    for html in raw:
        assert not UNESCAPED.search(html), html
        assert "<i>B</i>" not in html, html


# ---------------------------------------------------------------------------------------------
# commands and choices that do not exist


async def test_unknown_command_mid_flow_is_explained_and_the_question_stays(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    await an.say("/foo")
    assert "Het commando /foo ken ik niet." in an.text
    await an.say("/foo<b>bar</b>")
    assert "&lt;b&gt;" in an.replies[0].html and "<b>bar" not in an.replies[0].html
    await an.say("hoog")
    assert "stap 4 van 6" in an.text
    assert (await stakeholders(store, an))["Kringwinkel"].data["power"] == "high"


async def test_a_choice_that_was_not_offered_is_refused(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    await an.say("heel hoog")
    assert "Dat is geen van de mogelijkheden. Tik op een knop of typ het nummer." in an.text
    assert "stap 3 van 6" in an.text and "Kringwinkel (1 van 2)" in an.text
    assert "power" not in (await stakeholders(store, an))["Kringwinkel"].data
    await an.say("4")
    assert "Dat is geen van de mogelijkheden." in an.text
    await an.say("klaar")
    assert "“Klaar” past hier niet" in an.text or '"Klaar" past hier niet' in an.text
    await an.say("3")  # the third option, typed by number
    assert "stap 4 van 6" in an.text
    assert (await stakeholders(store, an))["Kringwinkel"].data["power"] == "high"


FORGED = (
    "s:999:power:0:opt:high",  # another conversation
    "s:{conv}:power:0:opt:extreme",  # an option that does not exist
    "s:{conv}:power:7:opt:high",  # another stakeholder of the walk
    "s:{conv}:interest:0:opt:high",  # a question that is not asked now
    "s:{conv}:power:0:suggest:waste",  # an action that does not fit the question
    "s:{conv}",
    "x:garbage",
    "m:open:no_such_flow",
    "m:resume:abc",
    "",
)


async def test_forged_button_values_expire_and_change_nothing(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    conv = conversation_id(an)
    for forged in FORGED:
        await an.event(button=forged.format(conv=conv))
        assert "Deze knop is verlopen." in an.text, forged
    assert "power" not in (await stakeholders(store, an))["Kringwinkel"].data
    await an.say("hoog")  # the real question is still open
    assert "stap 4 van 6" in an.text


async def test_a_stale_button_of_an_earlier_stakeholder_expires(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    stale = an.button("hoog").value
    await an.press("laag")
    await an.press("laag")
    await an.press("Informeren")
    await an.press("Overslaan")
    await an.press("Intern")
    assert "IVAGO (2 van 2)" in an.text and "stap 3 van 6" in an.text
    await an.event(button=stale)
    assert "Deze knop is verlopen" in an.text
    stored = await stakeholders(store, an)
    assert stored["Kringwinkel"].data["power"] == "low"
    assert "power" not in stored["IVAGO"].data


async def test_a_double_click_stores_one_answer(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    value = an.button("hoog").value
    await an.event(button=value)
    assert "stap 4 van 6" in an.text
    await an.event(button=value)
    assert "Deze knop is verlopen" in an.text
    assert [c.new for c in await changes(store, an, "Kringwinkel", "power")] == ["high"]
    assert "interest" not in (await stakeholders(store, an))["Kringwinkel"].data


async def test_a_double_click_handled_at_the_same_moment_stores_one_answer(
    engine: Engine, store: Store
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    value = an.button("hoog").value
    first, second = await asyncio.gather(an.event(button=value), an.event(button=value))
    shown = ["\n".join(reply.html for reply in replies) for replies in (first, second)]
    assert sum("Deze knop is verlopen" in text for text in shown) == 1, shown
    assert [c.new for c in await changes(store, an, "Kringwinkel", "power")] == ["high"]


async def test_a_redelivered_event_is_applied_once(engine: Engine, store: Store) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await start_mapping(an)
    await an.press("Extern")
    event = Event(sender=an.sender, chat_id="chat:An", text="hoog", key="tg-update-4711")
    first = await engine.handle(event)
    assert not first.duplicate and first.replies
    an.replies = first.replies
    second = await engine.handle(event)
    assert second.duplicate and second.replies == []
    # Applied twice, "hoog" would also have answered the interest question.
    stored = (await stakeholders(store, an))["Kringwinkel"].data
    assert stored["power"] == "high" and "interest" not in stored
    assert len(await changes(store, an, "Kringwinkel", "power")) == 1
    button = Event(sender=an.sender, chat_id="chat:An", button=an.button("laag").value, key="b1")
    assert not (await engine.handle(button)).duplicate
    assert (await engine.handle(button)).duplicate
    assert len(await changes(store, an, "Kringwinkel", "interest")) == 1


# ---------------------------------------------------------------------------------------------
# two people at the same moment


async def test_two_members_rating_the_same_stakeholder_at_once(
    engine: Engine, store: Store
) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    token = await invite_code(an)
    await bram.say(f"/start {token}")
    await start_mapping(an, "Kringwinkel")
    await start_mapping(bram, "")  # Bram adds nothing and goes straight on
    if "Kringwinkel (1 van 1)" not in bram.text:
        await bram.press("Klaar")
    await an.press("Extern")
    await bram.press("Extern")
    assert "stap 3 van 6" in an.text and "stap 3 van 6" in bram.text
    await asyncio.gather(an.press("hoog"), bram.press("laag"))
    power = await changes(store, an, "Kringwinkel", "power")
    assert sorted((c.changed_by_name, c.new) for c in power) == [("An", "high"), ("Bram", "low")]
    earlier, later = power
    stored = (await stakeholders(store, an))["Kringwinkel"].data
    assert stored["power"] == later.new  # one of them, the one written last
    assert later.old == earlier.new  # the later write saw the earlier one
    people = {"An": an, "Bram": bram}
    shown = {"high": "hoog", "low": "laag"}
    told = people[later.changed_by_name].text
    warning = f"Let op: {earlier.changed_by_name} vulde dit net ook in, als “{shown[earlier.new]}”"
    assert warning in told
    assert "vulde dit net ook in" not in people[earlier.changed_by_name].text
    # Both carry on with the next question.
    assert "stap 4 van 6" in an.text and "stap 4 van 6" in bram.text


# ---------------------------------------------------------------------------------------------
# a test-only flow for the kinds no production flow uses yet

PROBE_NL = """
probe-title = proefvragen
probe-deadline = Tegen wanneer moet het klaar zijn?
    .hint = Een datum vanaf vandaag.
probe-tonnes = Hoeveel ton textiel zamelt de gemeente jaarlijks in?
probe-fractions = Welke fracties zamel je in?
probe-glass = Glas
probe-paper = Papier
probe-textile = Textiel
probe-score = Hoe tevreden ben je, van 1 tot 5?
probe-remark = Nog een opmerking?
"""
PROBE_EN = """
probe-title = probe questions
probe-deadline = By when must it be done?
    .hint = A date from today on.
probe-tonnes = How many tonnes of textile does the municipality collect each year?
probe-fractions = Which fractions do you collect?
probe-glass = Glass
probe-paper = Paper
probe-textile = Textile
probe-score = How satisfied are you, from 1 to 5?
probe-remark = Any remark?
"""

PROBE = Flow(
    id="probe",
    title="probe-title",
    commands=("proef", "probe"),
    tool="probe",
    menu=False,
    steps=(
        Step(id="deadline", kind=Kind.DATE, text="probe-deadline", future=True),
        Step(id="tonnes", kind=Kind.NUMBER, text="probe-tonnes", minimum=0),
        Step(
            id="fractions",
            kind=Kind.MULTI,
            text="probe-fractions",
            options=(
                Option("glass", "probe-glass"),
                Option("paper", "probe-paper"),
                Option("textile", "probe-textile"),
            ),
        ),
        Step(id="score", kind=Kind.SCALE, text="probe-score", minimum=1, maximum=5),
        Step(id="remark", kind=Kind.TEXT, text="probe-remark", optional=True, max_length=500),
    ),
)


def probe_translator(directory: Path) -> Translator:
    """The real messages plus the probe flow's, from a temporary locales directory."""
    for lang, extra in (("nl", PROBE_NL), ("en", PROBE_EN)):
        target = directory / f"{lang}.ftl"
        shutil.copyfile(LOCALES / f"{lang}.ftl", target)
        with target.open("a", encoding="utf-8") as handle:
            handle.write("\n" + extra)
    return Translator(directory)


@pytest.fixture
def probe_engine(store: Store, clock: Clock, tmp_path: Path) -> Engine:
    """An engine whose registry holds every real flow plus the validated probe flow."""
    translator = probe_translator(tmp_path)
    registry = load_registry(translator)
    registry.flows[PROBE.id] = PROBE
    validate_flow(PROBE, registry, translator, TEMPLATES)
    return Engine(store, translator=translator, registry=registry, clock=clock.now)


async def probe_answers(store: Store, person: Person) -> dict[str, Any]:
    """What the probe flow stored for the person's project."""
    person_id, project_id = await ids(store, person)
    async with store.transaction() as tx:
        main = await tx.items.singleton(project_id, "probe", "main", person_id)
    return main.data


async def test_a_date_in_the_past_is_refused_where_a_future_one_is_needed(
    probe_engine: Engine, store: Store
) -> None:
    an = Person(probe_engine, "An")
    await create_team(an)
    await an.say("/proef")
    assert "proefvragen · stap 1 van 5" in an.text
    await an.say("15/3/2026")
    assert "ligt in het verleden" in an.text and "Geef een datum vanaf vandaag." in an.text
    assert "(zondag 15 maart 2026)" in an.text  # the date as people read it, not ISO
    assert "stap 1 van 5" in an.text
    await an.say("gisteren")
    assert "ligt in het verleden" in an.text
    await an.say("ooit eens")
    assert "Die datum begrijp ik niet." in an.text
    assert "deadline" not in await probe_answers(store, an)
    await an.say("eind juni")
    assert "stap 2 van 5" in an.text
    assert (await probe_answers(store, an))["deadline"] == "2027-06-30"
    # The same in English.
    await an.say("/taal")
    await an.press("English")
    await an.say("back")
    assert "step 1 of 5" in an.text
    await an.say("1 January 2020")
    assert "is in the past. Please give a date from today on." in an.text
    await an.say("whenever")
    assert "I don't understand that date." in an.text
    await an.say("end of June")
    assert "step 2 of 5" in an.text


async def to_probe_step(person: Person, step: int) -> None:
    """Open the probe flow and answer validly up to (not including) the given step."""
    await person.say("/proef")
    answers = ["volgende vrijdag", "1.234,5", "glas", "3"]
    for answer in answers[: step - 1]:
        await person.say(answer)
    assert f"stap {step} van 5" in person.text, person.text


async def test_numbers_flemish_style_and_their_problems(probe_engine: Engine, store: Store) -> None:
    an = Person(probe_engine, "An")
    await create_team(an)
    await to_probe_step(an, 2)
    for typed, message in (
        ("veel", "Dat is geen getal. Typ bijvoorbeeld 12 of 12,5."),
        ("-5", "Dat is te klein: minstens 0."),
        ("12,5 kg", "Dat is geen getal."),
    ):
        await an.say(typed)
        assert message in an.text and "stap 2 van 5" in an.text
    await an.say("9" * 10_000)  # too big for a float: must not become "infinity"
    assert "stap 2 van 5" in an.text
    assert "tonnes" not in await probe_answers(store, an)
    await an.say("€ 1.500")
    assert "stap 3 van 5" in an.text
    assert (await probe_answers(store, an))["tonnes"] == 1500


async def test_multi_typed_or_tapped(probe_engine: Engine, store: Store) -> None:
    an = Person(probe_engine, "An")
    await create_team(an)
    await to_probe_step(an, 3)
    await an.say("glas, hout")
    assert "Dat is geen van de mogelijkheden." in an.text and "stap 3 van 5" in an.text
    await an.press("Klaar")
    assert "Kies minstens één mogelijkheid" in an.text
    assert "fractions" not in await probe_answers(store, an)
    await an.press("Glas")
    assert "Gekozen: Glas" in an.text and "✓ Glas" in [c.label for c in an.buttons()]
    await an.press("Textiel")
    await an.press("✓ Glas")  # tapping again unselects
    assert "Gekozen: Textiel" in an.text
    await an.press("Klaar")
    assert "stap 4 van 5" in an.text
    assert (await probe_answers(store, an))["fractions"] == ["textile"]
    await an.say("terug")
    await an.say("papier; 1")
    assert (await probe_answers(store, an))["fractions"] == ["paper", "glass"]


async def test_scale_typed_or_tapped(probe_engine: Engine, store: Store) -> None:
    an = Person(probe_engine, "An")
    await create_team(an)
    await to_probe_step(an, 4)
    assert [c.label for c in an.buttons()][:5] == ["1", "2", "3", "4", "5"]
    for typed in ("6", "3,5", "drie", "0"):
        await an.say(typed)
        assert "Kies een geheel getal van 1 tot 5." in an.text and "stap 4 van 5" in an.text
    assert "score" not in await probe_answers(store, an)
    await an.press("4")
    assert "stap 5 van 5" in an.text
    assert (await probe_answers(store, an))["score"] == 4


async def forge_scale_buttons(person: Person, store: Store, payloads: tuple[str, ...]) -> None:
    """Press forged buttons at the scale question: each expires and nothing is stored."""
    await create_team(person)
    await to_probe_step(person, 4)
    conv = conversation_id(person)
    for payload in payloads:
        await person.event(button=f"s:{conv}:score:0:opt:{payload}")
        assert "Deze knop is verlopen" in person.text, payload
        assert "score" not in await probe_answers(store, person), payload
    await person.say("2")  # the question is still open
    assert "stap 5 van 5" in person.text


async def test_a_forged_scale_button_expires(probe_engine: Engine, store: Store) -> None:
    # Outside the scale, and not a whole number at all.
    payloads = ("99", "0", "-1", "vier", "3.5", "")
    await forge_scale_buttons(Person(probe_engine, "An"), store, payloads)


async def test_probe_flow_to_the_end_with_a_long_remark_refused(
    probe_engine: Engine, store: Store
) -> None:
    an = Person(probe_engine, "An")
    await create_team(an)
    await to_probe_step(an, 5)
    await an.say("r" * 10_000)
    assert "Dat is te lang (10.000 tekens). Hou het onder 500 tekens." in an.text
    await an.say("<b>Prima</b> & klaar")
    assert "De proefvragen is bijgewerkt" in an.text
    assert await probe_answers(store, an) == {
        "deadline": "2026-11-27",
        "tonnes": 1234.5,
        "fractions": ["glass"],
        "score": 3,
        "remark": "<b>Prima</b> & klaar",
    }


async def test_something_that_is_not_text_is_explained_and_the_question_stays(
    engine: Engine,
) -> None:
    an = Person(engine, "An")
    await an.event()  # a sticker before anything else: told, not ignored
    assert "enkel tekst" in an.text
    await create_team(an)
    await an.say("/stakeholders")
    await an.event()  # a photo where a list of names was asked
    assert "enkel tekst" in an.text and "stap 1 van 6" in an.text
    assert await stakeholders(engine.store, an) == {}
    await an.event(chat_id="group:1", chat_kind=ChatKind.GROUP)  # in a group: silence
    assert an.replies == []
