"""Two real bot processes on one PostgreSQL database send a thousand due reminders, each once.

The production shape with several processes: both in webhook mode behind a load balancer
(here a small round-robin proxy), each on its own port, one bot token, one database. Polling
would not do: Telegram answers a second getUpdates (or getUpdates next to a webhook) with 409.
The fake enforces Telegram's flood limits, which the two processes share (one bot token).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import socket
import sys
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from sqlalchemy import func, select

from flows.domain import ReminderSettings, TeamReminderSettings, Track
from flows.engine import Engine
from flows.reminders import sync_items
from flows.schedule import zone_of
from storage.db import Store
from storage.tables import ReminderRow
from tests.conftest import POSTGRES_URL, postgres_problem
from tests.fakebot import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
USERS = 100  # recipients: 10 reminders each stay within about one message a second per chat
PER_USER = 10
FIRST_USER = 5001
SECRET = "shared-webhook-secret"  # both processes must accept what the balancer forwards
# Reminders at any hour, any day: nothing waits for working hours while the test runs.
ALWAYS = ReminderSettings(
    quiet_start="00:00", quiet_end="00:00", working_days="1234567", remind_at="00:00"
)
NO_EXTRAS = TeamReminderSettings(days_before=0, escalation_days=0, digest_weekday=0)


def label(user_id: int, number: int) -> str:
    """The task name of one reminder: unique, and no label is a prefix of another."""
    return f"Opdracht {user_id} nr {number:02}"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def postgres() -> str:
    """The test PostgreSQL's URL (this test is about PostgreSQL's row locks only)."""
    problem = postgres_problem()  # a sync fixture: the probe runs its own event loop
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL must be reachable in CI: {problem}")
        pytest.skip(f"PostgreSQL not reachable: {problem}")
    return POSTGRES_URL


@pytest.fixture
async def schema(postgres: str) -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL schema, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = Store(postgres)
    await admin.open(migrate=False)
    async with admin.engine.begin() as connection:
        await connection.exec_driver_sql(f'CREATE SCHEMA "{name}"')
    try:
        yield name
    finally:
        async with admin.engine.begin() as connection:
            await connection.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
        await admin.close()


@pytest.fixture
async def store(schema: str) -> AsyncIterator[Store]:
    """The test's own connection to the schema the bot processes use."""
    db = Store(POSTGRES_URL, schema=schema)
    await db.open()
    yield db
    await db.close()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """The fake Telegram, refusing messages over the flood limits with 429 as Telegram does."""
    server = FakeTelegram(strict=True, enforce_rate_limits=True)
    await server.start()
    yield server
    await server.stop()


class Balancer:
    """A round-robin reverse proxy in front of the processes' webhook servers."""

    def __init__(self) -> None:
        self.forwarded: Counter[str] = Counter()
        self._next: itertools.cycle[str] = itertools.cycle([])
        self.port = free_port()
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    @property
    def url(self) -> str:
        """The public webhook URL (what setWebhook gets)."""
        return f"http://127.0.0.1:{self.port}/telegram"

    async def start(self, backends: list[str]) -> None:
        """Listen, forwarding to `backends` in turn."""
        self._next = itertools.cycle(backends)
        self._session = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_post("/telegram", self._forward)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._session is not None
        backend = next(self._next)
        self.forwarded[backend] += 1
        headers = {
            k: v for k, v in request.headers.items() if k.lower().startswith(("x-", "content-"))
        }
        async with self._session.post(
            backend, data=await request.read(), headers=headers
        ) as answer:
            return web.Response(status=answer.status, body=await answer.read())

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()


