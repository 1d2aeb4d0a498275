"""Pictures drawn in a worker process, so the bot process never loads matplotlib.

Drawing one chart costs tens of milliseconds of CPU with the GIL held, stalling the event
loop, and matplotlib with its fonts adds 50–150 MB resident: both belong elsewhere. One worker
is enough (renders are serialised anyway, see flows/charts.py). It is spawned, not forked, so
it starts from a clean interpreter instead of a copy of the bot's memory.

The pool belongs to the process, not to a bot: it is made on first use and lives until
`stop()`. Nothing here imports matplotlib; only the worker does.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

_pool: ProcessPoolExecutor | None = None


def _exit_with(sentinel: int) -> None:
    wait([sentinel])  # ready once the bot process has ended, however it ended
    os._exit(1)


def _prepare() -> None:
    """In a new worker, before its first picture: load matplotlib, fonts and Agg by drawing once."""
    from flows.charts import GridText, stakeholder_grid_png

    # A bot killed outright (SIGKILL, out of memory) cannot stop its pool, and the worker
    # would wait for work forever: it holds its own copy of the task pipe, so it never sees
    # the pipe close. It watches the bot process instead.
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()

    levels = ("low", "medium", "high")
    stakeholder_grid_png([], GridText("", "", "", levels, {}, ""))
    # What is loaded now lives as long as the worker: frozen, the collector no longer walks
    # it, so the full collection after each picture (see `_run`) costs well under 1 ms.
    gc.collect()
    gc.freeze()


def _run(function: Callable[..., T], *args: Any) -> T:
    """In the worker: one call, then a collection."""
    try:
        return function(*args)
    finally:
        # A figure and its canvas refer to each other, so a picture's pixel buffers (≈6 MB)
        # wait for the cyclic collector; without this the worker grows from ≈85 MB to
        # ≈160–200 MB resident after some dozens of pictures.
        gc.collect()


def _log_failed_start(future: Future[int]) -> None:
    # Not fatal: a broken worker is replaced by the next `draw`; this only says why early.
    if not future.cancelled() and future.exception() is not None:
        logger.warning("starting the drawing process failed: %r", future.exception())


def _current() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        # `spawn`: a fork would copy the bot's heap (and its threads' locks) into the worker.
        context = multiprocessing.get_context("spawn")
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_prepare)
    return _pool


def start() -> None:
    """Start the worker and warm it up in the background, so the first picture is not slow."""
    if _pool is None:
        # Any task makes the pool spawn its worker, which prepares itself before running it.
        _current().submit(os.getpid).add_done_callback(_log_failed_start)


def stop() -> None:
    """Stop the worker (waiting for a picture in progress); the next `draw` starts a new one."""
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    if _pool is pool:  # two draws may find the same dead pool; only the first replaces it
        _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


async def draw(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` run in the drawing process, e.g. the PNG a chart function draws.

    `function` must be a module-level function and `args` plain picklable data. If the
    worker died (killed, out of memory), a new one is started and the call tried once more.
    """
    loop = asyncio.get_running_loop()
    pool = _current()
    try:
        return await loop.run_in_executor(pool, _run, function, *args)
    except BrokenProcessPool:
        logger.warning("the drawing process died; starting a new one")
        _discard(pool)
    pool = _current()
    try:
        return await loop.run_in_executor(pool, _run, function, *args)
    except BrokenProcessPool:
        _discard(pool)  # so the next picture starts afresh rather than failing first
        raise
