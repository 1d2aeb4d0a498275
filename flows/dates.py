"""Understanding and showing deadlines typed by people, in Dutch (Flemish usage) or English.

Teams answer "when?" in many ways: "15/3", "eind juni", "Q3 2026", "volgende vrijdag",
"over 2 weken", "by 2030". `parse_date` turns such an answer into one concrete day plus how
precise the person was, so the bot can store a deadline yet still talk about it the way it
was meant ("eind juni" is a month, not a promise about the 30th).

The parser is deliberately rule-based first: the rules cover the forms people actually use
and are predictable, while `dateparser` is only a guarded fallback because it happily turns
stray words and small numbers into dates.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from babel.dates import format_date as _babel_format_date

Precision = Literal["day", "week", "month", "quarter", "year"]
_Part = Literal["start", "mid", "end"]

__all__ = ["ParsedDate", "Precision", "format_date", "parse_date"]


@dataclass(frozen=True)
class ParsedDate:
    """A concrete day to store, and how precise the person who gave it was."""

    value: datetime.date  # the concrete day we store (a deadline)
    precision: Precision  # how precise the user was


# Longer input is a message, not a date; capping also bounds the regex and dateparser work.
MAX_LENGTH = 100

# How many years ahead we look for "the next occurrence": 8 covers 29 February after a
# century year that is not a leap year (e.g. 2096 -> 2104).
_YEARS_AHEAD = 9

_MIN_YEAR = 1900
_MAX_YEAR = 2199

_MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "febr": 2, "feb": 2,
    "maart": 3, "march": 3, "mrt": 3, "maa": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_WEEKDAYS: dict[str, int] = {
    "maandag": 0, "monday": 0, "mon": 0,
    "dinsdag": 1, "tuesday": 1, "tues": 1, "tue": 1,
    "woensdag": 2, "wednesday": 2, "wed": 2,
    "donderdag": 3, "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "vrijdag": 4, "friday": 4, "fri": 4,
    "zaterdag": 5, "saturday": 5, "sat": 5,
    "zondag": 6, "sunday": 6, "sun": 6,
}  # fmt: skip

# Dutch two-letter weekday abbreviations ("vr 27/11") double as ordinary words ("do", "zo"),
# so they are only recognised directly in front of an explicit date.
_WEEKDAY_ABBREVIATIONS_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")

_NUMBERS: dict[str, int] = {
    "een": 1, "one": 1, "a": 1, "an": 1,
    "twee": 2, "two": 2,
    "drie": 3, "three": 3,
    "vier": 4, "four": 4,
    "vijf": 5, "five": 5,
    "zes": 6, "six": 6,
    "zeven": 7, "seven": 7,
    "acht": 8, "eight": 8,
    "negen": 9, "nine": 9,
    "tien": 10, "ten": 10,
    "elf": 11, "eleven": 11,
    "twaalf": 12, "twelve": 12,
    # "binnen de veertien dagen" is everyday Flemish for "within a fortnight".
    "veertien": 14, "fourteen": 14,
    "twintig": 20, "twenty": 20,
    "dertig": 30, "thirty": 30,
}  # fmt: skip

_RELATIVE_DAYS: dict[str, int] = {
    "vandaag": 0, "today": 0, "vanavond": 0, "tonight": 0,
    "morgen": 1, "tomorrow": 1,
    "overmorgen": 2, "day after tomorrow": 2,
}  # fmt: skip

_QUARTER_ORDINALS: dict[str, int] = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4,
    # "het laatste kwartaal" means Q4; English "last quarter" usually means the previous
    # one, so it is deliberately not understood.
    "laatste": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4,
}  # fmt: skip

_PARTS: dict[str, _Part] = {
    "eind": "end", "einde": "end", "end": "end", "late": "end",
    "begin": "start", "start": "start", "beginning": "start", "early": "start",
    "midden": "mid", "half": "mid", "medio": "mid", "mid": "mid", "middle": "mid",
}  # fmt: skip

# Words that make it plausible a text is about a date, used to decide whether the dateparser
# fallback may even look at it. Short English forms that are also common words (may, mar,
# sat, sun, wed) are left out so "I may be late" never becomes a date.
_DATE_WORDS = frozenset(
    {name for name in _MONTHS if name not in {"may", "mar"}}
    | {name for name in _WEEKDAYS if name not in {"sat", "sun", "wed"}}
    | {"vandaag", "morgen", "overmorgen", "gisteren", "eergisteren", "vanavond"}
    | {"today", "tomorrow", "yesterday", "tonight"}
    | {"dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "kwartaal"}
    | {"day", "days", "weeks", "month", "months", "year", "years", "quarter"}
)


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so a prefix never shadows a longer word."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH_RE = _alternation(_MONTHS)
_WEEKDAY_RE = _alternation(_WEEKDAYS)
_NUMBER_RE = rf"[0-9]{{1,3}}|{_alternation(_NUMBERS)}"
_YEAR_RE = r"[0-9]{4}"
_ORDINAL_SUFFIX = r"(?:ste|de|e|st|nd|rd|th)"

# Leading words that do not change the date ("tegen", "by", "ten laatste op", ...); applied
# repeatedly so combinations like "uiterlijk op" or "by the" fall away too.
_LEADING_FILLER = re.compile(
    r"^(?:ten\s+laatste|uiterlijk|tegen|voor|by|before|on|op|the|de|het|at|aan|ergens"
    r"|sometime|around|rond|omstreeks|deadline|no\s+later\s+than|not\s+later\s+than)\b[\s:,]*"
)
# "vanaf 2025" points at the start of a period instead of its end.
_LEADING_START = re.compile(r"^(?:vanaf|from|since|sinds|starting(?:\s+from)?)\b[\s:,]*")
# "in juni", "in de loop van 2027": only stripped after durations had their chance, since
# "in 3 weeks" needs its "in".
_LEADING_PERIOD = re.compile(
    r"^(?:in\s+de\s+loop\s+van|in\s+the\s+course\s+of|tijdens|during|in)\b\s*"
)
_TRAILING_FILLER = re.compile(
    r"[\s,]+(?:ten\s+laatste|uiterlijk|at\s+the\s+latest|op\s+(?:zijn|z'n)\s+laatst)$"
)
# We store days, so a time of day is noise; left in, it confuses dateparser ("14u" -> year).
_TRAILING_TIME = re.compile(
    r"[\s,]+(?:(?:om|at|rond|around|tegen)\s+)?"
    r"(?:[0-9]{1,2}(?:[:.hu][0-9]{2})?\s*(?:uur|u|h|am|pm)|[0-9]{1,2}:[0-9]{2})$"
)
_EDGE_CHARACTERS = " \t.,!?;:…\"'()[]{}<>*_~-"
_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = frozenset({"Cc", "Cf"})
# "mid-June", "eind-juni", "2026-Q3": a hyphen touching a letter separates words; between
# digits it is a date separator ("15-3") and must stay.
_WORD_HYPHEN = re.compile(r"(?<=[a-z])-|-(?=[a-z])")

_ISO = re.compile(r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})")
_NUMERIC = re.compile(
    r"(?P<d>[0-9]{1,2})\s*(?P<sep>[-/.])\s*(?P<m>[0-9]{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>[0-9]{4}|[0-9]{2}))?"
)
_DAY_MONTH = re.compile(
    rf"(?P<d>[0-9]{{1,2}}){_ORDINAL_SUFFIX}?\.?\s*(?:(?:of|van)\s+)?(?P<m>{_MONTH_RE})\.?"
    rf"(?:,?\s*(?P<y>{_YEAR_RE}))?"
)
_MONTH_DAY = re.compile(
    rf"(?P<m>{_MONTH_RE})\.?\s+(?:the\s+)?(?P<d>[0-9]{{1,2}}){_ORDINAL_SUFFIX}?"
    rf"(?:,?\s+(?P<y>{_YEAR_RE}))?"
)
_LEADING_WEEKDAY = re.compile(
    rf"(?:{_WEEKDAY_RE}|{_alternation(_WEEKDAY_ABBREVIATIONS_NL)})\.?,?\s+(?P<rest>.*)"
)

_NEXT_WEEK = r"(?:volgende|komende|next|coming)\s+week"
_WEEKDAY = re.compile(
    rf"(?:(?:volgende|komende|deze|next|this|coming)\s+)?(?P<wd>{_WEEKDAY_RE})"
    rf"(?:\s+(?P<nw>{_NEXT_WEEK}))?"
    rf"|(?P<nw2>{_NEXT_WEEK})\s+(?P<wd2>{_WEEKDAY_RE})"
)

_DURATION = re.compile(
    rf"(?:(?P<kw>over|binnen|in|within)\s+)?(?:(?P<de>de)\s+)?(?:(?P<n>{_NUMBER_RE})\s+)?"
    r"(?P<unit>dagen|dag|days|day|weken|weeks|week|maanden|maand|months|month"
    r"|jaren|jaar|years|year)(?:\s+(?:tijd|time|from\s+now|van\s+nu))?"
)
_HALF_YEAR = re.compile(
    r"(?:(?:over|binnen|in|within)\s+)?(?:(?:een|a)\s+)?(?:half\s+(?:a\s+)?(?:jaar|year)|halfjaar)"
)

_PART = re.compile(rf"(?P<part>{_alternation(_PARTS)})\s+(?:(?:van|of)\s+)?(?P<rest>.+)")

_THIS = r"(?:deze|dit|de|het|the|this|huidige|lopende|current)"
_NEXT = r"(?:volgende|volgend|komende|komend|next|coming)"
_RELATIVE_PERIOD = re.compile(
    rf"(?:(?P<this>{_THIS})|(?P<next>{_NEXT}))\s+(?P<unit>week|maand|month|jaar|year|kwartaal|quarter)"
)
_MONTH = re.compile(rf"(?P<m>{_MONTH_RE})\.?(?:\s+(?P<y>{_YEAR_RE}))?")
_YEAR = re.compile(rf"(?P<y>{_YEAR_RE})")
_WEEK_NUMBER = re.compile(rf"(?:week|wk)\s*(?P<w>[0-9]{{1,2}})(?:\s+(?P<y>{_YEAR_RE}))?")
_QUARTER = re.compile(
    rf"q(?P<q>[1-4])(?:\s*(?P<y>{_YEAR_RE}))?"
    rf"|(?P<y2>{_YEAR_RE})\s*q(?P<q2>[1-4])"
    rf"|(?P<o>[1-4]{_ORDINAL_SUFFIX}?|{_alternation(_QUARTER_ORDINALS)})\s+(?:kwartaal|quarter)"
    rf"(?:\s+(?:(?:van|of)\s+)?(?P<y3>{_YEAR_RE}))?"
    rf"|(?:kwartaal|quarter)\s+(?P<q4>[1-4])(?:\s+(?P<y4>{_YEAR_RE}))?"
)

_ONLY_NUMBERS = re.compile(r"[0-9\s/.,:\-]*")
_DIGIT = re.compile(r"[0-9]")
_WORD = re.compile(r"[a-z]+")


class _Period(NamedTuple):
    """A stretch of time someone named ("juni", "Q3", "volgende week"), before picking a day."""

    start: datetime.date
    mid: datetime.date
    end: datetime.date
    precision: Precision


def parse_date(text: str, *, today: datetime.date) -> ParsedDate | None:
    """Understand a date written in Dutch (Flemish usage) or English; None if not a date."""
    try:
        if not isinstance(text, str) or len(text.strip()) > MAX_LENGTH:
            return None
        return _parse(text, today)
    except Exception:  # a chat message must never crash the bot; not a date is the answer
        return None


def stored_date(value: object) -> datetime.date | None:
    """A date as the flows store it (ISO text); None when missing or unreadable."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def format_date(value: datetime.date, lang: str) -> str:
    """Format a date for people, e.g. 'vrijdag 27 november 2026' / 'Friday 27 November 2026'."""
    # Accept platform codes like "nl-BE" or "en_GB"; Flemish is the bot's home language.
    code = (lang or "").strip().lower().replace("-", "_").split("_")[0]
    locale = "en_GB" if code == "en" else "nl_BE"
    return str(_babel_format_date(value, format="EEEE d MMMM y", locale=locale))


