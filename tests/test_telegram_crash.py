"""A real bot process, killed with SIGKILL in the middle of work, loses and repeats nothing."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.db import Store
from storage.tables import ItemRow
from tests.fakebot import FakeTelegram, FakeUser

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """The fake Telegram the bot process talks to."""
    server = FakeTelegram(poll_throttling=False)
    await server.start()
    yield server
    await server.stop()


class BotProcess:
    """`python -m bot telegram` in its own process, against the fake and a SQLite file."""

    def __init__(self, fake: FakeTelegram, workdir: Path) -> None:
        self.fake = fake
        self.workdir = workdir
        self.database = workdir / "kringkoers.db"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, *args: str) -> None:
        """Start `python -m bot <args>` and wait until it polls."""
        env = {
            **os.environ,
            "KRINGKOERS_TELEGRAM_TOKEN": self.fake.token,
            "KRINGKOERS_TELEGRAM_BASE_URL": self.fake.api_url,
            "KRINGKOERS_TELEGRAM_FILE_BASE_URL": self.fake.file_url,
            "KRINGKOERS_DATABASE_URL": f"sqlite+aiosqlite:///{self.database}",
            "PYTHONPATH": str(ROOT),
        }
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *args,
            cwd=self.workdir,  # no .env there: only the settings above apply
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await self.fake.wait_until(lambda: self.fake.long_poll_active, timeout=60)

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()
        self.fake.world.poller.abort("killed")  # the dead process's long poll ends with it

    async def terminate(self) -> int:
        """SIGTERM: a graceful stop; returns the exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), 30)


async def stakeholders(database: Path) -> list[str]:
    """Names of the stakeholders in the database, in the order they were stored."""
    store = Store(f"sqlite+aiosqlite:///{database}")
    await store.open(migrate=False)
    try:
        async with store.engine.connect() as connection:
            rows = await connection.execute(
                select(ItemRow.data)
                .where(ItemRow.tool == "stakeholder", ItemRow.key.is_(None))
                .order_by(ItemRow.id)
            )
            return [str(row.data["name"]) for row in rows]
    finally:
        await store.close()


async def stakeholders_when(database: Path, count: int, timeout: float) -> list[str]:  # noqa: ASYNC109
    """The stakeholders once there are `count` of them (or more), or at the timeout."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        found = await stakeholders(database)
        if len(found) >= count or loop.time() > deadline:
            return found
        await asyncio.sleep(0.05)  # another process's database: nothing here to wait on


async def talk(user: FakeUser, text: str, *, replies: int = 1) -> str:
    """Send a message and wait for the replies."""
    await user.send(text)
    return "\n".join(m.text for m in await user.wait_for_messages(replies, timeout=30))


async def test_sigkill_mid_batch_loses_and_repeats_nothing(
    fake: FakeTelegram, tmp_path: Path
) -> None:
    bot = BotProcess(fake, tmp_path)
    await bot.start("telegram")
    try:
        an = fake.user(1001, "An", language_code="nl")
        await talk(an, "/nieuwteam", replies=2)
        await talk(an, "Gent Circulair")
        await talk(an, "Strategie 2030")
        await an.press("Circulaire strategie")  # answered in place: the question is edited
        await fake.wait_until(lambda: "aangemaakt" in an.last_message.text, timeout=30)
        await talk(an, "/stakeholders", replies=2)

        names = [f"Partner {n:02}" for n in range(12)]
        before = len(an.chat.bot_messages)
        for name in names[:3]:
            await an.send(name)
        await fake.wait_until(lambda: len(an.chat.bot_messages) >= before + 3, timeout=30)
        # A second process (a console, say) holds the write lock while the rest is typed in
        # quick succession: the bot fetches that batch and is part-way into it when killed,
        # however fast it stores answers.
        with contextlib.closing(sqlite3.connect(bot.database, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            for name in names[3:]:
                await an.send(name)
            await fake.wait_until(lambda: not fake.long_poll_active, timeout=30)
            await bot.kill()
            other.execute("ROLLBACK")
        stored_at_kill = await stakeholders(bot.database)
        assert stored_at_kill == names[:3]

        await bot.start()  # the README's way: `run` picks Telegram because a token is set
        await fake.wait_until(lambda: fake.pending_update_count == 0, timeout=60)
        # Confirmed once stored: processing may still be under way.
        stored = await stakeholders_when(bot.database, len(names), timeout=60)
        assert stored == names  # each once, in order
        await an.press("✅ Klaar")  # the walk goes on where it was, with all twelve
        await fake.wait_until(lambda: "Partner 00 (1 van 12)" in an.last_message.text, 60)
        assert await bot.terminate() == 0  # SIGTERM: a clean, graceful stop
    finally:
        if bot.process is not None and bot.process.returncode is None:
            bot.process.kill()
            await bot.process.wait()
