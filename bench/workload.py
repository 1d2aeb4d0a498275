"""Simulated people and how they load the bot: scripts of steps and two ways to offer them.

A *unit* is a sequence of steps that must happen one after the other (a team's members take
turns, so the shared stakeholder list stays predictable); different units run side by side.
Each step is one update; the person waits for the replies the step is known to bring, and the
time from offering the update to its first reply is its latency.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from bench.fake import ReplyClock
from tests.fakebot import FakeTelegram, FakeUser

STEP_TIMEOUT = 60.0
_INVITE = re.compile(r"\?start=([A-Za-z0-9_-]+)")


@dataclass(slots=True)
class Step:
    """One update a person offers: a text, or a tap on a button whose label contains `arg`."""

    user: FakeUser
    action: str  # "say" or "press"
    arg: str
    replies: int  # the replies this step brings (sendMessage, sendPhoto, editMessageText …)
    after: Callable[[list[str]], None] | None = None  # reads the replies (the invite link)


@dataclass(slots=True)
class Figures:
    """What the people saw: latencies in seconds, and steps that got no (or too few) replies."""

    latencies: list[float] = field(default_factory=list)
    offered: int = 0
    replies: int = 0  # replies that arrived at the fake for these steps
    timeouts: int = 0
    errors: list[str] = field(default_factory=list)
    started: float = 0.0
    finished: float = 0.0

    @property
    def elapsed(self) -> float:
        """Seconds from the first offer to the last reply."""
        return max(self.finished - self.started, 1e-9)


Unit = Iterator[Step]


def _label(user: FakeUser, part: str) -> str:
    """The exact label of the newest button whose label contains `part`."""
    for message in reversed(user.messages):
        for row in message.buttons:
            for label in row:
                if part.casefold() in label.casefold():
                    return label
    raise LookupError(f"no button with {part!r}")


class Runner:
    """Offers steps to the fake and waits for their replies."""

    def __init__(self, fake: FakeTelegram, clock: ReplyClock, figures: Figures) -> None:
        self.fake = fake
        self.clock = clock
        self.figures = figures

    async def run(self, step: Step) -> None:
        """Offer one step's update and wait for all its replies."""
        chat = step.user.id
        before = self.clock.seen(chat)
        offered = time.perf_counter()
        try:
            if step.action == "say":
                await step.user.send(step.arg)
            else:
                await step.user.press(_label(step.user, step.arg))
        except (LookupError, ValueError) as error:
            self.figures.errors.append(f"user {chat}: {error}")
            return
        self.figures.offered += 1
        arrived = await self.clock.wait(chat, before + step.replies, STEP_TIMEOUT)
        times = self.clock.arrivals[chat]
        self.figures.replies += len(times) - before
        if len(times) > before:
            self.figures.latencies.append(times[before] - offered)
        if not arrived:
            self.figures.timeouts += 1
            self.figures.errors.append(
                f"user {chat}: {len(times) - before} of {step.replies} replies to {step.arg!r}"
            )
        if step.after is not None:
            texts = [m.text for m in step.user.messages[-max(1, len(times) - before) :]]
            step.after(texts)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic garbage collection in this (the measuring) process while it measures."""
    # The fake Bot API and the simulated people keep every message they exchanged: a full
    # collection of that took 100–160 ms, during which no reply was received or timed, and
    # showed up in the bot's p99 (in the echo bot's too). What is there now is kept for good,
    # so it is frozen out of later collections; what the phase leaves behind is collected at
    # its end instead of in the middle.
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


async def closed_loop(
    runner: Runner, units: list[Unit], budget: int, *, pause_collector: bool = True
) -> Figures:
    """Full speed: every unit offers its next step as soon as the previous one is answered.

    A soak passes `pause_collector=False`: over 100,000 updates this process must collect.
    """
    figures = runner.figures
    left = [budget]

    async def drive(unit: Unit) -> None:
        for step in unit:
            if left[0] <= 0:
                return
            left[0] -= 1
            await runner.run(step)

    with collector_paused() if pause_collector else contextlib.nullcontext():
        figures.started = time.perf_counter()
        await asyncio.gather(*(drive(unit) for unit in units))
        figures.finished = time.perf_counter()
    return figures


class Offers:
    """Units free to offer their next step, and the steps under way (for paced loads)."""

    def __init__(self, runner: Runner, units: list[Unit], think: float | None = None) -> None:
        self.runner = runner
        self.think = think  # a pause after each answer before the unit is free again
        self.free: asyncio.Queue[Unit] = asyncio.Queue()
        for unit in units:
            self.free.put_nowait(unit)
        self._running: set[asyncio.Task[None]] = set()

    def offer(self, unit: Unit) -> None:
        """Start the unit's next step in the background (nothing when its script is over)."""
        step = next(unit, None)
        if step is None:
            return
        task = asyncio.create_task(self._one(unit, step))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _one(self, unit: Unit, step: Step) -> None:
        await self.runner.run(step)
        if self.think is not None:
            await asyncio.sleep(self.think)
        self.free.put_nowait(unit)

    async def finish(self) -> None:
        """Wait for the steps under way."""
        await asyncio.gather(*self._running)


