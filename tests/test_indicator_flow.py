"""Indicators and check-ins through the engine, with the reminder desk and a clock by hand."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from flows.engine import Engine
from flows.reminders import ReminderDesk
from storage.db import Store
from tests.chat import Clock, Person, create_team, ids, invite_code
from tests.reminder_probe import Courier, show, statuses

BRUSSELS = ZoneInfo("Europe/Brussels")


def at(clock: Clock, year: int, month: int, day: int, hour: int) -> None:
    """Set the clock to a Brussels wall time."""
    clock.current = datetime(year, month, day, hour, tzinfo=BRUSSELS).astimezone(UTC)


@pytest.fixture
def desk(engine: Engine) -> ReminderDesk:
    """The scheduler's transport-neutral half."""
    return ReminderDesk(engine, "worker")


async def team(engine: Engine) -> tuple[Person, Person]:
    """An coordinates; Bram Peeters is a member."""
    an, bram = Person(engine, "An"), Person(engine, "Bram Peeters")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    return an, bram


async def add_example_indicator(an: Person) -> None:
    """An adds the guide's "questions at the circular desk", reported quarterly by Bram."""
    await an.say("/indicatoren")
    assert "Wat voor indicator" in an.text
    await an.press("Output")
    await an.press("vragen aan het circulaire loket")
    await an.say("aantal")
    await an.say("10")
    await an.say("100")
    await an.say("eind 2027")
    await an.press("Cijfers bijhouden")
    await an.say("Bram")
    await an.press("Per kwartaal")


async def test_an_example_indicator_is_stored_with_its_first_check_in(
    engine: Engine, store: Store
) -> None:
    an, _ = await team(engine)
    await add_example_indicator(an)
    assert "Indicator Aantal vragen aan het circulaire loket bewaard" in an.text
    assert "Bram krijgt een bericht" in an.text
    assert "1 januari 2027" in an.text
    await an.press("Alle indicatoren")
    assert "Output (directe resultaten)" in an.text
    assert "doel 100 tegen" in an.text and "31 december 2027" in an.text
    assert "Cijfers bijhouden en analyseren, door Bram, Per kwartaal" in an.text


async def test_own_indicator_on_given_dates_with_friendly_errors(engine: Engine) -> None:
    an, _ = await team(engine)
    await an.say("/indicatoren")
    await an.press("Impact")
    await an.press("Eigen indicator")
    await an.say("Bezoekers van het repaircafé")
    await an.say("bezoekers")
    await an.press("Overslaan")
    await an.say("veel")
    assert "getal" in an.text, "a target must be a number"
    await an.say("250")
    await an.say("juni 2027")
    await an.press("Observatie")
    await an.press("Overslaan")
    await an.press("Op vaste data")
    await an.say("1 maart, ooit")
    assert "begrijp ik niet allemaal" in an.text
    await an.say("1 maart 2027, 1 mei 2027")
    assert "Bezoekers van het repaircafé bewaard" in an.text
    assert "An krijgt een bericht" in an.text and "1 maart 2027" in an.text


async def test_the_owner_is_asked_for_the_value_and_sees_progress(
    engine: Engine, store: Store, clock: Clock, desk: ReminderDesk
) -> None:
    an, bram = await team(engine)
    await add_example_indicator(an)
    courier = Courier()
    at(clock, 2026, 12, 30, 9)  # two working days before 1 January
    [early] = await courier.round(desk)
    assert early.recipient.display_name == "Bram Peeters"
    at(clock, 2027, 1, 1, 9)
    [due] = await courier.round(desk)
    assert "resultaat te noteren" in due.reply.html
    show(bram, due)
    await bram.press("Resultaat nu invullen")
    assert "Meting voor Aantal vragen" in bram.text and "Welke waarde" in bram.text
    await bram.say("veel")
    assert "getal" in bram.text
    await bram.say("42")
    await bram.press("Overslaan")
    assert "Bewaard: Aantal vragen aan het circulaire loket = 42 aantal" in bram.text
    assert "36% van de weg naar 100 aantal" in bram.text
    assert "Volgende meting: donderdag 1 april 2027" in bram.text
    found = await statuses(store)
    assert found["checkin:2027-01-01:due"].value == "sent"
    assert found["checkin:2027-01-01:escalation"].value == "done", "no escalation any more"
    assert found["checkin:2027-04-01:due"].value == "pending"
    person_id, project_id = await ids(store, bram)
    async with store.transaction() as tx:
        [item] = await tx.items.list(project_id, "indicator", person_id)
    [value] = item.data["values"]
    assert value["value"] == 42 and value["by"] == "Bram Peeters"
    assert value["date"] == "2027-01-01" and value["moment"] == "2027-01-01"


