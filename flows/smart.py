"""The SMART check of a goal statement (METHOD.md, Phase 2 step 2), in Dutch and English.

The check coaches rather than judges: it only says which of the five elements it can find in
the words of a goal, so the bot can ask a specific question about each missing one. It is
rule-based on purpose: teams write short sentences, the rules are predictable and testable,
and a false "missing" only costs one friendly question that the team may wave away.

- Specific: the goal names what changes, and for whom or where (at least two concrete words
  beyond vague ambitions such as "circulair worden").
- Measurable: a number, a percentage, a share ("de helft", "alle") or an indicator.
- Acceptable: who carries it: the municipality, a department, partners, or a stakeholder from
  the team's map.
- Realistic: the means (budget, people, a programme "via" or "through" something), or the
  actor acting within its own remit ("de gemeente zelf", "our own buildings").
- Time-bound: a year or date ("tegen 2030", "vanaf 2025", "eind juni", "by Q3 2026", "binnen
  twee jaar").
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from flows.dates import parse_date


class Element(StrEnum):
    """The five elements of a SMART goal, in the guide's order."""

    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACCEPTABLE = "acceptable"
    REALISTIC = "realistic"
    TIME_BOUND = "time_bound"


@dataclass(frozen=True, slots=True)
class SmartResult:
    """Which elements a goal statement has, and the time phrase and date it names, if any."""

    present: frozenset[Element]
    when: str | None = None  # the time phrase as written, e.g. "tegen 2030"
    due: datetime.date | None = None  # the day the time phrase stands for
    found: dict[Element, str] = field(default_factory=dict)  # the words that showed an element

    @property
    def missing(self) -> list[Element]:
        """The elements not found, in the guide's order."""
        return [element for element in Element if element not in self.present]

    @property
    def complete(self) -> bool:
        """Whether all five elements were found."""
        return not self.missing


def _words(*groups: str) -> str:
    """A regex alternation of space-separated words, longest first."""
    words = {word.replace("_", " ") for group in groups for word in group.split()}
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTHS = _words(
    "januari februari maart april mei juni juli augustus september oktober november december",
    "january february march april june july august september october november december",
)
_MAY = "may"  # English "may" is also a verb: only a month next to a day or year
_YEAR = r"(?:19|20|21)[0-9]{2}"
_NUMBER_WORD = _words(
    "een twee drie vier vijf zes zeven acht negen tien twaalf",
    "a one two three four five six seven eight nine ten twelve",
)
_PREFIX = _words(
    "tegen ten_laatste_tegen uiterlijk vanaf voor tot sinds in eind einde begin midden medio",
    "tegen_eind tegen_einde tegen_het_einde_van voor_eind tegen_begin tegen_midden eind_van",
    "by from before until till since in end_of by_the_end_of by_end_of the_end_of start_of",
    "early mid late beginning_of middle_of",
)
_UNIT = _words(
    "jaar jaren maand maanden week weken dag dagen legislatuur",
    "year years month months week weeks day days",
)
_TIME_PATTERNS = tuple(
    re.compile(pattern)
    for pattern in (
        # dates first, so "15 maart 2027" is one phrase rather than a month and a year
        rf"\b(?:(?:{_PREFIX})\s+)?[0-9]{{1,2}}[/.-][0-9]{{1,2}}(?:[/.-](?:{_YEAR}|[0-9]{{2}}))?\b",
        rf"\b(?:(?:{_PREFIX})\s+)?[0-9]{{1,2}}\s+(?:{_MONTHS}|{_MAY})(?:\s+{_YEAR})?\b",
        rf"\b(?:(?:{_PREFIX})\s+)?(?:(?:{_PREFIX})\s+)?q[1-4](?:\s+{_YEAR})?\b",
        rf"\b(?:(?:{_PREFIX})\s+)?(?:het\s+|the\s+)?(?:eerste|tweede|derde|vierde|laatste"
        rf"|first|second|third|fourth)\s+(?:kwartaal|quarter)(?:\s+(?:van\s+|of\s+)?{_YEAR})?\b",
        rf"\b(?:(?:{_PREFIX})\s+)?(?:(?:{_PREFIX})\s+)?(?:{_MONTHS})(?:\s+{_YEAR})?\b",
        rf"\b(?:(?:{_PREFIX})\s+)?{_MAY}\s+{_YEAR}\b",
        rf"\b(?:(?:{_PREFIX})\s+)?(?:(?:{_PREFIX})\s+)?{_YEAR}\b",
        rf"\b(?:binnen|over|within|in)\s+(?:de\s+|the\s+next\s+|the\s+coming\s+)?"
        rf"(?:[0-9]{{1,2}}|{_NUMBER_WORD})\s+(?:{_UNIT})\b",
        r"\b(?:tegen|by|voor|before|vanaf|from)\s+(?:volgend|komend|next)\s+(?:jaar|year)\b",
        r"\b(?:tegen|by|voor|before|tegen\s+het\s+einde\s+van|by\s+the\s+end\s+of)\s+"
        r"(?:deze|de|this|the)\s+(?:legislatuur|bestuursperiode|term|legislature)\b",
        r"\b(?:tegen|voor|by|before)\s+(?:de\s+|het\s+|the\s+)?(?:zomer|winter|lente|herfst"
        r"|najaar|voorjaar|summer|spring|autumn)\b",
    )
)
# A month name needs a prefix or a year to be a deadline: "juni" alone in "juni-markt" is not.
_BARE_MONTH = re.compile(rf"(?:{_MONTHS})")

