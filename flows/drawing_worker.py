"""The drawing process: `python -m flows.drawing_worker`, started by flows/drawing.py.

It reads requests from its stdin and answers on its stdout, one at a time, each a pickle
after its length (8 bytes, big-endian). A request is `(function, args)`, `function` being a
module-level function (pickled by reference, so the module is imported here); the answer is
`("ok", result)` or `("error", exception, traceback text)`.

Only what drawing needs is imported: no asyncio, pydantic or telegram, and no
multiprocessing (whose resource tracker was a process of its own, ≈13 MB).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import struct
import sys
import traceback
from typing import Any, BinaryIO

HEADER = struct.Struct("!Q")
# How much lower than the bot's the drawing process's CPU priority is (see `main`).
WORKER_NICENESS = 10


def prepare() -> None:
    """Before the first request: load Pillow, FreeType and the fonts by drawing once."""
    from flows.charts import GridText, stakeholder_grid_png

    levels = ("low", "medium", "high")
    stakeholder_grid_png([], GridText("", "", "", levels, {}, ""))
    # What is loaded now lives as long as the worker: frozen, the collector no longer walks
    # it, so the full collection after each picture (see `answer`) costs well under 1 ms.
    gc.collect()
    gc.freeze()


def answer(request: bytes) -> bytes:
    """The pickled answer to one pickled request, whatever happens in the call."""
    try:
        function, args = pickle.loads(request)
        reply: tuple[Any, ...] = ("ok", function(*args))
    except Exception as error:
        reply = ("error", error, traceback.format_exc())
    finally:
        # Whatever a failed or finished drawing left in reference cycles (a traceback holds its
        # frames, and with them a picture's pixels, ≈4–6 MB) goes now, not at some later
        # collection: the worker's memory stays at its size after warm-up.
        gc.collect()
    try:
        data = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
        if reply[0] == "error":
            pickle.loads(data)  # some exceptions pickle but cannot be rebuilt from it
    except Exception as error:
        failure = RuntimeError(f"the drawing process cannot send back {reply[1]!r}: {error!r}")
        text = reply[2] if reply[0] == "error" else traceback.format_exc()
        data = pickle.dumps(("error", failure, text), pickle.HIGHEST_PROTOCOL)
    return data


def read(stream: BinaryIO, size: int) -> bytes | None:
    """Exactly `size` bytes, or None at end of input."""
    data = stream.read(size)
    return data if len(data) == size else None


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Answer requests until end of input: the bot stopped us, or it died, however it died."""
    while (header := read(requests, HEADER.size)) is not None:
        request = read(requests, HEADER.unpack(header)[0])
        if request is None:
            return
        data = answer(request)
        replies.write(HEADER.pack(len(data)))
        replies.write(data)
        replies.flush()


def main() -> None:
    """Take stdin and stdout for the requests and answers, warm up, then serve."""
    # The answers need stdout to themselves: anything a library prints goes to stderr.
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    nothing = os.open(os.devnull, os.O_RDONLY)
    os.dup2(nothing, 0)
    os.close(nothing)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    # Ctrl-C in a terminal reaches the whole process group: the bot decides when we stop
    # (it closes our stdin), so a picture in progress is not cut off with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Pictures are background work: when a burst of them meets people typing, the bot's
    # answers should get the CPU first (a lower priority costs a picture nothing on an idle
    # machine). Measured: without this, 100 teams' pictures at once held up everyone's replies.
    os.nice(WORKER_NICENESS)
    prepare()
    with contextlib.suppress(BrokenPipeError):  # the bot went away while we answered
        serve(requests, replies)
    # Straight out: nothing to flush or clean up, and the bot may wait for us to exit.
    os._exit(0)


if __name__ == "__main__":
    main()