def _parse(text: str, today: datetime.date) -> ParsedDate | None:
    """Normalise the text, then try the rules from most to least specific."""
    s, from_start = _normalise(text)
    if not s or len(s) > MAX_LENGTH:
        return None
    found = _relative(s, today) or _duration(s, today)
    if found is not None:
        return found
    s = _strip_loop(s, (_LEADING_PERIOD, _LEADING_FILLER))
    if not s:
        return None
    explicit = _explicit(s, today)
    if explicit is not _NO_MATCH:
        return explicit if isinstance(explicit, ParsedDate) else None
    found = _period_date(s, today, from_start)
    if found is not None:
        return found
    weekday = _LEADING_WEEKDAY.fullmatch(s)
    if weekday and _DIGIT.search(weekday["rest"]):
        # "vrijdag 27 november": the explicit date decides; the weekday is decoration.
        rest = _strip_loop(weekday["rest"], (_LEADING_FILLER,))
        explicit = _explicit(rest, today)
        if explicit is not _NO_MATCH:
            return explicit if isinstance(explicit, ParsedDate) else None
    if _ONLY_NUMBERS.fullmatch(s):
        # Bare numbers and broken numeric dates ("12", "12345678", "15/3/202") are not dates,
        # however creatively dateparser would read them.
        return None
    return _fallback(s, today)


