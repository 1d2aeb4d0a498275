"""Reminder scale (issue #8): a million reminder rows, a thousand of them due.

For each database: seed the rows (bench/reminder_seed.py), time the real
`ReminderRepo.claim_due` taking the due ones (target ≤ 50 ms), then start the real bot with
Telegram's flood limits on and a short reminder interval. People chat with it at a steady
pace; first without reminders (the p95 of their replies), then while the due reminders go
out (the p95 again: target at most 20% above), clocking the reminders at the fake Bot API
(the send rate) and counting what the fake saw as breaking Telegram's limits (must be 0).
"""

from __future__ import annotations

import logging
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from bench.database import Database
from bench.fake import BenchTelegram, ReplyClock
from bench.processes import BotProcess
from bench.reminder_load import TimedRunner, paced
from bench.reminder_seed import Seeded, count_rows, seed_reminders
from bench.report import percentile
from bench.workload import Figures, people, teams
from storage.db import Store
from storage.tables import ReminderRow
from tests.fakebot.params import Params

logger = logging.getLogger("bench")

CLAIMER = "bench-claim"
LEASE = timedelta(minutes=10)
FIRST_PERSON = 700_001  # Telegram ids of the people chatting during the measurement


@dataclass(frozen=True, slots=True)
class ReminderScale:
    """What to measure: sizes, databases, and the interactive load around the burst."""

    rows: int = 1_000_000
    due: int = 1_000
    kinds: tuple[str, ...] = ("sqlite", "postgres")
    claims: int = 5  # timed claims (each released again, the last one kept until the burst)
    burst: bool = True  # also send them through the bot
    rate: float = 8.0  # interactive updates per second (under Telegram's 30 calls/s overall)
    # The interactive phase without reminders: long enough for a steady p95 (480 updates)
    # and for the teams to reach the same later steps as during the burst.
    calm_seconds: float = 60.0
    warmup_seconds: float = 3.0  # not counted: the bot's first connections and imports
    think_seconds: float = 2.0  # a person's pause between steps (about Telegram's 1 msg/s)
    teams: int = 40  # teams of 2 chatting in each phase
    interval_seconds: float = 1.0  # KRINGKOERS_REMINDER_INTERVAL_SECONDS
    burst_timeout: float = 600.0
    extra: dict[str, str] = field(default_factory=dict)  # more bot environment
    profile: Path | None = None  # cProfile the bot of the first database into this file


class CountingTelegram(BenchTelegram):
    """The bench fake that also notes every successful call aimed at a chat: what the bot's
    overall flood window (30 calls a second) counts."""

    def __init__(self, clock: ReplyClock, **kwargs: Any) -> None:
        super().__init__(clock, **kwargs)
        self.chat_calls: list[tuple[float, int]] = []  # (perf_counter, chat id)

    async def _execute(self, method: str, params: Params) -> tuple[dict[str, Any], int]:
        payload, status = await super()._execute(method, params)
        chat = params.text("chat_id") if status == 200 else ""
        if chat.lstrip("-").isdigit():
            self.chat_calls.append((time.perf_counter(), int(chat)))
        return payload, status

    def rate(self, start: float, end: float, chats: set[int] | None = None) -> float | None:
        """Calls per second between two moments (only to `chats`, if given)."""
        if end <= start:
            return None
        count = sum(
            1
            for at, chat in self.chat_calls
            if start <= at <= end and (chats is None or chat in chats)
        )
        return round(count / (end - start), 1)


