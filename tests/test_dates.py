"""Tests for flows.dates: parsing deadlines in Dutch (Flemish) and English, and showing them."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pytest

from flows.dates import ParsedDate, Precision, format_date, parse_date, stored_date

# A Sunday: weekday rules and "this week" behave differently on weekends, so pin it.
TODAY = date(2026, 11, 22)
WEDNESDAY = date(2026, 11, 25)
FRIDAY = date(2026, 11, 27)

CASES: list[tuple[str, date, Precision]] = [
    # Explicit numeric dates, day before month (European order).
    ("15/3", date(2027, 3, 15), "day"),  # March 2026 is past, so next year's
    ("15-3", date(2027, 3, 15), "day"),
    ("15.3", date(2027, 3, 15), "day"),
    ("15.3.", date(2027, 3, 15), "day"),
    ("5/12", date(2026, 12, 5), "day"),  # still ahead this year
    ("22/11", date(2026, 11, 22), "day"),  # today counts as "on or after today"
    ("21/11", date(2027, 11, 21), "day"),  # yesterday rolls over to next year
    ("15/3/2027", date(2027, 3, 15), "day"),
    ("15/03/27", date(2027, 3, 15), "day"),
    ("15/3/2026", date(2026, 3, 15), "day"),  # explicit year kept even if past
    ("2027-03-15", date(2027, 3, 15), "day"),
    ("29/2", date(2028, 2, 29), "day"),  # next year that has the day
    # Month names, Dutch and English, long and short.
    ("15 maart", date(2027, 3, 15), "day"),
    ("15 maart 2027", date(2027, 3, 15), "day"),
    ("15 mrt", date(2027, 3, 15), "day"),
    ("3 okt 2027", date(2027, 10, 3), "day"),
    ("1 sept", date(2027, 9, 1), "day"),
    ("15e maart", date(2027, 3, 15), "day"),
    ("27 nov. 2026", date(2026, 11, 27), "day"),
    ("15-mrt-2027", date(2027, 3, 15), "day"),
    ("15 March 2027", date(2027, 3, 15), "day"),
    ("March 15, 2027", date(2027, 3, 15), "day"),
    ("Dec 24", date(2026, 12, 24), "day"),
    ("the 1st of March", date(2027, 3, 1), "day"),
    ("vrijdag 27 november", date(2026, 11, 27), "day"),  # weekday in front is decoration
    ("vr 4/12", date(2026, 12, 4), "day"),
    ("Friday, November 27", date(2026, 11, 27), "day"),
    # Leading words, case, spaces, punctuation, times of day.
    ("Tegen 15 maart!!", date(2027, 3, 15), "day"),
    ("  uiterlijk   15/3 .", date(2027, 3, 15), "day"),
    ("ten laatste op 15/3", date(2027, 3, 15), "day"),
    ("voor 1 december", date(2026, 12, 1), "day"),
    ("15 maart ten laatste", date(2027, 3, 15), "day"),
    ("by 15 March", date(2027, 3, 15), "day"),
    ("before March 15", date(2027, 3, 15), "day"),
    ("on 1 December 2026", date(2026, 12, 1), "day"),
    ("deadline: 15/3", date(2027, 3, 15), "day"),
    ("15 maart om 14u", date(2027, 3, 15), "day"),
    ("20 oktober 2027 14:00", date(2027, 10, 20), "day"),
    # Vague parts of a month.
    ("eind juni", date(2027, 6, 30), "month"),
    ("einde juni", date(2027, 6, 30), "month"),
    ("eind-juni", date(2027, 6, 30), "month"),
    ("op het einde van juni", date(2027, 6, 30), "month"),
    ("end of June", date(2027, 6, 30), "month"),
    ("late June", date(2027, 6, 30), "month"),
    ("by the end of June", date(2027, 6, 30), "month"),
    ("begin juli", date(2027, 7, 1), "month"),
    ("start of July", date(2027, 7, 1), "month"),
    ("early July", date(2027, 7, 1), "month"),
    ("midden juni", date(2027, 6, 15), "month"),
    ("half juni", date(2027, 6, 15), "month"),
    ("medio juni", date(2027, 6, 15), "month"),
    ("mid June", date(2027, 6, 15), "month"),
    ("mid-June", date(2027, 6, 15), "month"),
    ("juni", date(2027, 6, 30), "month"),
    ("June", date(2027, 6, 30), "month"),
    ("MAART", date(2027, 3, 31), "month"),
    ("in juni", date(2027, 6, 30), "month"),
    ("eind juni 2027", date(2027, 6, 30), "month"),
    ("end of February 2028", date(2028, 2, 29), "month"),
    ("eind november", date(2026, 11, 30), "month"),
    # A vague month is judged by its end: November has not ended on 22 November, so
    # "begin november" stays this year even though the 1st is past. Whether a deadline
    # lies in the future is the caller's check, not the parser's.
    ("begin november", date(2026, 11, 1), "month"),
    ("midden november", date(2026, 11, 15), "month"),
    ("oktober", date(2027, 10, 31), "month"),
    ("vanaf juni", date(2027, 6, 1), "month"),  # "from" points at the start
    # This / next month.
    ("eind deze maand", date(2026, 11, 30), "month"),
    ("eind volgende maand", date(2026, 12, 31), "month"),
    ("einde van de maand", date(2026, 11, 30), "month"),
    ("end of this month", date(2026, 11, 30), "month"),
    ("end of next month", date(2026, 12, 31), "month"),
    ("end of the month", date(2026, 11, 30), "month"),
    ("begin volgende maand", date(2026, 12, 1), "month"),
    # Relative days and weekdays (strictly after today).
    ("vandaag", date(2026, 11, 22), "day"),
    ("today", date(2026, 11, 22), "day"),
    ("morgen", date(2026, 11, 23), "day"),
    ("Tomorrow.", date(2026, 11, 23), "day"),
    ("overmorgen", date(2026, 11, 24), "day"),
    ("day after tomorrow", date(2026, 11, 24), "day"),
    ("the day after tomorrow", date(2026, 11, 24), "day"),
    ("vrijdag", date(2026, 11, 27), "day"),
    ("volgende vrijdag", date(2026, 11, 27), "day"),
    ("komende vrijdag", date(2026, 11, 27), "day"),
    ("op vrijdag", date(2026, 11, 27), "day"),
    ("vrijdag volgende week", date(2026, 11, 27), "day"),
    ("volgende week vrijdag", date(2026, 11, 27), "day"),
    ("maandag", date(2026, 11, 23), "day"),
    ("zondag", date(2026, 11, 29), "day"),  # today is Sunday: the next one
    ("Friday", date(2026, 11, 27), "day"),
    ("next Friday", date(2026, 11, 27), "day"),
    ("on Tuesday", date(2026, 11, 24), "day"),
    ("vrijdag om 14u", date(2026, 11, 27), "day"),
    # Weeks.
    ("volgende week", date(2026, 11, 27), "week"),
    ("next week", date(2026, 11, 27), "week"),
    ("week 12", date(2027, 3, 26), "week"),  # ISO week 12 of 2026 is past
    # Durations from today.
    ("over 2 weken", date(2026, 12, 6), "week"),
    ("binnen 3 dagen", date(2026, 11, 25), "day"),
    ("binnen de veertien dagen", date(2026, 12, 6), "day"),
    ("over één week", date(2026, 11, 29), "week"),
    ("in twee maanden", date(2027, 1, 22), "month"),
    ("over een maand", date(2026, 12, 22), "month"),
    ("over een half jaar", date(2027, 5, 22), "month"),
    ("over drie jaar", date(2029, 11, 22), "year"),
    ("in 3 weeks", date(2026, 12, 13), "week"),
    ("in a month", date(2026, 12, 22), "month"),
    ("within 10 days", date(2026, 12, 2), "day"),
    ("in twelve days", date(2026, 12, 4), "day"),
    # Quarters.
    ("Q3 2026", date(2026, 9, 30), "quarter"),
    ("2026-Q3", date(2026, 9, 30), "quarter"),
    ("Q3", date(2027, 9, 30), "quarter"),  # Q3 2026 has ended
    ("q4", date(2026, 12, 31), "quarter"),  # Q4 2026 has not
    ("3e kwartaal 2026", date(2026, 9, 30), "quarter"),
    ("derde kwartaal", date(2027, 9, 30), "quarter"),
    ("in het tweede kwartaal van 2027", date(2027, 6, 30), "quarter"),
    ("third quarter", date(2027, 9, 30), "quarter"),
    ("first quarter of 2027", date(2027, 3, 31), "quarter"),
    ("begin Q2 2027", date(2027, 4, 1), "quarter"),
    ("volgend kwartaal", date(2027, 3, 31), "quarter"),
    # Years.
    ("2030", date(2030, 12, 31), "year"),
    ("tegen 2030", date(2030, 12, 31), "year"),
    ("by 2030", date(2030, 12, 31), "year"),
    ("eind 2026", date(2026, 12, 31), "year"),
    ("end of 2026", date(2026, 12, 31), "year"),
    ("vanaf 2025", date(2025, 1, 1), "year"),
    ("from 2025", date(2025, 1, 1), "year"),
    ("begin 2027", date(2027, 1, 1), "year"),
    ("start of 2027", date(2027, 1, 1), "year"),
    ("midden 2027", date(2027, 6, 30), "year"),
    ("eind dit jaar", date(2026, 12, 31), "year"),
    ("next year", date(2027, 12, 31), "year"),
    # Left to the dateparser fallback.
    ("gisteren", date(2026, 11, 21), "day"),
    ("2 dagen geleden", date(2026, 11, 20), "day"),
]

NOT_DATES = [
    "",
    "   ",
    "hallo",
    "Marie",
    "dag Marie",  # Flemish "hi", not a day
    "I may be late",
    "12345678",
    "12",
    "3000",
    "ja",
    "geen idee",
    "31/2",
    "32 maart",
    "31 april 2027",
    "15/13",
    "29/2/2027",
    "15/3/202",
    "<b>15/3</b>",
    "🎉🎉🎉",
    "volgende",
]


@pytest.mark.parametrize(("text", "expected", "precision"), CASES, ids=[c[0] for c in CASES])
def test_parse_date(text: str, expected: date, precision: Precision) -> None:
    assert parse_date(text, today=TODAY) == ParsedDate(expected, precision)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    ("text", "today", "expected", "precision"),
    [
        # On a Wednesday, "vrijdag" is two days away but "vrijdag volgende week" is nine:
        # the latter names the Friday of next calendar week.
        ("vrijdag", WEDNESDAY, date(2026, 11, 27), "day"),
        ("next Friday", WEDNESDAY, date(2026, 11, 27), "day"),
        ("vrijdag volgende week", WEDNESDAY, date(2026, 12, 4), "day"),
        ("friday next week", WEDNESDAY, date(2026, 12, 4), "day"),
        ("volgende week", WEDNESDAY, date(2026, 12, 4), "week"),
        ("deze week", WEDNESDAY, date(2026, 11, 27), "week"),
        ("deze week", TODAY, date(2026, 11, 27), "week"),  # on Sunday: the coming week
        ("vrijdag", FRIDAY, date(2026, 12, 4), "day"),  # strictly after today
        ("vandaag", FRIDAY, FRIDAY, "day"),
        ("over een maand", date(2026, 1, 31), date(2026, 2, 28), "month"),  # clamped
        ("eind juni", date(2026, 6, 30), date(2026, 6, 30), "month"),
        ("juni", date(2026, 7, 1), date(2027, 6, 30), "month"),
        ("eind deze maand", date(2027, 2, 3), date(2027, 2, 28), "month"),
        ("end of next month", date(2026, 12, 15), date(2027, 1, 31), "month"),
        ("dit kwartaal", date(2027, 2, 3), date(2027, 3, 31), "quarter"),
    ],
)
def test_parse_date_relative_to_other_days(
    text: str, today: date, expected: date, precision: Precision
) -> None:
    assert parse_date(text, today=today) == ParsedDate(expected, precision)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000,
        "15/3 " * 2_000,
        "🎉" * 5_000,
        "<script>alert('15/3')</script>" * 50,
        "ﷺ" * 100,  # expands a lot under Unicode normalisation
        "(" * 99,
        "9" * 99,
        "eind " * 20,
    ],
)
def test_never_raises_on_hostile_input(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


@pytest.mark.parametrize(
    "text", ["\x00\x01\x02 15/3", "\u202e15/3\u200b", "\ufeff15 maart\u00a0", "15\nmaart\t"]
)
def test_invisible_characters_are_ignored(text: str) -> None:
    assert parse_date(text, today=TODAY) == ParsedDate(date(2027, 3, 15), "day")


def test_long_text_is_not_looked_at() -> None:
    short = "tegen " * 2 + "15/3"
    long = "tegen " * 20 + "15/3"  # 124 characters of otherwise valid input
    assert parse_date(short, today=TODAY) == ParsedDate(date(2027, 3, 15), "day")
    assert parse_date(long, today=TODAY) is None


def test_edge_of_the_calendar_does_not_raise() -> None:
    assert parse_date("morgen", today=date.max) is None
    assert parse_date("juni", today=date(9999, 12, 1)) is None


@pytest.mark.parametrize("text", ["Marie", "hallo", "I may be late", "12", "12345678", "15/3"])
def test_dateparser_is_not_asked_about_non_dates_or_handled_forms(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dateparser

    calls: list[str] = []

    def spy(value: str, *args: Any, **kwargs: Any) -> None:
        calls.append(value)

    monkeypatch.setattr(dateparser, "parse", spy)
    parse_date(text, today=TODAY)
    assert calls == []


def test_dateparser_fallback_gets_the_agreed_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    import dateparser

    seen: dict[str, Any] = {}

    def fake(value: str, *args: Any, **kwargs: Any) -> datetime.datetime:
        seen.update(kwargs, text=value)
        return datetime.datetime(2027, 1, 5, 14, 30)

    monkeypatch.setattr(dateparser, "parse", fake)
    assert parse_date("eergisteren 5", today=TODAY) == ParsedDate(date(2027, 1, 5), "day")
    assert seen["languages"] == ["nl", "en"]
    assert seen["settings"] == {
        "RELATIVE_BASE": datetime.datetime(2026, 11, 22, 0, 0),
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def test_dateparser_far_off_years_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime

    import dateparser

    monkeypatch.setattr(dateparser, "parse", lambda *args, **kwargs: datetime.datetime(2114, 3, 15))
    assert parse_date("ergens 14 of zo", today=TODAY) is None


def test_dateparser_exceptions_are_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("dateparser exploded")

    monkeypatch.setattr(dateparser, "parse", boom)
    assert parse_date("gisteren", today=TODAY) is None


def test_import_is_cheap_and_telegram_free() -> None:
    # dateparser is slow to import and must only load when the fallback needs it.
    # Loaded by path so the check does not depend on what flows/__init__.py imports.
    root = Path(__file__).resolve().parent.parent
    code = (
        "import sys, importlib.util\n"
        "spec = importlib.util.spec_from_file_location('dates', sys.argv[1])\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "sys.modules['dates'] = module\n"
        "spec.loader.exec_module(module)\n"
        "print('dateparser' in sys.modules, 'telegram' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(root / "flows" / "dates.py")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "False"]


def test_parsed_date_is_frozen() -> None:
    parsed = ParsedDate(date(2027, 3, 15), "day")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.value = date(2027, 3, 16)  # type: ignore[misc]


def test_precision_values() -> None:
    assert set(get_args(Precision)) == {"day", "week", "month", "quarter", "year"}
    results = {parse_date(text, today=TODAY) for text, _, _ in CASES}
    assert {r.precision for r in results if r is not None} == set(get_args(Precision))


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (date(2026, 11, 27), "nl", "vrijdag 27 november 2026"),
        (date(2026, 11, 27), "en", "Friday 27 November 2026"),
        (date(2027, 3, 1), "nl", "maandag 1 maart 2027"),
        (date(2027, 3, 1), "en", "Monday 1 March 2027"),
        (date(2027, 3, 1), "nl-BE", "maandag 1 maart 2027"),
        (date(2027, 3, 1), "en_GB", "Monday 1 March 2027"),
        (date(2027, 3, 1), "EN", "Monday 1 March 2027"),
        (date(2027, 3, 1), "fr", "maandag 1 maart 2027"),  # unknown: the bot's Dutch
    ],
)
def test_format_date(value: date, lang: str, expected: str) -> None:
    assert format_date(value, lang) == expected


def test_parse_then_format_round_trip() -> None:
    parsed = parse_date("volgende vrijdag", today=TODAY)
    assert parsed is not None
    assert format_date(parsed.value, "nl") == "vrijdag 27 november 2026"
    assert format_date(parsed.value, "en") == "Friday 27 November 2026"


def test_stored_dates_are_read_back_or_refused_quietly() -> None:
    assert stored_date("2027-06-30") == date(2027, 6, 30)
    assert stored_date(date(2027, 6, 30)) == date(2027, 6, 30)
    for unreadable in (None, "", "eind juni", "2027-02-30", "30/06/2027"):
        assert stored_date(unreadable) is None
