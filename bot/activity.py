"""How busy the bot is with people right now, so background work can wait for a lull."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager


class Activity:
    """Counts interactive work in progress: updates being handled and replies not yet sent.

    Reminder rounds compose their messages on the event loop's thread (SQLite runs there), and
    an update arriving meanwhile waits for them. They therefore start each small piece of work
    in a moment when nobody is being answered, or after `patience` at the latest, so a long
    stretch of chatting never holds the reminders back for long.
    """

    def __init__(self) -> None:
        self._busy = 0
        self._quiet = asyncio.Event()
        self._quiet.set()

    @property
    def busy(self) -> int:
        """How many pieces of interactive work are in progress."""
        return self._busy

    def begin(self) -> None:
        """A piece of interactive work started."""
        self._busy += 1
        self._quiet.clear()

    def end(self) -> None:
        """A piece of interactive work finished."""
        self._busy = max(0, self._busy - 1)
        if self._busy == 0:
            self._quiet.set()

    @contextmanager
    def working(self) -> Iterator[None]:
        """Count the enclosed work as interactive."""
        self.begin()
        try:
            yield
        finally:
            self.end()

    async def lull(self, patience: float) -> bool:
        """Wait until no interactive work is in progress, at most `patience` seconds.

        Returns whether it is quiet (False: gave up waiting).
        """
        if self._busy == 0:
            return True
        try:
            await asyncio.wait_for(self._quiet.wait(), patience)
        except TimeoutError:
            return False
        return True
