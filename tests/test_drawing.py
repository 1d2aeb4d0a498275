"""Pictures are drawn in a separate process: the bot process never loads matplotlib."""

from __future__ import annotations

import functools
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flows import drawing
from flows.charts import GridPoint, GridText, stakeholder_grid_png
from flows.engine import Engine
from flows.tools.stakeholders import FLOW
from tests.chat import Person, create_team, plain, rate

ROOT = Path(__file__).resolve().parent.parent

TEXT = GridText(
    title="Kringwinkel",
    power_axis="Macht",
    interest_axis="Interesse",
    levels=("laag", "midden", "hoog"),
    cells={("high", "high"): "Co-produceren"},
    empty="Nog niemand",
)
POINTS = [GridPoint("IVAGO", "high", "high"), GridPoint("Schepen", "low", "medium")]


async def test_a_picture_is_drawn_in_another_process() -> None:
    png = await drawing.draw(stakeholder_grid_png, POINTS, TEXT)
    assert png.startswith(b"\x89PNG")
    # One worker draws everything, so the process that answers is the one that drew.
    worker = await drawing.draw(os.getpid)
    assert worker != os.getpid()


async def test_a_killed_worker_is_replaced_and_the_next_picture_arrives(
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker = await drawing.draw(os.getpid)
    os.kill(worker, signal.SIGKILL)
    with caplog.at_level(logging.WARNING, logger="flows.drawing"):
        png = await drawing.draw(stakeholder_grid_png, POINTS, TEXT)
    assert png.startswith(b"\x89PNG")
    assert "the drawing process died" in caplog.text
    replacement = await drawing.draw(os.getpid)
    assert replacement not in (worker, os.getpid())


def test_the_bot_process_never_imports_matplotlib() -> None:
    # In a fresh interpreter: this test process has matplotlib loaded by other tests already.
    script = textwrap.dedent(
        """
        import asyncio, functools, sys
        from datetime import date

        import bot.console, bot.telegram_app  # everything the running bot imports
        from flows import drawing
        from flows.board_chart import BoardCard, BoardText, board_png
        from flows.charts import GridPoint, GridText, stakeholder_grid_png
        from flows.engine import draw_pictures
        from flows.events import Drawing, Reply
        from flows.indicator_chart import TrendText, trend_png
        from flows.legacy_chart import CanvasBlock, CanvasText, legacy_canvas_png
        from flows.matrix_chart import MatrixPoint, MatrixText, matrix_png
        from flows.tools.impact import QUADRANTS

        block = CanvasBlock("Kop", "een\\ntwee")
        charts = [
            functools.partial(
                stakeholder_grid_png,
                [GridPoint("IVAGO", "high", "low")],
                GridText("T", "P", "I", ("l", "m", "h"), {("high", "low"): "Houd"}, "leeg"),
            ),
            functools.partial(board_png, [("Doen", [BoardCard("Kaart", "An")])], BoardText("B")),
            functools.partial(legacy_canvas_png, CanvasText("C", block, (block,) * 4, block, "-")),
            functools.partial(
                matrix_png,
                [MatrixPoint("Actie", 4.0, 2.0)],
                MatrixText("M", "impact", "moeite", dict.fromkeys(QUADRANTS, "kwadrant"), "meer"),
            ),
            functools.partial(
                trend_png,
                [(date(2026, 1, 1), 3.0), (date(2026, 2, 1), 5.0)],
                2.0,
                8.0,
                date(2026, 6, 1),
                TrendText("Klanten", "#", "doel", "start", "gemeten"),
            ),
        ]
        replies = [Reply("caption", drawing=Drawing(f"{i}.png", d)) for i, d in enumerate(charts)]

        async def main():
            drawing.start()
            await draw_pictures(replies)
            drawing.stop()

        asyncio.run(main())
        assert all(r.image and r.image.data.startswith(b"\\x89PNG") for r in replies), replies
        print("matplotlib" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def running(pid: int) -> bool:
    """Whether a process exists and has not exited (a zombie has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_worker_ends_when_the_bot_process_is_killed() -> None:
    script = textwrap.dedent(
        """
        import asyncio, os, time
        from flows import drawing

        async def main():
            print(await drawing.draw(os.getpid), flush=True)
            time.sleep(60)

        asyncio.run(main())
        """
    )
    bot = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE)
    try:
        assert bot.stdout is not None
        worker = int(bot.stdout.readline())
        assert running(worker)
    finally:
        bot.kill()  # SIGKILL: the bot cannot stop its pool
        bot.wait()
    deadline = time.monotonic() + 20
    while running(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(worker)


async def test_a_chart_that_fails_leaves_its_caption(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    an = Person(engine, "An")
    await create_team(an)
    original = engine.registry.pictures["stakeholder_grid"]

    async def broken(items: object, ctx: object) -> tuple[str, object]:
        # An unknown level makes the chart raise, in the worker, after the answers are in.
        bad = functools.partial(stakeholder_grid_png, [GridPoint("X", "huge", "low")], TEXT)
        return "kaart.png", bad

    engine.registry.pictures["stakeholder_grid"] = broken  # type: ignore[assignment]
    try:
        await an.say("/stakeholders")
        await an.say("IVAGO")
        await an.press("Klaar")
        with caplog.at_level(logging.ERROR, logger="flows.engine"):
            await rate(an, "Extern", "hoog", "hoog", "Co-produceren")
    finally:
        engine.registry.pictures["stakeholder_grid"] = original
    caption = engine.translator.plain("nl", FLOW.title)
    assert any(plain(r.html) == caption for r in an.replies)  # the caption still went
    assert all(r.image is None and r.drawing is None for r in an.replies)
    assert "drawing kaart.png failed" in caplog.text and "unknown power" in caplog.text
    # The worker survived the exception: the next picture is drawn as usual.
    assert (await drawing.draw(stakeholder_grid_png, POINTS, TEXT)).startswith(b"\x89PNG")
