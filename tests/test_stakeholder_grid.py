"""The stakeholder management grid gives exactly METHOD.md's strategy for every combination."""

from __future__ import annotations

import pytest

from flows.tools.stakeholders import Strategy, strategy_for

EXPECTED = {
    ("high", "low"): Strategy.OBSERVE,
    ("high", "medium"): Strategy.KEEP_SATISFIED,
    ("high", "high"): Strategy.MANAGE_CLOSELY,
    ("medium", "low"): Strategy.KEEP_INVOLVED,
    ("medium", "medium"): Strategy.KEEP_INVOLVED,
    ("medium", "high"): Strategy.KEEP_INVOLVED,
    ("low", "low"): Strategy.NO_FOCUS,
    ("low", "medium"): Strategy.KEEP_INFORMED,
    ("low", "high"): Strategy.KEEP_INFORMED,
}


@pytest.mark.parametrize(("power", "interest"), sorted(EXPECTED))
def test_each_combination_gives_the_guides_strategy(power: str, interest: str) -> None:
    assert strategy_for(power, interest) == EXPECTED[(power, interest)]


def test_dutch_names_are_the_guides() -> None:
    from flows.i18n import Translator

    t = Translator()
    names = {s: t.plain("nl", f"strategy-{s.value}") for s in Strategy}
    assert names == {
        Strategy.OBSERVE: "Observeer",
        Strategy.KEEP_SATISFIED: "Houd tevreden",
        Strategy.MANAGE_CLOSELY: "Continu en actief management",
        Strategy.KEEP_INVOLVED: "Houd betrokken",
        Strategy.KEEP_INFORMED: "Houd geïnformeerd",
        Strategy.NO_FOCUS: "Geen focus",
    }
