"""Menus follow the guide: a project's help and tool buttons list its track's tools in order."""

from __future__ import annotations

from flows.commands import menu_commands
from flows.domain import Track
from flows.engine import Engine
from tests.chat import Person, create_team


def position(text: str, command: str) -> int:
    """Where a command's line starts in a help text (fails when it is missing)."""
    found = text.find(f"\n/{command} ")
    assert found >= 0, f"/{command} missing from:\n{text}"
    return found


async def test_a_strategy_project_sees_the_strategy_tools_in_the_guides_order(
    engine: Engine,
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/help")
    text = an.text
    order = ["stakeholders", "domeinen", "doel", "acties", "actiefiche", "indicatoren", "help"]
    assert [position(text, c) for c in order] == sorted(position(text, c) for c in order)
    assert "/test " not in text and "/legacy " not in text and "/bord " not in text
    labels = [choice.label for choice in an.buttons()]
    assert any("SMART" in label for label in labels)
    assert not any("Legacy" in label or "testkaart" in label for label in labels)


async def test_a_pilot_project_sees_the_pilot_tools(engine: Engine) -> None:
    an = Person(engine, "An")
    await an.say("/nieuwteam")
    await an.say("Gent Circulair")
    await an.say("Deelplatform")
    await an.press("piloot")
    await an.say("/help")
    text = an.text
    order = ["stakeholders", "test", "resultaat", "bord", "legacy", "verbeteren", "rollen"]
    assert [position(text, c) for c in order] == sorted(position(text, c) for c in order)
    assert "/doel " not in text and "/actietabel " not in text
    await an.say("/doel")  # typed anyway, another track's tool still opens
    assert "doel" in an.text.lower()


def test_the_telegram_menu_lists_every_tool_once(engine: Engine) -> None:
    for lang in ("nl", "en"):
        everything = [c for c, _ in menu_commands(engine.translator, engine.registry, lang)]
        assert len(everything) == len(set(everything)) <= 100  # Telegram's limit
        strategy = menu_commands(engine.translator, engine.registry, lang, Track.STRATEGY)
        pilot = menu_commands(engine.translator, engine.registry, lang, Track.PILOT)
        assert set(everything) == {c for c, _ in strategy} | {c for c, _ in pilot}