class BotProcess:
    """`python -m bot telegram` in webhook mode, in its own process."""

    def __init__(self, fake: FakeTelegram, schema: str, public_url: str, workdir: Path) -> None:
        self.fake = fake
        self.schema = schema
        self.public_url = public_url
        self.port = free_port()
        self.workdir = workdir
        self.log = workdir / "bot.log"
        self.process: asyncio.subprocess.Process | None = None

    @property
    def webhook(self) -> str:
        """Where this process itself receives updates."""
        return f"http://127.0.0.1:{self.port}/telegram"

    async def start(self) -> None:
        """Start the process (it connects, sets the webhook and begins its reminder rounds)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "KRINGKOERS_TELEGRAM_TOKEN": self.fake.token,
            "KRINGKOERS_TELEGRAM_BASE_URL": self.fake.api_url,
            "KRINGKOERS_TELEGRAM_FILE_BASE_URL": self.fake.file_url,
            "KRINGKOERS_DATABASE_URL": POSTGRES_URL,
            "KRINGKOERS_DATABASE_SCHEMA": self.schema,
            "KRINGKOERS_MODE": "webhook",
            "KRINGKOERS_WEBHOOK_URL": self.public_url,
            "KRINGKOERS_WEBHOOK_LISTEN": "127.0.0.1",
            "KRINGKOERS_WEBHOOK_PORT": str(self.port),
            "KRINGKOERS_WEBHOOK_SECRET": SECRET,
            "KRINGKOERS_REMINDER_INTERVAL_SECONDS": "1",
            "PYTHONPATH": str(ROOT),
        }
        with self.log.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "telegram",
                cwd=self.workdir,  # no .env there: only the settings above apply
                env=env,
                stdout=log,
                stderr=log,
            )

    async def wait_ready(self, session: aiohttp.ClientSession) -> None:
        """Until GET /health answers 200 (the webhook server runs)."""
        assert self.process is not None
        for _ in range(600):
            if self.process.returncode is not None:
                raise AssertionError(f"bot exited early:\n{self.log.read_text()[-3000:]}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"http://127.0.0.1:{self.port}/health") as answer:
                    if answer.status == 200:
                        return
            await asyncio.sleep(0.1)
        raise AssertionError(f"bot not ready:\n{self.log.read_text()[-3000:]}")

    async def terminate(self) -> int:
        """SIGTERM: a graceful stop; returns the exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 30)

    async def kill(self) -> None:
        """Make sure the process is gone (after a failure)."""
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def seed(store: Store, fake: FakeTelegram) -> None:
    """USERS people on Telegram, each coordinating a team with PER_USER dated actions, due now."""
    engine = Engine(store)  # only for its registry: the tools as they declare their deadlines
    today = datetime.now(zone_of(ALWAYS)).date().isoformat()
    for user_id in range(FIRST_USER, FIRST_USER + USERS):
        name = f"Persoon {user_id}"
        fake.user(user_id, name, language_code="nl")
        async with store.transaction() as tx:
            person, _ = await tx.people.get_or_create(f"tg:{user_id}", name, "nl")
            await tx.reminders.save_settings(person.id, ALWAYS)
            team = await tx.teams.create(f"Team {user_id}", person.id)
            await tx.reminders.save_team_settings(team.id, NO_EXTRAS)
            project = await tx.projects.create(team.id, person.id, "Strategie", Track.STRATEGY)
            for number in range(PER_USER):
                data = {"name": label(user_id, number), "when": today, "who": name}
                await tx.items.add(project.id, "communication", data, person.id)
            # What the engine does after every event that touched items: plan their reminders.
            await sync_items(tx, engine.registry, tx.items.touched)


async def open_count(store: Store) -> int:
    """Reminders still pending or snoozed."""
    async with store.engine.connect() as connection:
        found = await connection.scalar(
            select(func.count())
            .select_from(ReminderRow)
            .where(ReminderRow.status.in_(("pending", "snoozed")))
        )
        return int(found or 0)


async def watch_claims(store: Store, seen: set[str]) -> None:
    """Note every worker that holds a lease on some reminder, until cancelled."""
    while True:
        async with store.engine.connect() as connection:
            rows = await connection.scalars(
                select(ReminderRow.claimed_by).where(ReminderRow.claimed_by.is_not(None)).distinct()
            )
            seen.update(str(worker) for worker in rows)
        await asyncio.sleep(0.05)