async def fixed_rate(runner: Runner, units: list[Unit], budget: int, rate: float) -> Figures:
    """A fixed offered load: one step every 1/rate seconds, from a unit that is free."""
    figures = runner.figures
    loop = asyncio.get_running_loop()
    offers = Offers(runner, units)
    with collector_paused():
        figures.started = time.perf_counter()
        start = loop.time()
        for number in range(budget):
            # Sleep until this offer's moment on an absolute schedule, so delays do not add up.
            delay = start + number / rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            # Every unit busy: the offer is late (counted in latency).
            offers.offer(await offers.free.get())
        await offers.finish()
        figures.finished = time.perf_counter()
    return figures


# ---------------------------------------------------------------------------------------------
# the scripts


class Team:
    """A team: its coordinator sets it up and invites, the others join through the deep link;
    then the members take turns mapping stakeholders (a longlist, then rating each one)."""

    def __init__(self, number: int, members: list[FakeUser], stakeholders: int = 3) -> None:
        self.number = number
        self.members = members
        self.stakeholders = stakeholders
        self.token: str | None = None

    def _keep_invite(self, texts: list[str]) -> None:
        for text in texts:
            match = _INVITE.search(text)
            if match:
                self.token = match.group(1)

    def steps(self) -> Unit:
        """The team's steps, endless: setup and joins once, then stakeholder rounds."""
        lead, n = self.members[0], self.number
        yield Step(lead, "say", "/start", 2)
        yield Step(lead, "say", "/nieuwteam", 2)
        yield Step(lead, "say", f"Bench team {n}", 1)
        yield Step(lead, "say", f"Strategie {n}", 1)
        yield Step(lead, "press", "Circulaire strategie", 1)
        if len(self.members) > 1:
            yield Step(lead, "say", "/uitnodigen", 1, after=self._keep_invite)
        for member in self.members[1:]:
            yield Step(member, "say", f"/start {self.token}", 1)
        round_number = 0
        while True:
            for member in self.members:
                round_number += 1
                yield from self._round(member, round_number)

    def _round(self, member: FakeUser, round_number: int) -> Unit:
        names = [f"Partner {self.number}-{round_number}-{k}" for k in range(self.stakeholders)]
        yield Step(member, "say", "/stakeholders", 2)
        yield Step(member, "say", "\n".join(names), 1)
        yield Step(member, "press", "Klaar", 1)
        for position, _ in enumerate(names):
            yield Step(member, "press", "Extern", 1)
            yield Step(member, "press", ("laag", "midden", "hoog")[position % 3], 1)
            yield Step(member, "press", "midden", 1)
            yield Step(member, "press", "Raadplegen", 1)
            # The last one brings the result: a line, the summary and the grid as a picture.
            yield Step(member, "press", "Overslaan", 4 if position == len(names) - 1 else 2)


def echo_steps(user: FakeUser) -> Unit:
    """A person chatting with the echo bot: each message is answered with one message."""
    number = 0
    while True:
        number += 1
        yield Step(user, "say", f"Hallo {number}", 1)


def people(fake: FakeTelegram, count: int, first_id: int) -> list[FakeUser]:
    """`count` new people with Dutch phones."""
    return [
        fake.user(first_id + k, f"Persoon{first_id + k}", language_code="nl") for k in range(count)
    ]


def teams(users: list[FakeUser], size: int) -> list[Team]:
    """The people split into teams of `size` (the last one may be smaller)."""
    return [
        Team(number, users[start : start + size])
        for number, start in enumerate(range(0, len(users), size), start=1)
    ]
