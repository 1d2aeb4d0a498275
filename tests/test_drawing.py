"""Pictures are drawn in a separate process: the bot process never loads Pillow."""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Awaitable
from pathlib import Path

import pytest

from bench.processes import descendants
from flows import drawing
from flows.charts import GridPoint, GridText, stakeholder_grid_png
from flows.drawing_worker import WORKER_NICENESS
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
# Thirty names: an answer too big for one pipe buffer, so it is read in several pieces.
MANY = [GridPoint(f"Partner {n}", "high", ("low", "medium", "high")[n % 3]) for n in range(30)]
# The worker's imported modules, asked of the worker itself (`eval` pickles by reference).
WORKER_MODULES = "sorted(__import__('sys').modules)"


def running(pid: int) -> bool:
    """Whether a process exists and has not exited (a zombie has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def children() -> list[int]:
    """This process's live descendants (a zombie is not reaped: still listed)."""
    return descendants(os.getpid())


async def test_a_picture_is_drawn_in_another_process() -> None:
    png = await drawing.draw(stakeholder_grid_png, POINTS, TEXT)
    assert png.startswith(b"\x89PNG")
    # One worker draws everything, so the process that answers is the one that drew.
    worker = await drawing.draw(os.getpid)
    assert worker != os.getpid()


async def test_the_worker_runs_at_a_lower_cpu_priority_than_the_bot() -> None:
    # Pictures are background work: the bot's replies get the CPU first under contention.
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    theirs = await drawing.draw(os.getpriority, os.PRIO_PROCESS, 0)
    assert theirs == min(ours + WORKER_NICENESS, 19) > ours


async def test_the_worker_is_the_only_process_the_bot_starts() -> None:
    worker = await drawing.draw(os.getpid)
    # No multiprocessing, so no resource tracker beside the worker.
    assert children() == [worker]
    drawing.stop()
    assert children() == []  # ended and reaped, not left a zombie
    assert not running(worker)
    replacement = await drawing.draw(os.getpid)  # the next picture starts a new one
    assert replacement != worker and children() == [replacement]


def test_start_warms_the_worker_up_before_the_first_picture() -> None:
    drawing.stop()
    drawing.start()
    [worker] = children()
    # Before any request: Pillow's FreeType module is loaded by the warm-up drawing.
    maps = Path(f"/proc/{worker}/maps")
    deadline = time.monotonic() + 60
    while "_imagingft" not in maps.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "_imagingft" in maps.read_text()
    assert asyncio.run(drawing.draw(os.getpid)) == worker
    # What the warm-up loaded is frozen: the collection after each picture skips it.
    assert asyncio.run(drawing.draw(gc.get_freeze_count)) > 10_000


async def test_the_worker_collects_after_each_picture() -> None:
    await drawing.draw(stakeholder_grid_png, MANY, TEXT)
    # A full collection after the picture reset the older generations' counts.
    assert (await drawing.draw(gc.get_count))[1:] == (0, 0)


async def test_the_worker_loads_only_what_drawing_needs() -> None:
    modules = set(await drawing.draw(eval, WORKER_MODULES))
    assert "PIL.ImageFont" in modules
    assert not modules & {"asyncio", "pydantic", "telegram", "multiprocessing", "sqlalchemy"}
    assert not modules & {"matplotlib", "numpy"}  # Pillow draws the grid on its own
    # The characters the fonts can draw come from flows/fonts/glyphs.txt, not their files.
    assert "fontTools" not in modules


async def test_an_exception_in_the_worker_reaches_the_caller() -> None:
    worker = await drawing.draw(os.getpid)
    with pytest.raises(ValueError, match="invalid literal") as raised:
        await drawing.draw(int, "zeven")
    # Where it was raised, in the worker, comes along as its cause.
    assert isinstance(raised.value.__cause__, drawing.RemoteTraceback)
    assert "Traceback" in str(raised.value.__cause__)
    # What cannot be pickled fails in the caller, before anything is sent.
    with pytest.raises((pickle.PicklingError, AttributeError)):
        await drawing.draw(int, lambda: 7)
    assert await drawing.draw(int, "7") == 7
    assert await drawing.draw(os.getpid) == worker  # the same worker, still in step


async def test_calls_at_the_same_time_take_turns() -> None:
    calls: list[Awaitable[object]] = [drawing.draw(int, str(n)) for n in range(20)]
    calls.insert(10, drawing.draw(stakeholder_grid_png, MANY, TEXT))
    calls.insert(5, drawing.draw(time.sleep, 0.2))
    answers = await asyncio.gather(*calls)
    picture = answers[11]
    assert answers[5] is None and isinstance(picture, bytes) and picture.startswith(b"\x89PNG")
    assert answers[:5] + answers[6:11] + answers[12:] == list(range(20))


async def test_a_call_cancelled_halfway_does_not_confuse_the_next() -> None:
    worker = await drawing.draw(os.getpid)
    slow = asyncio.ensure_future(drawing.draw(time.sleep, 30))
    await asyncio.sleep(0.2)  # the request is sent; its answer would come much later
    slow.cancel()
    with pytest.raises(asyncio.CancelledError):
        await slow
    started = time.monotonic()
    replacement = await drawing.draw(os.getpid)
    assert replacement != worker and not running(worker)
    assert time.monotonic() - started < 20  # not after the sleep ended


def test_the_worker_serves_one_event_loop_after_another() -> None:
    first = asyncio.run(drawing.draw(os.getpid))
    second = asyncio.run(drawing.draw(os.getpid))
    assert first == second


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


def test_the_bot_process_loads_no_drawing_library_nor_tornado() -> None:
    # In a fresh interpreter: this test process has Pillow loaded by other tests already.
    script = textwrap.dedent(
        """
        import asyncio, functools, sys
        from datetime import date

        from bot.__main__ import keep_tornado_out

        keep_tornado_out()  # as `python -m bot telegram` does before importing the bot
        import bot.console, bot.telegram_app  # everything the running bot imports
        from telegram.ext._updater import WEBHOOKS_AVAILABLE
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
            # Every kind of chart has been drawn: what has the worker loaded for them?
            worker = set(await drawing.draw(eval, "sorted(__import__('sys').modules)"))
            drawing.stop()
            return worker

        worker = asyncio.run(main())
        assert all(r.image and r.image.data.startswith(b"\\x89PNG") for r in replies), replies
        heavy = {"matplotlib", "numpy", "PIL", "fontTools", "tornado"}
        loaded = {name.split(".")[0] for name, module in sys.modules.items() if module}
        print(sorted(heavy & loaded), WEBHOOKS_AVAILABLE)
        print(sorted(worker & {"asyncio", "pydantic", "telegram", "multiprocessing", "sqlalchemy"}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["[] False", "[]"]


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