_PERCENT = re.compile(r"[0-9]+(?:[.,][0-9]+)?\s*(?:%|procent|percent|pct)")
_NUMBER = re.compile(r"(?<![a-z])[0-9]+(?:[.,][0-9]+)?(?![a-z0-9])|[0-9]+\s*(?:kg|ton|m2|m²|km)")
_QUANTITY = re.compile(
    r"\b(?:"
    + _words(
        "de_helft halveren halveert halvering verdubbelen verdubbelt verdubbeling een_derde",
        "een_kwart alle al_haar al_zijn al_onze elke iedere ieder elk geen nul",
        "minstens minimaal maximaal ten_minste aantal percentage indicator stijging daling",
        "twee drie vier vijf zes zeven acht negen tien twintig dertig veertig vijftig honderd",
        "duizend half halve halved halve_the double doubled doubling a_third a_quarter_of",
        "all every each no zero at_least at_most minimum maximum number_of share_of rate_of",
        "two three four five six seven eight nine ten twenty thirty forty fifty hundred",
        "thousand",
    )
    + r")\b"
)

_ACTORS = re.compile(
    r"\b(?:"
    + _words(
        "gemeente gemeentebestuur stad stadsbestuur college schepen schepenen burgemeester",
        "gemeenteraad dienst diensten afdeling afdelingen ocmw intercommunale kringwinkel",
        "technische_dienst milieudienst aankoopdienst bouwdienst partners partner",
        "samen_met in_samenwerking_met samenwerking met_steun_van",
        "municipality council city alderman aldermen mayor department departments",
        "together_with in_partnership_with in_cooperation_with partnership",
    )
    + r")\b"
)
_MEANS = re.compile(
    r"(?:€|\beur\b|\beuro\b|\b(?:"
    + _words(
        "via door_middel_van met_behulp_van dankzij budget budgetten middelen subsidie",
        "subsidies fte vte voltijds personeel medewerker medewerkers projectmedewerker",
        "opleiding opleidingen investering investeren investeert",
        "zelf eigen eigenhandig",
        "through by_means_of using funding funded funds grant grants staff employee employees",
        "training investment invest invests own itself ourselves",
        "themselves with_a_budget budgeted",
    )
    + r")\b)"
)
# Words that do not make a goal concrete: grammar, ambition and the actors themselves.
_FILLER_WORDS = """
    de het een en of van in op voor met te tot aan bij uit naar om door als dat die dit deze
    we wij ons onze mijn zij ze hij haar zijn is zijn wordt worden werd zal zullen willen wil
    moet moeten kan kunnen gaan gaat meer minder veel heel zo zoveel mogelijk nog ook er
    circulair circulaire circulairder circulariteit duurzaam duurzame duurzamer duurzaamheid
    economie beter betere goed goede verbeteren stimuleren bevorderen inzetten werken aanpakken
    promoten aandacht focus ambitie ambities streven streeft vooruitgang stappen zetten maken
    transitie nieuwe nieuw algemeen echt sterk sterker zelf eigen hebben heeft past toe doen
    verminderen verhogen verlagen vergroten verkleinen zorgen ervoor
    the a an and or of in on for with to at by from as that this these those it its be is are
    we our us they their will shall want wants should must can could more less much many very
    circular circularity sustainable sustainability economy better good improve promote boost
    foster focus ambition aim aims strive progress steps make become general really strong
    stronger new transition own itself have has apply applies reduce increase lower raise
    ensure make sure becomes becoming
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_WORD = re.compile(r"[a-z€]+(?:['’][a-z]+)?")


def _normalise(text: str) -> str:
    """Lower-case with accents dropped, so "één" and "een" match the same rules."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _time_phrase(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first phrase that names a moment, and where it is in the normalised text."""
    spans: list[tuple[int, int]] = []
    for pattern in _TIME_PATTERNS:
        for match in pattern.finditer(text):
            phrase = match.group(0)
            if _BARE_MONTH.fullmatch(phrase.strip()):
                continue
            spans.append(match.span())
    if not spans:
        return None
    # The longest phrase at the earliest position: "tegen eind 2027" rather than "2027".
    start, end = min(spans, key=lambda span: (span[0], -(span[1] - span[0])))
    return text[start:end], (start, end)