def _normalise(text: str) -> tuple[str, bool]:
    """Lower-case, drop accents and fillers; report whether the text said 'from'/'vanaf'."""
    # NFKD + dropping combining marks folds "één" to "een" and full-width digits to ASCII.
    # Control and format characters (zero-width spaces, BOMs, direction marks) arrive from
    # copy-paste and are invisible to the person typing, so they must not spoil a date.
    decomposed = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in decomposed if _visible(c)).lower()
    s = s.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = _WORD_HYPHEN.sub(" ", s)
    s = _WHITESPACE.sub(" ", s).strip(_EDGE_CHARACTERS)
    from_start = False
    while True:
        before = s
        s = _strip_loop(s, (_LEADING_FILLER,))
        start = _LEADING_START.match(s)
        if start:
            from_start = True
            s = s[start.end() :]
        s = _TRAILING_FILLER.sub("", s)
        s = _TRAILING_TIME.sub("", s)
        s = s.strip(_EDGE_CHARACTERS)
        if s == before:
            return s, from_start


def _visible(character: str) -> bool:
    """Whether a character matters: not an accent mark, not an invisible control character."""
    if character.isspace():
        return True  # newlines and tabs separate words like spaces do
    return (
        not unicodedata.combining(character) and unicodedata.category(character) not in _INVISIBLE
    )


