"""Transcript tests of the stakeholder mapping, through the engine, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from flows import drawing
from flows.engine import Engine
from tests.chat import Person, create_team, invite_code, plain, rate, stakeholders


async def test_full_mapping_with_summary_grouped_by_strategy(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    assert "stap 1 van 6" in an.text
    await an.say("Kringwinkel Gent\n- IVAGO\n• Schepen van milieu\n\n")
    assert "3 toegevoegd" in an.text
    await an.press("Klaar")
    assert "Kringwinkel Gent (1 van 3)" in an.text and "stap 2 van 6" in an.text
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    assert "Continu en actief management" in an.text
    await rate(an, "Extern", "laag", "laag", "Informeren")
    assert "Geen focus" in an.text
    await rate(an, "Intern", "hoog", "midden", "Raadplegen")
    assert "Schepen van milieu → Houd tevreden" in an.text  # feedback on the last one first
    assert "bijgewerkt" in an.text
    summary = next(plain(r.html) for r in an.replies if "Stakeholderkaart — " in plain(r.html))
    # Grouped by strategy, the must-haves first, each with the guide's advice.
    assert summary.index("Continu en actief management") < summary.index("Houd tevreden")
    assert summary.index("Houd tevreden") < summary.index("Geen focus")
    assert "3 stakeholders: 1 intern, 2 extern" in summary
    assert any(r.image is not None and r.image.data.startswith(b"\x89PNG") for r in an.replies)


async def test_resume_after_stop_offers_to_continue_where_left(engine: Engine) -> None:
    an = Person(engine, "An")
    await create_team(an)
    await an.say("/stakeholders")
    await an.say("Kringwinkel\nIVAGO")
    await an.press("Klaar")
    await an.press("Extern")
    await an.press("hoog")
    await an.say("stop")
    assert "gepauzeerd" in an.text
    await an.say("/stakeholders")
    assert "Je was bij stap 4 van 6 van je stakeholderkaart — verder?" in an.text
    await an.press("Verder")
    assert "belang" in an.text.lower() and "Kringwinkel (1 van 2)" in an.text


async def test_two_members_map_together(engine: Engine) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    token = await invite_code(an)
    await bram.say(f"/start {token}")
    assert "Welkom in team" in bram.text
    await an.say("/stakeholders")
    await bram.say("/stakeholders")
    await an.say("Kringwinkel")
    await bram.say("kringwinkel\nIVAGO")
    assert "Stond al op de lijst: kringwinkel (An)" in bram.text
    assert "1 toegevoegd: IVAGO" in bram.text
    await an.press("Klaar")
    assert "(1 van 2)" in an.text


async def test_a_stakeholder_a_teammate_rated_meanwhile_is_skipped(engine: Engine) -> None:
    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await an.say("/stakeholders")
    await an.say("Kringwinkel\nIVAGO")
    await an.press("Klaar")
    await bram.say("/stakeholders")
    await bram.press("Klaar")
    assert "Kringwinkel (1 van 2)" in an.text and "Kringwinkel (1 van 2)" in bram.text
    await rate(bram, "Extern", "hoog", "hoog", "Co-produceren")  # Bram does Kringwinkel
    await rate(bram, "Extern", "laag", "hoog", "Informeren")  # and IVAGO
    await rate(an, "Extern", "hoog", "midden", "Raadplegen")  # An overrides Kringwinkel
    assert "IVAGO werd intussen al ingevuld door Bram" in an.text
    assert "bijgewerkt" in an.text  # An's walk is done: IVAGO was not asked again


async def test_the_same_name_typed_by_two_members_at_once_is_added_once(engine: Engine) -> None:
    import asyncio

    an, bram = Person(engine, "An"), Person(engine, "Bram")
    await create_team(an)
    await bram.say(f"/start {await invite_code(an)}")
    await an.say("/stakeholders")
    await bram.say("/stakeholders")
    for round_ in range(5):
        name = f"Partner {round_}"
        await asyncio.gather(an.say(name), bram.say(name.upper()))
    await an.press("Klaar")
    assert "(1 van 5)" in an.text  # five names, each once


async def test_the_grid_is_drawn_after_the_answers_are_stored(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Drawing takes a while; the event's transaction must not hold the database meanwhile.
    an = Person(engine, "An")
    await create_team(an)
    drawn_with: list[list[str]] = []
    original = drawing.draw

    async def draw_after_commit(function: Callable[..., Any], *args: Any) -> Any:
        # A fresh transaction must see the answers already committed when drawing starts
        # (on SQLite it could not even start while the event's one was open).
        names = await asyncio.wait_for(stakeholders(engine.store, an), 10)
        drawn_with.append(sorted(names.keys()))
        return await original(function, *args)

    monkeypatch.setattr(drawing, "draw", draw_after_commit)
    await an.say("/stakeholders")
    await an.say("IVAGO")
    await an.press("Klaar")
    await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    assert drawn_with == [["IVAGO"]]
    images = [r.image for r in an.replies if r.image is not None]
    assert len(images) == 1 and images[0].data.startswith(b"\x89PNG")
    assert all(r.drawing is None for r in an.replies)  # the engine drew it before returning
