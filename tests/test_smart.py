"""The SMART check on Dutch and English goal statements, good and bad."""

from __future__ import annotations

import datetime

import pytest

from flows.smart import Element, check_smart

TODAY = datetime.date(2026, 12, 1)
S, M, A, R, T = (
    Element.SPECIFIC,
    Element.MEASURABLE,
    Element.ACCEPTABLE,
    Element.REALISTIC,
    Element.TIME_BOUND,
)

# (statement, the elements the check must find missing)
CASES: list[tuple[str, set[Element]]] = [
    # The guide's worked example (METHOD.md, Figuur 9) is a complete SMART goal.
    (
        "Vanaf 2025 past de gemeente zelf circulaire principes toe in al haar nieuwbouwprojecten",
        set(),
    ),
    # Complete goals, Dutch
    (
        "Tegen 2030 halveert de gemeente het restafval van haar eigen diensten via een nieuw "
        "aankoopbeleid",
        set(),
    ),
    (
        "Tegen eind 2027 organiseert de stad samen met de kringwinkel 12 repaircafés per jaar "
        "met een budget van 15.000 euro",
        set(),
    ),
    (
        "Vanaf september 2026 serveert de dienst onderwijs in alle gemeentescholen 80% lokale "
        "voeding dankzij een nieuwe aanbesteding",
        set(),
    ),
    (
        "Binnen twee jaar hergebruikt de technische dienst 50 procent van de vrijgekomen "
        "bouwmaterialen uit eigen werven",
        set(),
    ),
    (
        "Tegen Q4 2027 delen 30 bedrijven op het bedrijventerrein reststromen, in "
        "samenwerking met de intercommunale en met subsidie van Vlaanderen",
        set(),
    ),
    (
        "Eind juni 2027 heeft de milieudienst via 2 voltijdse medewerkers 500 gezinnen "
        "begeleid bij thuiscomposteren",
        set(),
    ),
    # Complete goals, English
    (
        "By Q3 2026 the city runs 3 repair cafés in its libraries with a budget of 20,000 euro",
        set(),
    ),
    (
        "By 2030 the municipality halves food waste in all school canteens through a training "
        "programme for kitchen staff",
        set(),
    ),
    (
        "From 2026 the council buys 100% reused office furniture for its own buildings",
        set(),
    ),
    (
        "Within three years the waste department doubles the collection of textile using "
        "20 new containers",
        set(),
    ),
    # One element missing: Time-bound
    (
        "De gemeente halveert het restafval van haar eigen diensten via een nieuw aankoopbeleid",
        {T},
    ),
    ("The city runs 3 repair cafés in its libraries with a budget of 20,000 euro", {T}),
    ("De stad zet via een opleiding 10 werven om naar circulair slopen", {T}),
    # One element missing: Measurable
    (
        "Tegen 2030 organiseert de stad samen met de kringwinkel repaircafés met eigen "
        "vrijwilligers",
        {M},
    ),
    (
        "By 2028 the municipality reduces textile waste in schools through a training programme",
        {M},
    ),
    # One element missing: Acceptable
    ("Tegen 2030 wordt 60% van het bouwafval hergebruikt via een materialenbank", {A}),
    ("By 2029, 40% of households compost at home using free bins funded by a grant", {A}),
    # One element missing: Realistic
    ("Tegen 2028 halveert de gemeente het zwerfvuil in het stadspark", {R}),
    ("By the end of 2027 the city doubles the number of shared cargo bikes", {R}),
    # One element missing: Specific
    ("Tegen 2030 is de gemeente voor 100% circulair via een eigen budget", {S}),
    ("By 2030 the municipality becomes 50% more circular with its own budget", {S}),
    # Several elements missing
    ("We willen circulairder worden", {S, M, A, R, T}),
    ("Meer circulaire economie", {S, M, A, R, T}),
    ("Minder afval", {S, M, A, R, T}),
    ("Duurzamer werken in de gemeente", {S, M, R, T}),
    ("We want to become a circular city", {S, M, R, T}),  # "city" carries it
    ("More sustainability", {S, M, A, R, T}),
    ("We may reduce waste", {S, M, A, R, T}),
    ("Minder restafval bij evenementen", {M, A, R, T}),
    ("Minder restafval bij evenementen tegen 2027", {M, A, R}),
    ("Eind juni hebben 20 scholen een waterfontein", {A, R}),
    ("Zero waste events in the town by 2028", {A, R}),
    ("Voedselverlies in woonzorgcentra halveren", {A, R, T}),
    ("Promote repair and reuse among citizens", {M, A, R, T}),
    ("Tegen de zomer meer deelfietsen", {S, M, A, R}),
    ("De gemeente stimuleert hergebruik van bouwmaterialen", {M, R, T}),
    ("Alle evenementen afvalarm tegen 2027", {A, R}),
    ("In 2027 heeft elke deelgemeente een weggeefkast", {A, R}),
    ("The city supports local repair shops", {M, R, T}),
    ("Tegen midden 2028 zijn er 5 ontharde speelplaatsen", {A, R}),
    ("Before 1 March 2027 the mayor signs a green deal on circular procurement", {M, R}),
    ("Voor 15/3/2027 keurt het college een sloopbeleid met sloopinventaris goed", {M, R}),
]