async def test_two_processes_send_a_thousand_due_reminders_each_once(
    fake: FakeTelegram, store: Store, schema: str, tmp_path: Path
) -> None:
    await seed(store, fake)
    async with store.engine.connect() as connection:
        planned = list(await connection.execute(select(ReminderRow.kind, ReminderRow.status)))
    assert len(planned) == USERS * PER_USER
    assert {(kind, status) for kind, status in planned} == {("due", "pending")}

    balancer = Balancer()
    bots = [BotProcess(fake, schema, balancer.url, tmp_path / f"bot{n}") for n in (1, 2)]
    await balancer.start([bot.webhook for bot in bots])
    claimers: set[str] = set()
    watcher = asyncio.create_task(watch_claims(store, claimers))
    try:
        async with aiohttp.ClientSession() as session:
            await asyncio.gather(*(bot.start() for bot in bots))
            await asyncio.gather(*(bot.wait_ready(session) for bot in bots))
        # Interactive work in the middle of the reminders: newcomers are answered at once,
        # by whichever process the balancer picks.
        newcomers = [fake.user(9001 + n, f"Nieuw {n}", language_code="nl") for n in range(4)]
        for newcomer in newcomers:
            await newcomer.send("/start")
        for newcomer in newcomers:
            await newcomer.wait_for_messages(1, timeout=30)
        assert set(balancer.forwarded) == {bot.webhook for bot in bots}

        total = USERS * PER_USER
        await fake.wait_until(
            lambda: (
                sum(len(fake.messages_in(u)) for u in range(FIRST_USER, FIRST_USER + USERS))
                >= total
            ),
            timeout=120,
        )
        for _ in range(300):  # the last few are recorded right after Telegram accepted them
            if await open_count(store) == 0:
                break
            await asyncio.sleep(0.1)
        assert await open_count(store) == 0
        codes = await asyncio.gather(*(bot.terminate() for bot in bots))
        assert codes == [0, 0], "both stop gracefully"
    finally:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
        for bot in bots:
            await bot.kill()
        await balancer.stop()

    # Nothing went wrong on the way: no failed round, no reminder given up or sent on a lost lease.
    for bot in bots:
        trouble = ("Traceback", " ERROR ", "not delivered", "lease lost")
        lines = bot.log.read_text(errors="replace").splitlines()
        assert not [line for line in lines if any(word in line for word in trouble)], bot.log

    # Exactly once at Telegram: one accepted sendMessage per reminder, in the right chat.
    accepted = Counter(
        (int(call.params["chat_id"]), str(call.params["text"]))
        for call in fake.calls("sendMessage")
        if call.status == 200
    )
    for user_id in range(FIRST_USER, FIRST_USER + USERS):
        texts = [m.text for m in fake.messages_in(user_id)]
        assert len(texts) == PER_USER, f"chat {user_id}: {texts}"
        for number in range(PER_USER):
            name = label(user_id, number)
            assert sum(name in text for text in texts) == 1, f"{name}: {texts}"
            sent = [n for (chat, text), n in accepted.items() if chat == user_id and name in text]
            assert sent == [1], f"{name}: sendMessage accepted {sent} times"

    # Recorded in the database as sent, each once (a row is finished only once).
    async with store.engine.connect() as connection:
        rows = list(await connection.execute(select(ReminderRow.status, ReminderRow.sent_at)))
    assert len(rows) == total
    assert {status for status, _ in rows} == {"sent"}
    assert all(sent_at is not None for _, sent_at in rows)

    # Both processes took part: each held leases (worker names carry the process id).
    pids = {str(bot.process.pid) for bot in bots if bot.process is not None}
    assert {worker.split("-")[-2] for worker in claimers} == pids
    # Telegram refused nothing but the occasional flood-limit 429 the bots waited out.
    refused = [r for r in fake.requests if r.status >= 400 and r.status != 429]
    assert not refused, refused
