"""Interactive load around the reminder burst: people at a steady pace, each pausing between
steps as a person does (so one chat stays near Telegram's one message a second)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from bench.workload import Offers, Runner, Step, Unit, collector_paused


class TimedRunner(Runner):
    """A Runner that also remembers when each answered step was offered."""

    offers: list[tuple[float, float]]  # (offered at, latency), perf_counter seconds

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.offers = []

    async def run(self, step: Step) -> None:
        """Run the step; note its offer time next to its latency."""
        offered = time.perf_counter()
        before = len(self.figures.latencies)
        await super().run(step)
        # Nothing awaits between the append in Runner.run and here: the last one is ours.
        if len(self.figures.latencies) > before:
            self.offers.append((offered, self.figures.latencies[-1]))


async def paced(
    runner: Runner,
    units: list[Unit],
    rate: float,
    until: float | Callable[[], bool],
    think: float,
) -> None:
    """Offer a step every 1/rate s from a free unit, for `until` seconds or until it says so;
    then wait for the steps under way."""
    loop = asyncio.get_running_loop()
    offers = Offers(runner, units, think)
    with collector_paused():
        start = loop.time()
        runner.figures.started = time.perf_counter()

        def over() -> bool:
            return until() if callable(until) else loop.time() - start >= until

        number = 0
        while not over():
            delay = start + number / rate - loop.time()
            number += 1
            if delay > 0:
                await asyncio.sleep(delay)
            try:
                unit = await asyncio.wait_for(offers.free.get(), 1.0)
            except TimeoutError:
                continue  # everyone busy: look at `until` again
            offers.offer(unit)
        await offers.finish()
        runner.figures.finished = time.perf_counter()