@pytest.mark.parametrize(("statement", "missing"), CASES, ids=[c[0][:40] for c in CASES])
def test_the_check_finds_what_is_missing(statement: str, missing: set[Element]) -> None:
    result = check_smart(statement, today=TODAY)
    assert set(result.missing) == missing, result.found
    assert result.complete == (not missing)


def test_there_are_at_least_forty_statements_in_both_languages() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("statement", "when", "due"),
    [
        ("Tegen 2030 is er een deelplatform", "tegen 2030", datetime.date(2030, 12, 31)),
        ("Vanaf 2025 geldt het sloopbeleid", "vanaf 2025", datetime.date(2025, 1, 1)),
        ("Eind juni staan de containers er", "eind juni", datetime.date(2027, 6, 30)),
        ("We launch by Q3 2026", "by q3 2026", datetime.date(2026, 9, 30)),
        ("Tegen eind 2027 draait het", "tegen eind 2027", datetime.date(2027, 12, 31)),
        ("Binnen twee jaar draait het", "binnen twee jaar", datetime.date(2028, 12, 1)),
        ("Done by the end of 2028", "by the end of 2028", datetime.date(2028, 12, 31)),
        ("Klaar voor 15 maart 2027", "voor 15 maart 2027", datetime.date(2027, 3, 15)),
        ("In het derde kwartaal van 2027 starten we", "in het derde kwartaal van 2027", None),
    ],
)
def test_time_phrases_are_found_with_their_date(
    statement: str, when: str, due: datetime.date | None
) -> None:
    result = check_smart(statement, today=TODAY)
    assert result.when == when
    if due is not None:
        assert result.due == due
    assert Element.TIME_BOUND in result.present


@pytest.mark.parametrize(
    "statement",
    [
        "We may reduce waste at the juni-markt",
        "De meimarkt wordt afvalarm",
        "Een repaircafé in de bib",
    ],
)
def test_words_that_only_look_like_dates_are_not_deadlines(statement: str) -> None:
    assert Element.TIME_BOUND not in check_smart(statement, today=TODAY).present


def test_a_stakeholder_of_the_map_carries_the_goal() -> None:
    goal = "Tegen 2028 haalt IVAGO 40% meer textiel op via 20 nieuwe containers"
    assert Element.ACCEPTABLE in check_smart(goal, today=TODAY).missing
    result = check_smart(goal, today=TODAY, stakeholders=["Kringwinkel Gent", "IVAGO"])
    assert result.complete
    assert result.found[Element.ACCEPTABLE] == "IVAGO"


def test_years_are_not_mistaken_for_a_measure() -> None:
    result = check_smart("Tegen 2030 doet de gemeente iets met textiel", today=TODAY)
    assert Element.MEASURABLE in result.missing
    assert Element.TIME_BOUND in result.present