def _all_time_spans(text: str) -> list[tuple[int, int]]:
    """Every stretch of the text that names a moment (years are not quantities)."""
    spans: list[tuple[int, int]] = []
    for pattern in _TIME_PATTERNS:
        spans.extend(
            m.span() for m in pattern.finditer(text) if not _BARE_MONTH.fullmatch(m.group(0))
        )
    return spans


def _without(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the given stretches blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _mentions(text: str, names: Iterable[str]) -> str | None:
    """The first of the names (e.g. stakeholders of the team's map) the text mentions."""
    for name in names:
        folded = _normalise(name).strip()
        if len(folded) >= 3 and re.search(rf"(?<![a-z0-9]){re.escape(folded)}(?![a-z0-9])", text):
            return name
    return None


def check_smart(
    statement: str,
    *,
    today: datetime.date | None = None,
    stakeholders: Iterable[str] = (),
) -> SmartResult:
    """Which SMART elements a goal statement has; stakeholders of the team's map count as
    the people who carry it."""
    text = _normalise(statement)
    found: dict[Element, str] = {}

    time = _time_phrase(text)
    due: datetime.date | None = None
    when: str | None = None
    if time is not None:
        when = time[0].strip()
        found[Element.TIME_BOUND] = when
        parsed = parse_date(when, today=today or datetime.date.today())
        due = parsed.value if parsed else None
    rest = _without(text, _all_time_spans(text))

    measure = _PERCENT.search(rest) or _NUMBER.search(rest) or _QUANTITY.search(rest)
    if measure:
        found[Element.MEASURABLE] = measure.group(0).strip()

    stakeholder = _mentions(text, stakeholders)
    actor = _ACTORS.search(rest)
    if stakeholder:
        found[Element.ACCEPTABLE] = stakeholder
    elif actor:
        found[Element.ACCEPTABLE] = actor.group(0)

    means = _MEANS.search(rest)
    if means:
        found[Element.REALISTIC] = means.group(0)

    # The actors and the means do not say what the goal changes.
    others = [*_ACTORS.finditer(rest), *_MEANS.finditer(rest)]
    concrete = [
        word
        for word in _WORD.findall(_without(rest, [m.span() for m in others]))
        if len(word) >= 4 and word not in _FILLER and not _QUANTITY.fullmatch(word)
    ]
    if len(concrete) >= 2:
        found[Element.SPECIFIC] = " ".join(concrete[:3])

    return SmartResult(present=frozenset(found), when=when, due=due, found=found)