async def test_a_value_given_early_counts_for_the_coming_check_in(
    engine: Engine, store: Store, clock: Clock
) -> None:
    an, _ = await team(engine)
    await add_example_indicator(an)
    at(clock, 2026, 12, 24, 10)
    await an.say("/meting")
    await an.press("Aantal vragen")
    await an.say("12,5")
    await an.say("https://example.org/telling")
    assert "= 12,5 aantal" in an.text and "1 april 2027" in an.text
    assert (await statuses(store))["checkin:2027-01-01:due"].value == "done"


async def test_the_trend_chart_is_a_png(engine: Engine, clock: Clock) -> None:
    an, _ = await team(engine)
    await add_example_indicator(an)
    await an.press("Grafiek")
    assert "Nog geen metingen" in an.text
    for day, value in ((1, "20"), (20, "35")):
        at(clock, 2026, 12, day, 10)
        await an.say("/meting")
        await an.press("Aantal vragen")
        await an.say(value)
        await an.press("Overslaan")
    await an.press("Grafiek")
    [picture] = an.replies
    assert picture.image is not None and picture.image.data.startswith(b"\x89PNG")


async def test_outsiders_cannot_see_or_measure_an_indicator(engine: Engine, store: Store) -> None:
    an, _ = await team(engine)
    await add_example_indicator(an)
    buttons = [b.value for b in an.buttons() if b.value and b.value.startswith("t:indicator")]
    assert buttons
    cas = Person(engine, "Cas")
    await create_team(cas, team="Elders")
    for value in buttons:
        await cas.event(button=value)
        assert "mag je niet" in cas.text
    await cas.say("/meting")
    assert "Nog geen indicatoren" in cas.text


async def test_the_digest_lists_new_values(
    engine: Engine, clock: Clock, desk: ReminderDesk
) -> None:
    an, _ = await team(engine)
    await add_example_indicator(an)
    await an.say("/meting")
    await an.press("Aantal vragen")
    await an.say("30")
    await an.press("Overslaan")
    courier = Courier(digests=True)
    assert await courier.round(desk) == [], "plans the digest for Monday"
    at(clock, 2026, 11, 23, 9)  # Monday: the weekly digest
    [digest] = await courier.round(desk)
    assert digest.recipient.display_name == "An" and digest.chat_id is None
    assert "Weekoverzicht Strategie 2030" in digest.reply.html
    assert "Aantal vragen aan het circulaire loket: 30 aantal (An)" in digest.reply.html


async def test_the_report_follows_the_guides_template(engine: Engine, clock: Clock) -> None:
    from tests.reminder_probe import register_probe

    register_probe(engine.registry)
    an, bram = await team(engine)
    await add_example_indicator(an)
    await an.say("/meting")
    await an.press("Aantal vragen")
    await an.say("55")
    await an.press("Overslaan")
    await bram.say("/taak Repaircafé opstarten | 2026-11-20 | Bram")  # already overdue
    await an.say("/taak Subsidiedossier | 2026-12-15 | An")
    await an.say("/rapport")
    report = an.text
    for heading in (
        "1. Strategie en governance",
        "2. Belangrijkste acties",
        "3. Publieke doelstellingen",
        "4. Het monitoringsysteem",
    ):
        assert heading in report
    assert "coördinatie door An" in report
    assert "2 acties met een datum: 0 gedaan, 1 over tijd" in report
    assert "⚠️ Repaircafé opstarten" in report and "Bram Peeters" in report
    assert "doel 100 aantal tegen" in report and "laatst 55 (50%)" in report
    assert "Cijfers bijhouden en analyseren, door Bram, Per kwartaal" in report
    await bram.say("/report")
    assert "Knelpunten: 1 actie is over tijd" in bram.text