def _strip_loop(s: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """Remove leading filler words until none is left."""
    while True:
        before = s
        for pattern in patterns:
            s = pattern.sub("", s, count=1).strip(_EDGE_CHARACTERS)
        if s == before:
            return s


# _explicit distinguishes "not this shape" from "this shape, but no such day" ("31/2"): the
# latter must be None outright rather than handed on to looser rules.
class _NoMatch:
    """Marker: the text does not have the shape of an explicit date."""


_NO_MATCH = _NoMatch()


def _explicit(s: str, today: datetime.date) -> ParsedDate | _NoMatch | None:
    """Day-and-month dates: ISO, 15/3(/2027), 15 maart (2027), March 15, 2027."""
    m = _ISO.fullmatch(s)
    if m:
        return _day(_safe_date(int(m["y"]), int(m["m"]), int(m["d"])))
    m = _NUMERIC.fullmatch(s)
    if m:
        year = m["y"]
        if year is not None and len(year) == 2:
            year = f"20{year}"  # "15/03/27": two-digit years are this century's
        return _day_month(int(m["d"]), int(m["m"]), year, today)
    m = _DAY_MONTH.fullmatch(s) or _MONTH_DAY.fullmatch(s)
    if m:
        return _day_month(int(m["d"]), _MONTHS[m["m"]], m["y"], today)
    return _NO_MATCH


def _day(value: datetime.date | None) -> ParsedDate | None:
    """Wrap a day (if it exists) as a day-precise result."""
    return ParsedDate(value, "day") if value is not None else None


def _day_month(day: int, month: int, year: str | None, today: datetime.date) -> ParsedDate | None:
    """A day and month, with the given year or else the next occurrence on or after today."""
    if year is not None:
        return _day(_safe_date(int(year), month, day))
    for candidate_year in range(today.year, today.year + _YEARS_AHEAD):
        candidate = _safe_date(candidate_year, month, day)
        if candidate is not None and candidate >= today:
            return _day(candidate)
    return None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    """The date, or None when no such day exists (31/2, 32 maart, month 13)."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _relative(s: str, today: datetime.date) -> ParsedDate | None:
    """Today/tomorrow, weekday names and 'volgende week'."""
    if s in _RELATIVE_DAYS:
        return ParsedDate(today + datetime.timedelta(days=_RELATIVE_DAYS[s]), "day")
    m = _WEEKDAY.fullmatch(s)
    if m:
        weekday = _WEEKDAYS[m["wd"] or m["wd2"]]
        if m["nw"] or m["nw2"]:
            # "vrijdag volgende week" names a day in next calendar week, which is not always
            # the first Friday after today (on a Wednesday it is nine days away).
            return ParsedDate(_monday(today) + datetime.timedelta(days=7 + weekday), "day")
        # Strictly after today: saying "vrijdag" on a Friday means the coming one.
        ahead = (weekday - today.weekday() - 1) % 7 + 1
        return ParsedDate(today + datetime.timedelta(days=ahead), "day")
    return None


def _duration(s: str, today: datetime.date) -> ParsedDate | None:
    """'over 2 weken', 'binnen de drie dagen', 'in 3 weeks', 'within 10 days': today + that."""
    if _HALF_YEAR.fullmatch(s):
        return ParsedDate(_add_months(today, 6), "month")
    m = _DURATION.fullmatch(s)
    if not m:
        return None
    keyword, article, number = m["kw"], m["de"], m["n"]
    if article and keyword != "binnen":
        return None  # only Flemish "binnen de (drie) weken" puts an article here
    if number is None and not article:
        return None  # "week" or "in week" says nothing about how long
    count = 1 if number is None else int(number) if number.isdigit() else _NUMBERS[number]
    unit = m["unit"]
    if unit.startswith(("dag", "day")):
        return ParsedDate(today + datetime.timedelta(days=count), "day")
    if unit.startswith("we"):
        return ParsedDate(today + datetime.timedelta(weeks=count), "week")
    if unit.startswith(("maand", "month")):
        return ParsedDate(_add_months(today, count), "month")
    return ParsedDate(_add_months(today, 12 * count), "year")


def _add_months(value: datetime.date, months: int) -> datetime.date:
    """Shift by whole months, clamping to the month's last day (31 Jan + 1 month = 28 Feb)."""
    year, month_index = divmod(value.month - 1 + months, 12)
    year += value.year
    return value.replace(
        year=year, month=month_index + 1, day=min(value.day, _last_day(year, month_index + 1))
    )


def _last_day(year: int, month: int) -> int:
    """Number of days in a month."""
    return calendar.monthrange(year, month)[1]


def _monday(value: datetime.date) -> datetime.date:
    """Monday of the week the day falls in."""
    return value - datetime.timedelta(days=value.weekday())


def _period_date(s: str, today: datetime.date, from_start: bool) -> ParsedDate | None:
    """Named periods with an optional part: 'eind juni', 'Q3 2026', 'begin 2027', 'juni'."""
    # A bare period is a deadline, so its end; "vanaf juni" is when it starts.
    part: _Part = "start" if from_start else "end"
    m = _PART.fullmatch(s)
    period = _period(m["rest"], today) if m else None
    if m and period is not None:
        part = _PARTS[m["part"]]
    else:
        period = _period(s, today)
    if period is None:
        return None
    value = {"start": period.start, "mid": period.mid, "end": period.end}[part]
    return ParsedDate(value, period.precision)


def _period(s: str, today: datetime.date) -> _Period | None:
    """The period a phrase names; without a year, the next one whose end is not yet past."""
    m = _RELATIVE_PERIOD.fullmatch(s)
    if m:
        return _relative_period(m["unit"], 1 if m["next"] else 0, today)
    m = _MONTH.fullmatch(s)
    if m:
        month = _MONTHS[m["m"]]
        return _in_year(m["y"], today, lambda y: _month_period(y, month))
    m = _YEAR.fullmatch(s)
    if m:
        return _in_year(m["y"], today, _year_period)
    m = _QUARTER.fullmatch(s)
    if m:
        quarter = _quarter_number(m)
        year = m["y"] or m["y2"] or m["y3"] or m["y4"]
        return _in_year(year, today, lambda y: _quarter_period(y, quarter))
    m = _WEEK_NUMBER.fullmatch(s)
    if m:
        week = int(m["w"])
        return _in_year(m["y"], today, lambda y: _iso_week_period(y, week))
    return None


def _quarter_number(m: re.Match[str]) -> int:
    """The quarter (1-4) from whichever alternative of _QUARTER matched."""
    digit = m["q"] or m["q2"] or m["q4"]
    if digit:
        return int(digit)
    ordinal: str = m["o"]
    return _QUARTER_ORDINALS.get(ordinal) or int(ordinal[0])


def _in_year(
    year: str | None, today: datetime.date, build: Callable[[int], _Period | None]
) -> _Period | None:
    """Build the period for the given year, or for the first year where it has not ended."""
    if year is not None:
        return build(int(year)) if _MIN_YEAR <= int(year) <= _MAX_YEAR else None
    # "begin november" on 22 November still means this November, even though its first day
    # is past: we judge a vague period by its end and leave 'is it in the future' to the caller.
    for candidate_year in range(today.year, today.year + _YEARS_AHEAD):
        period = build(candidate_year)
        if period is not None and period.end >= today:
            return period
    return None


def _month_period(year: int, month: int) -> _Period:
    """A calendar month; its middle is the 15th."""
    return _Period(
        datetime.date(year, month, 1),
        datetime.date(year, month, 15),
        datetime.date(year, month, _last_day(year, month)),
        "month",
    )


def _year_period(year: int) -> _Period:
    """A calendar year; its middle is 30 June, the end of the first half."""
    return _Period(
        datetime.date(year, 1, 1), datetime.date(year, 6, 30), datetime.date(year, 12, 31), "year"
    )


def _quarter_period(year: int, quarter: int) -> _Period:
    """A calendar quarter; its middle is the 15th of its middle month."""
    last_month = 3 * quarter
    return _Period(
        datetime.date(year, last_month - 2, 1),
        datetime.date(year, last_month - 1, 15),
        datetime.date(year, last_month, _last_day(year, last_month)),
        "quarter",
    )


def _week_period(monday: datetime.date) -> _Period:
    """A working week: a week's deadline is its Friday, its middle the Wednesday."""
    return _Period(
        monday, monday + datetime.timedelta(days=2), monday + datetime.timedelta(days=4), "week"
    )


def _iso_week_period(year: int, week: int) -> _Period | None:
    """ISO week 'week 12' (common in Belgian planning), or None if the year has no such week."""
    try:
        return _week_period(datetime.date.fromisocalendar(year, week, 1))
    except ValueError:
        return None


def _relative_period(unit: str, offset: int, today: datetime.date) -> _Period:
    """This or next week/month/quarter/year, counted from today."""
    if unit == "week":
        monday = _monday(today) + datetime.timedelta(weeks=offset)
        if offset == 0 and today.weekday() >= 5:
            # On a weekend this week's Friday is gone; "deze week" then means the coming one.
            monday += datetime.timedelta(weeks=1)
        return _week_period(monday)
    if unit in ("maand", "month"):
        first = _add_months(today.replace(day=1), offset)
        return _month_period(first.year, first.month)
    if unit in ("kwartaal", "quarter"):
        index = (today.month - 1) // 3 + offset
        return _quarter_period(today.year + index // 4, index % 4 + 1)
    return _year_period(today.year + offset)


def _fallback(s: str, today: datetime.date) -> ParsedDate | None:
    """Let dateparser try what the rules did not cover, but only text that smells of a date."""
    has_digit = _DIGIT.search(s) is not None
    has_date_word = any(word in _DATE_WORDS for word in _WORD.findall(s))
    if not (has_digit or has_date_word):
        # dateparser reads names and greetings as dates surprisingly often.
        return None
    # Imported here: dateparser is slow to import and only needed for the odd leftover.
    import dateparser

    parsed = dateparser.parse(
        s,
        languages=["nl", "en"],
        settings={
            "RELATIVE_BASE": datetime.datetime.combine(today, datetime.time()),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "DMY",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if not isinstance(parsed, datetime.datetime):
        return None
    value = parsed.date()
    # dateparser sometimes reads stray numbers as far-off years ("14u" -> 2114).
    if abs(value.year - today.year) > 50:
        return None
    return ParsedDate(value, "day")
