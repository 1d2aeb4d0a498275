"""Shared fixtures: real SQLite and real PostgreSQL databases, and engines on them."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.telegram_ratelimit import use_timedelta_periods
from flows import drawing
from flows.engine import Engine
from storage.db import Store
from tests.chat import Clock
from tests.fakebot import FakeTelegram
from tests.telegram_harness import Harness, assert_nothing_refused

POSTGRES_URL = os.environ.get(
    "KRINGKOERS_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
_postgres_state: dict[str, str | None] = {}


def postgres_problem() -> str | None:
    """None when the test PostgreSQL answers, else why not (checked once per run)."""
    if "problem" not in _postgres_state:

        async def probe() -> None:
            import asyncpg

            dsn = POSTGRES_URL.replace("postgresql+asyncpg", "postgresql")
            connection = await asyncpg.connect(dsn, timeout=5)
            await connection.close()

        try:
            asyncio.run(probe())
            _postgres_state["problem"] = None
        except Exception as error:  # any failure means "not reachable" for the summary
            _postgres_state["problem"] = f"{type(error).__name__}: {error}"
    return _postgres_state["problem"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly whether the PostgreSQL half of the suite ran."""
    problem = _postgres_state.get("problem", "not needed")
    if problem is None:
        terminalreporter.write_line(f"PostgreSQL: reachable at {POSTGRES_URL}; tests ran on it.")
    elif problem != "not needed":
        terminalreporter.write_line(
            f"PostgreSQL: NOT reachable at {POSTGRES_URL} ({problem}); "
            "its tests were skipped. Set KRINGKOERS_TEST_POSTGRES_URL to run them.",
            red=True,
        )


@pytest.fixture(scope="session", autouse=True)
def timedelta_periods() -> None:
    """As the bot does on start: PTB's time periods as timedelta (tests that build their own
    RetryAfter would otherwise meet the deprecation warning, an error in this suite)."""
    use_timedelta_periods()


@pytest.fixture(scope="session", autouse=True)
def drawing_process() -> Iterator[None]:
    """One drawing process for the whole run (spawning one per test would be slow)."""
    yield
    drawing.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def db_kind(request: pytest.FixtureRequest) -> str:
    """Each storage-touching test runs on both databases."""
    kind: str = request.param
    if kind == "postgres":
        problem = postgres_problem()
        if problem is not None:
            if os.environ.get("CI"):
                pytest.fail(f"PostgreSQL must be reachable in CI: {problem}")
            pytest.skip(f"PostgreSQL not reachable: {problem}")
    return kind


@pytest.fixture
async def store(db_kind: str, tmp_path: Path) -> AsyncIterator[Store]:
    """A migrated, empty database of the requested kind."""
    if db_kind == "sqlite":
        db = Store(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
        await db.open()
        yield db
        await db.close()
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = Store(POSTGRES_URL)
    await admin.open(migrate=False)
    async with admin.engine.begin() as connection:
        await connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    db = Store(POSTGRES_URL, schema=schema)
    await db.open()
    yield db
    await db.close()
    async with admin.engine.begin() as connection:
        await connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    await admin.close()


@pytest.fixture
def clock() -> Clock:
    """A controllable clock, starting Sunday 22 November 2026, 10:00 in Brussels."""
    return Clock(datetime(2026, 11, 22, 9, 0, tzinfo=UTC))


@pytest.fixture
def engine(store: Store, clock: Clock) -> Iterator[Engine]:
    """The engine on a fresh database."""
    yield Engine(store, clock=clock.now, invite_ttl=timedelta(days=7))


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A fresh fake Telegram (strict: also refuses what Telegram merely tolerates)."""
    server = FakeTelegram(poll_throttling=False, strict=True)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def harness(fake: FakeTelegram, store: Store) -> AsyncIterator[Harness]:
    """The bot running on the test database, against the fake; afterwards every call it made
    was one Telegram accepts and every tapped button was answered."""
    rig = Harness(fake, store)
    await rig.start_bot()
    yield rig
    await rig.stop_bot()
    assert_nothing_refused(fake)
