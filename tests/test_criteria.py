"""Reading test-card criteria and results as numbers, and the verdict the bot proposes."""

from __future__ import annotations

import pytest

from flows.criteria import Verdict, is_concrete, propose, read_measure


@pytest.mark.parametrize(
    ("criteria", "result", "verdict"),
    [
        ("minstens 6 van de 10 geïnterviewden zeggen dat", "7 van de 10 zien het", "validated"),
        ("minstens 6 van de 10", "6/10", "validated"),
        ("minstens 6 van de 10", "4 op 10", "not_validated"),
        ("minstens 60%", "zeven van de tien", "validated"),
        ("meer dan de helft", "5 van de 10", "not_validated"),  # exactly half is not more
        ("meer dan de helft", "6 van de 10", "validated"),
        ("minstens 20 voorinschrijvingen", "23 voorinschrijvingen", "validated"),
        ("minstens 20 voorinschrijvingen", "12 voorinschrijvingen", "not_validated"),
        ("maximaal 2 van de 10 haken af", "3 van de 10 haakten af", "not_validated"),
        ("at least six of the ten", "seven out of ten", "validated"),
        ("minstens 6 van de 10", "de meesten waren enthousiast", "unclear"),
        ("minstens 6 van de 10", "23 reacties", "unclear"),  # a count is not a share
        ("als mensen het leuk vinden", "7 van de 10", "unclear"),
    ],
)
def test_a_result_is_compared_with_the_criteria(criteria: str, result: str, verdict: str) -> None:
    assert propose(criteria, result).verdict == Verdict(verdict)


def test_the_comparison_shows_both_numbers() -> None:
    proposal = propose("minstens 6 van de 10", "7 van de 10")
    assert proposal.observed is not None and proposal.wanted is not None
    assert (proposal.observed.show(), proposal.wanted.show(), proposal.wanted.op) == (
        "70%",
        "60%",
        ">=",
    )


@pytest.mark.parametrize(
    ("text", "concrete"),
    [
        ("minstens 6 van de 10 zeggen dat", True),
        ("minstens twintig voorinschrijvingen", True),
        ("meer dan de helft", True),
        ("60% klikt door", True),
        ("als mensen het interessant vinden", False),
        ("een meerwaarde zien", False),  # "een" is the article, not a number
        ("at least a few say so", False),
    ],
)
def test_criteria_must_name_something_countable(text: str, concrete: bool) -> None:
    assert is_concrete(text) is concrete


def test_a_ratio_larger_than_its_whole_is_not_a_share() -> None:
    measure = read_measure("12 van de 10")
    assert measure is None or not measure.share
