"""Unit tests of flows/inputs.py: what a typed answer becomes for each input kind, or why not."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from flows.dates import parse_date
from flows.inputs import (
    MAX_LIST_ITEMS,
    Problem,
    match_option,
    parse_answer,
    parse_choice,
    parse_date_answer,
    parse_list,
    parse_multi,
    parse_number,
    parse_scale,
    parse_text,
    to_number,
)
from flows.model import Kind, Option, Step

# A Sunday, like the engine tests' clock (22 November 2026).
TODAY = date(2026, 11, 22)

TEXT = Step(id="note", kind=Kind.TEXT, text="t", max_length=1000)
LIST = Step(id="names", kind=Kind.LIST, text="t", max_length=200)
LEVELS = (
    Option("low", "level-low"),
    Option("medium", "level-medium"),
    Option("high", "level-high"),
)
LEVEL_LABELS = {"low": "laag", "medium": "midden", "high": "hoog"}
CHOICE = Step(id="power", kind=Kind.CHOICE, text="t", options=LEVELS)
STRATEGIES = (
    Option("keep_informed", "strategy-keep_informed"),
    Option("observe", "strategy-observe"),
)
STRATEGY_LABELS = {"keep_informed": "Houd geïnformeerd", "observe": "Observeer"}
FRACTIONS = (Option("glass", "f-glass"), Option("paper", "f-paper"), Option("textile", "f-textile"))
FRACTION_LABELS = {"glass": "Glas", "paper": "Papier", "textile": "Textiel"}
MULTI = Step(id="fractions", kind=Kind.MULTI, text="t", options=FRACTIONS)
NUMBER = Step(id="tonnes", kind=Kind.NUMBER, text="t")
BOUNDED = Step(id="share", kind=Kind.NUMBER, text="t", minimum=0, maximum=100)
SCALE = Step(id="score", kind=Kind.SCALE, text="t", minimum=1, maximum=5)
DATE = Step(id="deadline", kind=Kind.DATE, text="t")
FUTURE = Step(id="deadline", kind=Kind.DATE, text="t", future=True)


def key_of(result: Any) -> str:
    """The message key of a Problem (fails the test when the answer was accepted)."""
    assert isinstance(result, Problem), f"expected a problem, got {result!r}"
    return result.key


# ---------------------------------------------------------------------------------------------
# text


def test_text_is_trimmed_and_kept() -> None:
    assert parse_text("  Kringwinkel Gent \n", TEXT) == "Kringwinkel Gent"


@pytest.mark.parametrize("typed", ["", " ", "\n\t  \n", "\u00a0"])
def test_text_empty_or_whitespace_is_refused(typed: str) -> None:
    assert key_of(parse_text(typed, TEXT)) == "input-empty"


def test_text_of_ten_thousand_characters_is_too_long_and_says_how_long() -> None:
    result = parse_text("x" * 10_000, TEXT)
    assert key_of(result) == "input-too-long"
    assert isinstance(result, Problem)
    assert result.args == {"max": 1000, "length": 10_000}


def test_text_exactly_at_the_limit_is_accepted_one_more_is_not() -> None:
    assert parse_text("y" * 1000, TEXT) == "y" * 1000
    assert key_of(parse_text("y" * 1001, TEXT)) == "input-too-long"


@pytest.mark.parametrize(
    "typed",
    [
        "♻️ Repair Café 👩‍🔧🇧🇪",
        "<b>x</b>",
        "<script>alert('hi')</script>",
        "Tom &amp; Jerry & co < 5 > 3",
        "*niet vet* _niet cursief_ `code`",
    ],
)
def test_text_keeps_emoji_html_and_markup_verbatim(typed: str) -> None:
    assert parse_text(typed, TEXT) == typed


# ---------------------------------------------------------------------------------------------
# list


def test_list_one_item_per_line() -> None:
    assert parse_list("Kringwinkel\nIVAGO\nSchepen van milieu", LIST) == [
        "Kringwinkel",
        "IVAGO",
        "Schepen van milieu",
    ]


def test_list_drops_bullets_and_numbering() -> None:
    typed = "- Kringwinkel\n* IVAGO\n• Burgers\n1. Schepen\n2) Start-ups\n10. Kennisinstellingen"
    assert parse_list(typed, LIST) == [
        "Kringwinkel",
        "IVAGO",
        "Burgers",
        "Schepen",
        "Start-ups",
        "Kennisinstellingen",
    ]


def test_list_keeps_numbers_and_dashes_that_are_part_of_a_name() -> None:
    assert parse_list("3M Belgium\nStart-ups\n2030 Platform", LIST) == [
        "3M Belgium",
        "Start-ups",
        "2030 Platform",
    ]


def test_list_folds_duplicates_case_and_accent_insensitively_keeping_the_first() -> None:
    typed = "Café De Zwaan\ncafe de zwaan\nCAFÉ DE ZWAAN\n- Café de Zwaan\nIVAGO\nivago"
    assert parse_list(typed, LIST) == ["Café De Zwaan", "IVAGO"]


def test_list_ignores_blank_lines_and_surrounding_spaces() -> None:
    assert parse_list("\n\n  Kringwinkel  \n\n\t\nIVAGO\n\n", LIST) == ["Kringwinkel", "IVAGO"]


@pytest.mark.parametrize("typed", ["", "\n\n", "  \n - \n", "\t\n  \n"])
def test_list_without_items_is_refused(typed: str) -> None:
    assert key_of(parse_list(typed, LIST)) == "input-empty-list"


def test_list_line_holding_only_a_bullet_is_not_an_item() -> None:
    # Telegram trims the message, so a dangling bullet arrives without a space after it.
    assert parse_list("Kringwinkel\n-\n•\n*\n2.", LIST) == ["Kringwinkel"]


def test_list_at_most_max_items_per_message() -> None:
    exactly = "\n".join(f"Partner {n}" for n in range(MAX_LIST_ITEMS))
    assert len(parse_list(exactly, LIST)) == MAX_LIST_ITEMS  # type: ignore[arg-type]
    too_many = "\n".join(f"Partner {n}" for n in range(MAX_LIST_ITEMS + 1))
    result = parse_list(too_many, LIST)
    assert key_of(result) == "input-too-many"
    assert isinstance(result, Problem) and result.args == {"max": MAX_LIST_ITEMS}


def test_list_too_long_lines_are_counted() -> None:
    typed = "Kringwinkel\n" + "a" * 201 + "\nIVAGO\n" + "b" * 300
    result = parse_list(typed, LIST)
    assert key_of(result) == "input-line-too-long"
    assert isinstance(result, Problem) and result.args == {"max": 200, "count": 2}


def test_list_keeps_emoji_and_html_verbatim() -> None:
    assert parse_list("<b>x</b>\n♻️ Repair Café\nA &amp; B", LIST) == [
        "<b>x</b>",
        "♻️ Repair Café",
        "A &amp; B",
    ]


def test_list_through_parse_answer_too() -> None:
    assert parse_answer("- a\n- b", LIST, {}, TODAY) == ["a", "b"]


# ---------------------------------------------------------------------------------------------
# choice


@pytest.mark.parametrize(("typed", "value"), [("1", "low"), ("2", "medium"), ("3.", "high")])
def test_choice_by_number(typed: str, value: str) -> None:
    assert parse_choice(typed, CHOICE, LEVEL_LABELS) == value


@pytest.mark.parametrize("typed", ["hoog", "HOOG", " Hoog ", "hoog."])
def test_choice_by_label_case_insensitive(typed: str) -> None:
    assert parse_choice(typed, CHOICE, LEVEL_LABELS) == "high"


@pytest.mark.parametrize("typed", ["houd geinformeerd", "HOUD GEÏNFORMEERD", "Houd geïnformeerd"])
def test_choice_by_label_accent_insensitive(typed: str) -> None:
    step = Step(id="s", kind=Kind.CHOICE, text="t", options=STRATEGIES)
    assert parse_choice(typed, step, STRATEGY_LABELS) == "keep_informed"


def test_choice_by_stored_value() -> None:
    assert parse_choice("medium", CHOICE, LEVEL_LABELS) == "medium"
    assert parse_choice("MEDIUM", CHOICE, LEVEL_LABELS) == "medium"


@pytest.mark.parametrize("typed", ["heel hoog", "0", "4", "-1", "", "hoo", "hoog laag", "99999"])
def test_choice_not_offered(typed: str) -> None:
    assert key_of(parse_choice(typed, CHOICE, LEVEL_LABELS)) == "input-not-offered"


def test_match_option_uses_the_labels_given_for_the_language() -> None:
    english = {"low": "low", "medium": "medium", "high": "high"}
    assert match_option("hoog", LEVELS, english) is None
    assert match_option("High", LEVELS, english) == "high"


# ---------------------------------------------------------------------------------------------
# multi


@pytest.mark.parametrize(
    "typed",
    ["glas, textiel", "glas;textiel", "glas\ntextiel", "Glas ,  TEXTIEL", "1, 3", "glass; 3"],
)
def test_multi_separated_by_commas_semicolons_or_lines(typed: str) -> None:
    assert parse_multi(typed, MULTI, FRACTION_LABELS) == ["glass", "textile"]


def test_multi_keeps_the_typed_order_and_folds_repeats() -> None:
    assert parse_multi("textiel, glas, Textiel, 3", MULTI, FRACTION_LABELS) == [
        "textile",
        "glass",
    ]


def test_multi_one_unknown_part_refuses_all() -> None:
    assert key_of(parse_multi("glas, hout", MULTI, FRACTION_LABELS)) == "input-not-offered"


@pytest.mark.parametrize("typed", ["", ",", " ; ,\n"])
def test_multi_nothing_chosen(typed: str) -> None:
    assert key_of(parse_multi(typed, MULTI, FRACTION_LABELS)) == "input-empty"


# ---------------------------------------------------------------------------------------------
# number


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.234,5", 1234.5),  # Flemish: dot for thousands, comma for decimals
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("0.75", 0.75),
        ("0,75", 0.75),
        ("45%", 45),
        ("12,5 %", 12.5),
        ("€ 1.500", 1500),
        ("€1.500,50", 1500.5),
        ("1.500 €", 1500),
        ("1 500", 1500),
        ("1\u00a0500,25", 1500.25),
        ("1.234.567", 1234567),
        ("1,234.5", 1234.5),  # English: comma for thousands, dot for decimals
        ("-3", -3),
        ("+7", 7),
        ("42", 42),
    ],
)
def test_number_flemish_and_english_notation(typed: str, value: float) -> None:
    assert parse_number(typed, NUMBER) == pytest.approx(value)


def test_number_whole_values_come_back_as_int() -> None:
    result = parse_number("1.500", NUMBER)
    assert result == 1500 and isinstance(result, int)
    half = parse_number("2,5", NUMBER)
    assert half == 2.5 and isinstance(half, float)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "  ",
        "veel",
        "twaalf",
        "12abc",
        "1.5.2020",
        "€",
        "%",
        "1e5",
        "nan",
        "inf",
        "12,,5",
        "--3",
    ],
)
def test_number_garbage_is_refused(typed: str) -> None:
    assert key_of(parse_number(typed, NUMBER)) == "input-not-a-number"


def test_number_with_several_commas_is_english_thousands_not_a_decimal() -> None:
    # "1,234,567" can never be a Flemish decimal comma (there are two commas); read as
    # 1234.567 a typo would silently store a number a thousand times too small.
    assert to_number("1,234,567") == 1234567


@pytest.mark.parametrize("typed", ["1" * 400, "9" * 10_000])
def test_number_too_big_to_represent_is_refused_not_infinite(typed: str) -> None:
    # float("9" * 400) is inf: it must not be accepted (JSON cannot even store it).
    result = parse_number(typed, NUMBER)
    assert isinstance(result, Problem), f"accepted {result!r}"


def test_number_bounds() -> None:
    assert parse_number("0", BOUNDED) == 0
    assert parse_number("100", BOUNDED) == 100
    assert parse_number("99,5%", BOUNDED) == 99.5
    low = parse_number("-0,5", BOUNDED)
    assert key_of(low) == "input-too-small" and isinstance(low, Problem)
    assert low.args == {"min": "0"}
    high = parse_number("100,5", BOUNDED)
    assert key_of(high) == "input-too-large" and isinstance(high, Problem)
    assert high.args == {"max": "100"}


def test_number_fractional_bounds_are_shown_as_given() -> None:
    step = Step(id="r", kind=Kind.NUMBER, text="t", minimum=0.5, maximum=2.5)
    result = parse_number("0,25", step)
    assert isinstance(result, Problem) and result.args == {"min": "0.5"}


# ---------------------------------------------------------------------------------------------
# scale


@pytest.mark.parametrize(("typed", "value"), [("1", 1), ("3", 3), (" 5 ", 5), ("4,0", 4)])
def test_scale_whole_numbers_in_range(typed: str, value: int) -> None:
    result = parse_scale(typed, SCALE)
    assert result == value and isinstance(result, int)


@pytest.mark.parametrize("typed", ["0", "6", "3,5", "2.5", "drie", "", "-1", "100%"])
def test_scale_outside_or_not_whole_is_refused_with_the_range(typed: str) -> None:
    result = parse_scale(typed, SCALE)
    assert key_of(result) == "input-scale"
    assert isinstance(result, Problem) and result.args == {"min": "1", "max": "5"}


def test_scale_uses_the_steps_own_range_even_from_zero() -> None:
    step = Step(id="s", kind=Kind.SCALE, text="t", minimum=0, maximum=10)
    assert parse_scale("0", step) == 0
    assert parse_scale("10", step) == 10
    result = parse_scale("11", step)
    assert isinstance(result, Problem) and result.args == {"min": "0", "max": "10"}


# ---------------------------------------------------------------------------------------------
# date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("eind juni", date(2027, 6, 30)),
        ("15/3", date(2027, 3, 15)),
        ("volgende vrijdag", date(2026, 11, 27)),
        ("end of June", date(2027, 6, 30)),
        ("22/11", TODAY),
    ],
)
def test_date_is_stored_as_iso_text(typed: str, expected: date) -> None:
    parsed = parse_date(typed, today=TODAY)
    assert parsed is not None and parsed.value == expected
    assert parse_date_answer(typed, DATE, TODAY) == expected.isoformat()
    assert parse_date_answer(typed, FUTURE, TODAY) == expected.isoformat()


@pytest.mark.parametrize("typed", ["gisteren", "15/3/2026", "1 januari 2020", "yesterday"])
def test_date_in_the_past_is_refused_only_when_the_step_wants_the_future(typed: str) -> None:
    parsed = parse_date(typed, today=TODAY)
    assert parsed is not None and parsed.value < TODAY
    result = parse_date_answer(typed, FUTURE, TODAY)
    assert key_of(result) == "input-date-past"
    assert isinstance(result, Problem) and result.args == {"date": parsed.value}
    assert parse_date_answer(typed, DATE, TODAY) == parsed.value.isoformat()


def test_date_today_counts_as_future() -> None:
    assert parse_date_answer("vandaag", FUTURE, TODAY) == TODAY.isoformat()
    tomorrow = TODAY + timedelta(days=1)
    assert parse_date_answer("morgen", FUTURE, TODAY) == tomorrow.isoformat()


@pytest.mark.parametrize("typed", ["", "ooit", "als het past", "x" * 10_000, "<b>15/3</b>?!"])
def test_date_not_understood(typed: str) -> None:
    assert key_of(parse_date_answer(typed, DATE, TODAY)) == "input-not-a-date"


# ---------------------------------------------------------------------------------------------
# dispatch


@pytest.mark.parametrize(
    ("step", "typed", "expected"),
    [
        (TEXT, " hallo ", "hallo"),
        (CHOICE, "2", "medium"),
        (MULTI, "1;2", ["glass", "paper"]),
        (NUMBER, "12,5", 12.5),
        (SCALE, "4", 4),
        (DATE, "15/3", "2027-03-15"),
    ],
)
def test_parse_answer_dispatches_on_kind(step: Step, typed: str, expected: Any) -> None:
    labels = {**LEVEL_LABELS, **FRACTION_LABELS}
    assert parse_answer(typed, step, labels, TODAY) == expected