class ReminderBot(BotProcess):
    """The real bot with Telegram's flood limits on and a short reminder interval."""

    def __init__(self, *args: Any, interval: float, extra: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.interval = interval
        self.extra = extra

    def _environment(self, port: int) -> dict[str, str]:
        return {
            **super()._environment(port),
            "KRINGKOERS_FLOOD_LIMITS": "telegram",
            "KRINGKOERS_REMINDER_INTERVAL_SECONDS": str(self.interval),
            **self.extra,
        }


async def measure_reminder_scale(scale: ReminderScale | None = None) -> dict[str, Any]:
    """The reminder-scale figures for each database kind."""
    scale = scale or ReminderScale()
    result: dict[str, Any] = {
        "status": "measured",
        "reminder_rows": scale.rows,
        "due": scale.due,
        "databases": {},
    }
    with tempfile.TemporaryDirectory(prefix="kringkoers-bench-reminders-") as temporary:
        for kind in scale.kinds:
            workdir = Path(temporary) / kind
            workdir.mkdir()
            logger.info("reminders: %s, %d rows, %d due", kind, scale.rows, scale.due)
            result["databases"][kind] = await _one_database(kind, scale, workdir)
    databases: dict[str, Any] = result["databases"]
    first: dict[str, Any] = databases.get("sqlite") or next(iter(databases.values()), {})
    # The flat figures of the targets (SQLite when measured, else the first).
    result["claim_ms"] = first.get("claim_ms_median")
    result["send_rate_per_s"] = (first.get("burst") or {}).get("send_rate_per_s")
    result["rate_violations"] = (first.get("burst") or {}).get("rate_violations")
    result["interactive_p95_ms_without_burst"] = (first.get("burst") or {}).get("calm_p95_ms")
    result["interactive_p95_ms_during_burst"] = (first.get("burst") or {}).get("burst_p95_ms")
    return result


async def _one_database(kind: str, scale: ReminderScale, workdir: Path) -> dict[str, Any]:
    database = Database(kind, workdir)
    await database.create()
    out: dict[str, Any] = {}
    try:
        store = Store(database.url)
        await store.open(migrate=False)
        try:
            started = time.perf_counter()
            seeded = await seed_reminders(
                store, rows=scale.rows, due=scale.due, now=datetime.now(UTC)
            )
            out["seed_seconds"] = round(time.perf_counter() - started, 1)
            out["rows"] = await count_rows(store)
            out.update(await claim_due_reminders(store, seeded, scale.claims))
        finally:
            await store.close()
        out["db_size_mb"] = round(await database.size_bytes() / (1024 * 1024), 1)
        if scale.burst:
            out["burst"] = await _burst(database, seeded, scale, workdir)
    finally:
        await database.drop()
    return out


async def claim_due_reminders(store: Store, seeded: Seeded, repeats: int) -> dict[str, Any]:
    """Time the real claim of the due rows; check they are claimed; give them back but for
    the last claim, which keeps them from the bot until the burst starts."""
    timings: list[float] = []
    claimed = checked = 0
    for number in range(max(1, repeats)):
        now = datetime.now(UTC)
        started = time.perf_counter()
        async with store.transaction() as tx:
            got = await tx.reminders.claim_due(now, seeded.due, LEASE, CLAIMER)
        timings.append(time.perf_counter() - started)
        claimed = len(got)
        checked = await _claimed_count(store)
        if number < repeats - 1:
            await release(store)
    return {
        "claimed": claimed,
        "claimed_in_db": checked,  # rows that really carry our lease afterwards
        "claim_ms": [round(t * 1000, 2) for t in timings],
        "claim_ms_first": round(timings[0] * 1000, 2),
        "claim_ms_median": round(statistics.median(timings) * 1000, 2),
    }


async def _claimed_count(store: Store) -> int:
    async with store.engine.connect() as conn:
        return int(
            await conn.scalar(
                select(func.count())
                .select_from(ReminderRow)
                .where(ReminderRow.claimed_by == CLAIMER, ReminderRow.claimed_until.is_not(None))
            )
            or 0
        )


async def release(store: Store) -> None:
    """Give the benchmark's claimed rows back, as if never claimed (attempts included)."""
    async with store.transaction() as tx:
        await tx.session.execute(
            update(ReminderRow)
            .where(ReminderRow.claimed_by == CLAIMER)
            .values(claimed_by=None, claimed_until=None, attempts=ReminderRow.attempts - 1)
        )


async def _burst(
    database: Database, seeded: Seeded, scale: ReminderScale, workdir: Path
) -> dict[str, Any]:
    clock = ReplyClock()
    fake = CountingTelegram(clock, bot_username="kringkoers_bench_bot")
    for uid in seeded.recipients:
        fake.user(uid, f"Lid{uid}", language_code="nl")
    await fake.start()
    bot = ReminderBot(
        fake,
        workdir,
        kind="kringkoers",
        mode="polling",
        database_url=database.url,
        log=workdir / "reminder-bot.log",
        interval=scale.interval_seconds,
        extra=scale.extra,
        profile=scale.profile if database.kind == scale.kinds[0] else None,
    )
    next_id = FIRST_PERSON

    def fresh_units() -> list[Any]:
        nonlocal next_id
        users = people(fake, scale.teams * 2, next_id)
        next_id += scale.teams * 2
        return [team.steps() for team in teams(users, 2)]

    out: dict[str, Any] = {}
    try:
        await bot.start()
        try:
            warm = TimedRunner(fake, clock, Figures())
            await paced(warm, fresh_units(), scale.rate, scale.warmup_seconds, scale.think_seconds)
            calm = TimedRunner(fake, clock, Figures())
            calm_start = time.perf_counter()
            await paced(calm, fresh_units(), scale.rate, scale.calm_seconds, scale.think_seconds)
            calm_end = time.perf_counter()
            violations_before = len(fake.rate_violations)
            store = Store(database.url)
            await store.open(migrate=False)
            try:
                await release(store)  # the bot may claim them from its next round on
            finally:
                await store.close()
            released = time.perf_counter()
            busy = TimedRunner(fake, clock, Figures())

            def sent() -> int:
                return sum(1 for uid in seeded.recipients if clock.seen(uid))

            def burst_over() -> bool:
                return sent() >= seeded.due or time.perf_counter() - released > scale.burst_timeout

            await paced(busy, fresh_units(), scale.rate, burst_over, scale.think_seconds)
        finally:
            out["exit_code"] = await bot.stop()
    finally:
        await fake.stop()
    arrivals = sorted(clock.arrivals[uid][0] for uid in seeded.recipients if clock.seen(uid))
    first, last = (arrivals[0], arrivals[-1]) if arrivals else (released, released)
    violations = fake.rate_violations[violations_before:]
    during = [lat for at, lat in busy.offers if at <= last]
    calm_p95 = percentile(calm.figures.latencies, 0.95)
    burst_p95 = percentile(during, 0.95)
    out.update(
        {
            "interactive_rate_per_s": scale.rate,
            "sent": len(arrivals),
            "first_after_release_s": round(first - released, 2),
            "burst_seconds": round(last - first, 2),
            "send_rate_per_s": round((len(arrivals) - 1) / (last - first), 1)
            if last > first
            else None,
            "peak_per_s": _peak(arrivals),
            # Calls to chats a second (Telegram's overall budget: 30), and the reminders' part.
            "calls_per_s_calm": fake.rate(calm_start, calm_end),
            "calls_per_s_burst": fake.rate(first, last),
            "reminder_calls_per_s_burst": fake.rate(first, last, set(seeded.recipients)),
            "rate_violations": len(violations),
            "rate_violations_before_burst": violations_before,
            "violation_kinds": sorted({v.kind for v in violations}),
            "calm_updates": len(calm.figures.latencies),
            "calm_p50_ms": _ms(percentile(calm.figures.latencies, 0.50)),
            "calm_p95_ms": _ms(calm_p95),
            "burst_updates": len(during),
            "burst_p50_ms": _ms(percentile(during, 0.50)),
            "burst_p95_ms": _ms(burst_p95),
            "p95_increase_pct": round((burst_p95 / calm_p95 - 1) * 100, 1)
            if calm_p95 and burst_p95
            else None,
            "timeouts": calm.figures.timeouts + busy.figures.timeouts,
            "errors": (calm.figures.errors + busy.figures.errors)[:10],
        }
    )
    return out


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 2)


