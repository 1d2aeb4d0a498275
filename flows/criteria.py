"""Reading a test card's success criteria and a result as numbers, to propose a verdict.

A test card's criteria are fixed before the test runs ("minstens 6 van de 10 geïnterviewden
…"); a result comes in later ("7 van de 10 zagen het zitten"). Where both can be read as a
share ("6 van de 10", "60%") or as a plain count ("minstens 20 voorinschrijvingen"), the bot
compares them and proposes a verdict; otherwise the verdict is "unclear" and the team decides.
Nothing here guesses: text without a readable number never counts as a pass or a fail.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from flows.i18n import fold


class Verdict(StrEnum):
    """The three outcomes of Learn on the progress board."""

    VALIDATED = "validated"
    NOT_VALIDATED = "not_validated"
    UNCLEAR = "unclear"


_WORDS: dict[str, int] = {
    "nul": 0, "zero": 0,
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
    "vijftien": 15, "fifteen": 15,
    "twintig": 20, "twenty": 20,
    "dertig": 30, "thirty": 30,
    "veertig": 40, "forty": 40,
    "vijftig": 50, "fifty": 50,
    "honderd": 100, "hundred": 100,
}  # fmt: skip
# "een"/"one" are left out on purpose: "een" is also the article "a" in Dutch.
_NUMBER_WORD = "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_NUMBER = rf"\d+(?:[.,]\d+)?|{_NUMBER_WORD}"
_RATIO = re.compile(
    rf"\b(?P<count>{_NUMBER})\s*"
    r"(?:/|op\s+de|op|van\s+de|van|out\s+of|of\s+the|of)"
    rf"\s*(?P<total>{_NUMBER})\b"
)
_PERCENT = re.compile(rf"\b(?P<value>{_NUMBER})\s*(?:%|procent|percent|pct)")
_HALF = re.compile(r"\b(?:de\s+helft|half|the\s+majority|de\s+meerderheid|meerderheid|majority)\b")
_COUNT = re.compile(rf"\b(?P<value>{_NUMBER})\b")

# Comparison words before the number; "at least" is how a bare criterion is meant.
_AT_LEAST = r"minstens|minimaal|ten\s+minste|tenminste|at\s+least|minimum|min\.?"
_MORE = r"meer\s+dan|more\s+than|over|boven|above|ruim"
_AT_MOST = (
    r"hoogstens|maximaal|maximum|ten\s+hoogste|at\s+most|max\.?|niet\s+meer\s+dan|no\s+more\s+than"
)
_LESS = r"minder\s+dan|less\s+than|fewer\s+than|onder|below|under"
_OPERATORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b(?:{_AT_MOST})\s*$"), "<="),
    (re.compile(rf"\b(?:{_LESS})\s*$"), "<"),
    (re.compile(rf"\b(?:{_AT_LEAST})\s*$"), ">="),
    (re.compile(rf"\b(?:{_MORE})\s*$"), ">"),
)
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
}
# Evidence a criterion is concrete: a number, a share, or a number word.
_CONCRETE = re.compile(rf"\d|%|\b(?:{_NUMBER_WORD}|helft|half|meerderheid|majority)\b")


@dataclass(frozen=True, slots=True)
class Measure:
    """A number read from text: a share (0..1) or a plain count, with its comparison."""

    value: float
    share: bool  # True: a fraction of a group; False: a count
    op: str = ">="

    def show(self) -> str:
        """How the number reads in a message: 60% or 20."""
        if self.share:
            return f"{round(self.value * 100)}%"
        return str(int(self.value)) if self.value.is_integer() else str(self.value)


def _number(text: str) -> float | None:
    if text in _WORDS:
        return float(_WORDS[text])
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _operator(before: str) -> str:
    for pattern, op in _OPERATORS:
        if pattern.search(before):
            return op
    return ">="


def read_measure(text: str) -> Measure | None:
    """The first share or count in a text, with the comparison word before it, if any."""
    folded = fold(text)
    found: list[tuple[int, Measure]] = []
    for match in _RATIO.finditer(folded):
        count, total = _number(match["count"]), _number(match["total"])
        if count is not None and total and count <= total:
            op = _operator(folded[: match.start()])
            found.append((match.start(), Measure(count / total, True, op)))
            break
    for match in _PERCENT.finditer(folded):
        value = _number(match["value"])
        if value is not None and value <= 100:
            op = _operator(folded[: match.start()])
            found.append((match.start(), Measure(value / 100, True, op)))
            break
    half = _HALF.search(folded)
    if half:
        op = _operator(folded[: half.start()])
        # "more than half" is above 50%; "the majority" likewise means over half.
        strict = op == ">=" and ("meerderheid" in half[0] or "majority" in half[0])
        found.append((half.start(), Measure(0.5, True, ">" if strict else op)))
    if found:
        return min(found, key=lambda pair: pair[0])[1]
    for match in _COUNT.finditer(folded):
        value = _number(match["value"])
        if value is not None:
            return Measure(value, False, _operator(folded[: match.start()]))
    return None


def is_concrete(criteria: str) -> bool:
    """Whether criteria name something countable: a number, a share or a number word."""
    return bool(_CONCRETE.search(fold(criteria)))


@dataclass(frozen=True, slots=True)
class Proposal:
    """The verdict the bot proposes, with the two numbers it compared (when it could)."""

    verdict: Verdict
    observed: Measure | None = None
    wanted: Measure | None = None


def propose(criteria: str, result: str) -> Proposal:
    """Compare a result with the criteria fixed in advance; unclear unless both are numbers."""
    wanted = read_measure(criteria)
    observed = read_measure(result)
    if wanted is None or observed is None or wanted.share != observed.share:
        return Proposal(Verdict.UNCLEAR, observed, wanted)
    passed = _COMPARE[wanted.op](observed.value, wanted.value)
    return Proposal(Verdict.VALIDATED if passed else Verdict.NOT_VALIDATED, observed, wanted)
