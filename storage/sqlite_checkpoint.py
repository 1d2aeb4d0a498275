"""WAL checkpoints on a thread of their own, so no commit on the event loop has to do one.

SQLite in WAL mode appends every commit to the `-wal` file and, by default, the commit that
takes it past 1,000 pages copies the whole log back into the database file and syncs it (an
"automatic checkpoint"). Our statements run on the event loop's thread, so that one commit
held the loop for 60–150 ms now and then: every update waiting behind it (the benchmark's p99).
The Store's connections therefore switch automatic checkpoints off, and a `Checkpointer` runs
PASSIVE checkpoints from a thread instead whenever the log has grown past the same size.
sqlite3 releases the GIL while SQLite works, so the loop keeps running meanwhile; a PASSIVE
checkpoint never waits for, nor blocks, readers and writers (it copies what it can now, and the
rest next time).

A log that has been copied whole starts over at the beginning of the `-wal` file with the next
commit; but under steady writes some commit always came between a PASSIVE checkpoint and that
moment, so the log never started over: the file grew without end (300 MB in a minute of the
benchmark, for a 7 MB database) and every commit wrote to a new part of it, which the kernel
zeroes first: a commit took 240 µs of CPU instead of 65. So a PASSIVE checkpoint of a grown
log is followed by a FULL one, which holds the write lock while it copies the few pages
committed meanwhile and syncs the file (about a millisecond here, at most `FULL_WAIT_MS`
waiting for it): after it, the next commit starts the log over and the file's pages are reused.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading

logger = logging.getLogger(__name__)

# SQLite's own default for automatic checkpoints, in pages.
CHECKPOINT_PAGES = 1000
# How often the thread looks at the log's size, in seconds: a stat call, nothing more.
CHECK_INTERVAL = 0.25
# How long a FULL checkpoint may wait for the write lock, or for readers of an older state
# (holding the lock, so commits wait too): a moment, then it gives up until the next round.
FULL_WAIT_MS = 20


class Checkpointer:
    """A daemon thread that checkpoints one SQLite file's WAL when it has grown."""

    def __init__(
        self, path: str, *, pages: int = CHECKPOINT_PAGES, interval: float = CHECK_INTERVAL
    ) -> None:
        self.path = path
        self.pages = pages
        self.interval = interval
        self.checkpoints = 0  # done so far (tests and curiosity)
        self.full_checkpoints = 0  # of which followed by a FULL one
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start watching the log (once)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"wal-checkpoint {os.path.basename(self.path)}", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread, waiting for a checkpoint in progress to end."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            while not self._stop.wait(self.interval):
                if not self._grown():
                    continue
                if connection is None:
                    connection = sqlite3.connect(self.path, isolation_level=None)
                    connection.execute("PRAGMA synchronous=NORMAL")  # as the Store's
                    connection.execute(f"PRAGMA busy_timeout={FULL_WAIT_MS}")
                self.checkpoint(connection)
        except Exception:  # a failing checkpoint must not go unnoticed, nor kill the bot
            logger.exception("WAL checkpoints of %s stopped", self.path)
        finally:
            if connection is not None:
                connection.close()

    def _grown(self) -> bool:
        try:
            size = os.stat(self.path + "-wal").st_size
        except FileNotFoundError:
            return False
        # A page in the log is the page and a 24-byte frame header; 4 KiB pages by default.
        return size >= self.pages * 4096

    def checkpoint(self, connection: sqlite3.Connection) -> None:
        """A PASSIVE checkpoint through `connection`, then a FULL one if the log was long
        enough; busy (another one runs, or the write lock stayed taken) is no error."""
        busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.checkpoints += 1
        if not busy and logged >= self.pages:
            busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(FULL)").fetchone()
            self.full_checkpoints += 1
        if busy:
            logger.debug("WAL checkpoint of %s was busy", self.path)
        else:
            logger.debug("WAL checkpoint of %s: %d of %d pages", self.path, copied, logged)