def _peak(arrivals: list[float]) -> int:
    """The most reminders that arrived within any one second."""
    best = start = 0
    for end, moment in enumerate(arrivals):
        while moment - arrivals[start] > 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def targets(reminders: dict[str, Any]) -> dict[str, bool | None]:
    """The issue's reminder targets, checked against the measured figures."""
    claim = reminders.get("claim_ms")
    calm = reminders.get("interactive_p95_ms_without_burst")
    busy = reminders.get("interactive_p95_ms_during_burst")
    violations = reminders.get("rate_violations")
    return {
        "reminder_claim_at_most_50_ms": None if claim is None else claim <= 50.0,
        "reminder_burst_within_rate_limits": None if violations is None else violations == 0,
        "reminder_p95_during_burst_at_most_20_pct_above": None
        if calm is None or busy is None
        else busy <= calm * 1.2,
    }


def table(reminders: dict[str, Any]) -> str:
    """The reminder figures as a few printed lines."""
    if reminders.get("status") != "measured":
        return f"reminders: {reminders.get('status')}"
    head = (
        f"{'reminders':<10} {'rows':>9} {'due':>5} {'claim ms':>9} {'first':>7} {'sent/s':>7} "
        f"{'peak/s':>6} {'viol.':>5} {'p95 calm':>8} {'p95 burst':>9} {'+%':>6}"
    )
    lines = [head, "-" * len(head)]
    for kind, entry in reminders["databases"].items():
        burst = entry.get("burst") or {}
        cells = (
            entry.get("rows"),
            reminders["due"],
            entry.get("claim_ms_median"),
            entry.get("claim_ms_first"),
            burst.get("send_rate_per_s"),
            burst.get("peak_per_s"),
            burst.get("rate_violations"),
            burst.get("calm_p95_ms"),
            burst.get("burst_p95_ms"),
            burst.get("p95_increase_pct"),
        )
        text = [("-" if c is None else str(c)) for c in cells]
        lines.append(
            f"{kind:<10} {text[0]:>9} {text[1]:>5} {text[2]:>9} {text[3]:>7} {text[4]:>7} "
            f"{text[5]:>6} {text[6]:>5} {text[7]:>8} {text[8]:>9} {text[9]:>6}"
        )
    lines.append("claim ms: median of the timed claims (first: the first one); p95 in ms")
    return "\n".join(lines)
