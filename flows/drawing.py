"""Pictures drawn in a worker process, so the bot process never loads Pillow or draws.

Drawing one chart costs tens of milliseconds of CPU (laying out, rasterising, compressing the
PNG), which would stall the event loop, and Pillow with FreeType and the fonts adds ≈10 MB
resident: both belong elsewhere, and the worker uses the second core. One worker is enough
(renders are serialised anyway, see flows/picture.py). It is a new interpreter
running flows/drawing_worker.py, not a fork, so it does not start with a copy of the bot's
memory; and a plain child process, not a multiprocessing pool, which added a resource-tracker
process (≈13 MB) and loaded multiprocessing and the bot's `__main__` into the worker.

Requests go down the worker's stdin and answers come up its stdout, one at a time (see
flows/drawing_worker.py); the event loop waits on the pipes itself, so no thread has to hand
the answer back. The worker belongs to the process, not to a bot or an event loop: it is
started on first use (or by `start()`) and lives until `stop()`; whichever loop runs a `draw`
waits on the pipes for it (the tests run one loop per test and share the worker). Nothing here
imports Pillow; only the worker does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from flows.drawing_worker import HEADER

logger = logging.getLogger(__name__)

T = TypeVar("T")

# The directory holding the `flows` package. The worker runs there, so `-m` finds the same
# code as the bot's, whatever directory the bot was started from.
ROOT = Path(__file__).resolve().parent.parent

# How long `stop()` waits for a worker to end on SIGTERM before it is killed.
STOP_WAIT = 2.0


class WorkerDied(Exception):
    """The drawing process ended (killed, out of memory) before it answered."""


class RemoteTraceback(Exception):
    """Where in the drawing process an exception was raised: the cause of the one re-raised."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return self.text


class Worker:
    """One drawing process and the two pipes to it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flows.drawing_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests = self.process.stdin.fileno()
        self.replies = self.process.stdout.fileno()
        # The event loop waits until a pipe is ready; a read or write never blocks it.
        os.set_blocking(self.requests, False)
        os.set_blocking(self.replies, False)
        # From writing a request until its whole answer is read. A call abandoned in between
        # (cancelled, or its event loop closed) leaves the pipes out of step: such a worker is
        # replaced, never reused.
        self.busy = False
        self._waiting: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None

    async def call(self, request: bytes) -> tuple[Any, ...]:
        """Send one pickled request and return its unpickled answer."""
        loop = asyncio.get_running_loop()
        self.busy = True
        await self._write(loop, HEADER.pack(len(request)) + request)
        (size,) = HEADER.unpack(await self._read(loop, HEADER.size))
        data = await self._read(loop, size)
        self.busy = False
        return cast(tuple[Any, ...], pickle.loads(data))

    async def _write(self, loop: asyncio.AbstractEventLoop, data: bytes) -> None:
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(self.requests, view) :]
            except BlockingIOError:
                await self._ready(loop, self.requests, writing=True)
            except OSError as error:  # a broken pipe: the worker is gone
                raise WorkerDied from error

    async def _read(self, loop: asyncio.AbstractEventLoop, size: int) -> bytearray:
        data = bytearray()
        while len(data) < size:
            try:
                chunk = os.read(self.replies, size - len(data))
            except BlockingIOError:
                await self._ready(loop, self.replies, writing=False)
                continue
            except OSError as error:
                raise WorkerDied from error
            if not chunk:  # end of file: the worker is gone
                raise WorkerDied
            data += chunk
        return data

    async def _ready(self, loop: asyncio.AbstractEventLoop, fd: int, *, writing: bool) -> None:
        future: asyncio.Future[None] = loop.create_future()

        def ready() -> None:
            if not future.done():  # the loop may report the pipe again before we resume
                future.set_result(None)

        if writing:
            loop.add_writer(fd, ready)
        else:
            loop.add_reader(fd, ready)
        self._waiting = (loop, future)
        try:
            await future
        finally:
            if self._waiting is not None:  # else `close()` already unregistered it
                self._waiting = None
                self._unwatch(loop)

    def _unwatch(self, loop: asyncio.AbstractEventLoop) -> None:
        if not loop.is_closed():
            loop.remove_reader(self.replies)
            loop.remove_writer(self.requests)

    def close(self) -> None:
        """End the process and reap it; a call waiting on it fails with WorkerDied."""
        if self._waiting is not None:
            # Before the pipes close: their numbers may soon belong to a new worker's pipes.
            loop, future = self._waiting
            self._waiting = None
            self._unwatch(loop)
            if not loop.is_closed() and not future.done():
                future.set_exception(WorkerDied())
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()  # end of input: an idle worker exits by itself
        self.process.stdout.close()
        # A picture in progress is of no use to anyone now: no need to wait for it.
        self.process.terminate()
        try:
            self.process.wait(STOP_WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_worker: Worker | None = None
_lock: asyncio.Lock | None = None
_lock_loop: asyncio.AbstractEventLoop | None = None


def _current() -> Worker:
    global _worker
    if _worker is None:
        _worker = Worker()
    return _worker


def _discard(worker: Worker) -> None:
    global _worker
    if _worker is worker:
        _worker = None
    worker.close()


def _one_at_a_time() -> asyncio.Lock:
    global _lock, _lock_loop
    loop = asyncio.get_running_loop()
    if _lock is None or _lock_loop is not loop:
        # A lock belongs to the event loop it first waits on; the tests run one loop per test.
        _lock, _lock_loop = asyncio.Lock(), loop
    return _lock


def start() -> None:
    """Start the worker, which warms up on its own, so the first picture is not slow."""
    try:
        _current()
    except OSError as error:
        # Not fatal: the next `draw` tries again; this only says why early.
        logger.warning("starting the drawing process failed: %r", error)


def stop() -> None:
    """End and reap the worker (dropping a picture in progress); the next `draw` starts one."""
    global _worker
    worker, _worker = _worker, None
    if worker is not None:
        worker.close()


async def _exchange(request: bytes) -> tuple[Any, ...]:
    worker = _current()
    if worker.busy:  # a call abandoned halfway on an event loop that is gone
        _discard(worker)
        worker = _current()
    try:
        return await worker.call(request)
    except BaseException:
        if worker.busy:  # died, or cancelled halfway: the pipes are out of step
            _discard(worker)
        raise


async def draw(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` run in the drawing process, e.g. the PNG a chart function draws.

    `function` must be a module-level function and `args` plain picklable data. If the
    worker died (killed, out of memory), a new one is started and the call tried once more.
    """
    # Pickled here, so what cannot be pickled fails in the caller and the pipes stay in step.
    request = pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL)
    # The pipes carry one request and its answer at a time.
    async with _one_at_a_time():
        try:
            answer = await _exchange(request)
        except WorkerDied:
            logger.warning("the drawing process died; starting a new one")
            answer = await _exchange(request)
    if answer[0] == "ok":
        return cast(T, answer[1])
    _, error, text = answer
    raise error from RemoteTraceback(text)
