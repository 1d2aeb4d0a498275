"""Polling with the update inbox: a batch is stored, confirmed and processed while the next
one is fetched; one chat's updates stay in order; nothing is lost to a crash or a failure."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder, TypeHandler

from bot.telegram_http import AiohttpRequest
from bot.telegram_polling import PollingLoop
from bot.telegram_taps import Tap
from bot.telegram_updates import App, Dispatcher, chat_key
from storage.db import Store
from storage.inbox import UpdateInbox
from storage.json_codec import loads
from tests.fakebot import FakeTelegram, FakeUser

pytestmark = pytest.mark.asyncio

AN, BO = 1001, 1002


class Recorder:
    """Stands in for our handlers on a real PTB Application: logs each update's start and
    end by its text; a held chat's updates wait until it is let go."""

    def __init__(self, *, held: set[int] | None = None, fail: set[str] | None = None) -> None:
        self.log: list[tuple[str, str]] = []
        self.held = held or set()
        self.go = asyncio.Event()
        self.fail = fail or set()  # texts to deliver again, once each
        self.failed: set[int] = set()  # read by the Dispatcher

    async def handle(self, update: Update | Tap, _: Any = None) -> None:
        """Record the update; a held chat's waits until `go` is set."""
        assert isinstance(update, Update) and update.message is not None
        text = str(update.message.text)
        self.log.append(("start", text))
        if chat_key(update) in self.held:
            await self.go.wait()
        self.log.append(("end", text))
        if text in self.fail:
            self.fail.discard(text)
            self.failed.add(update.update_id)

    async def on_tap(self, tap: Tap) -> None:
        """No taps in these tests."""
        raise AssertionError(tap)

    def texts(self, kind: str) -> list[str]:
        """The texts whose `kind` ("start" or "end") was logged, in order."""
        return [text for logged, text in self.log if logged == kind]


class Rig:
    """A real PTB Application with our getUpdates transport, a Dispatcher over a Recorder and
    a PollingLoop storing batches in the test database's inbox."""

    def __init__(self, fake: FakeTelegram, inbox: UpdateInbox, recorder: Recorder) -> None:
        self.fake = fake
        self.inbox = inbox
        self.recorder = recorder
        self.request = AiohttpRequest(connection_pool_size=1, read_timeout=1.0)
        self.application: App = (
            ApplicationBuilder()
            .token(fake.token)
            .base_url(fake.api_url)
            .base_file_url(fake.file_url)
            .get_updates_request(self.request)
            .updater(None)
            .build()
        )
        self.application.add_handler(TypeHandler(Update, recorder.handle))
        self.loop: PollingLoop | None = None

    async def start(self, *, poll_timeout: int = 1) -> PollingLoop:
        """Initialise the application and start polling."""
        await self.application.initialize()
        dispatcher = Dispatcher(self.application, self.recorder)  # type: ignore[arg-type]
        self.loop = PollingLoop(
            self.application.bot,
            dispatcher,
            timeout=poll_timeout,
            request=self.request,
            inbox=self.inbox,
        )
        self.loop.start()
        return self.loop

    async def crash(self) -> None:
        """End everything at once, as a killed process would: nothing is finished or told."""
        assert self.loop is not None and self.loop._task is not None
        tasks = [self.loop._task, *self.loop._batches.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.fake.world.poller.abort("killed")  # the dead process's long poll ends with it
        await self.application.shutdown()

    async def stop(self) -> None:
        """A graceful stop (held chats let go: a stop waits for the updates under way)."""
        self.recorder.go.set()
        if self.loop is not None:
            await self.loop.stop()
        await self.application.shutdown()


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Wait until `condition()` holds (it looks at our side, which the fake cannot signal)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("condition still false")
        await asyncio.sleep(0.005)


@pytest.fixture
async def users(fake: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    """Two people writing to the bot in private chats."""
    return fake.user(AN, "An"), fake.user(BO, "Bo")


async def stored_texts(inbox: UpdateInbox) -> list[str]:
    """The texts of the messages in the inbox's batches, oldest first."""
    return [
        update["message"]["text"] for _, body in await inbox.waiting() for update in loads(body)
    ]


async def test_a_stored_batch_is_confirmed_while_processed_and_survives_a_crash(
    fake: FakeTelegram, store: Store, users: tuple[FakeUser, FakeUser]
) -> None:
    an, bo = users
    inbox = UpdateInbox(store, "tg:test")
    first = Rig(fake, inbox, Recorder(held={AN}))
    await an.send("a1")
    await an.send("a2")
    await bo.send("b1")
    await first.start()
    try:
        # Confirmed (Telegram holds nothing) and asking for more while An's chat is at a1.
        await until(lambda: first.recorder.texts("end") == ["b1"])
        await fake.wait_until(lambda: fake.pending_update_count == 0 and fake.long_poll_active)
        assert first.recorder.texts("start") == ["a1", "b1"]
        assert await stored_texts(inbox) == ["a1", "a2", "b1"]
    finally:
        await first.crash()

    second = Rig(fake, inbox, Recorder())
    await second.start()
    try:
        # From the inbox, in order; nothing fetched from Telegram again.
        await until(lambda: len(second.recorder.texts("end")) == 3)
        assert second.recorder.texts("end") == ["a1", "a2", "b1"]
        await fake.wait_until(lambda: fake.long_poll_active)
        await an.send("a3")
        await until(lambda: second.recorder.texts("end")[-1:] == ["a3"])
    finally:
        await second.stop()
    assert second.recorder.texts("start") == ["a1", "a2", "b1", "a3"]
    assert await inbox.waiting() == []
    assert fake.pending_update_count == 0


async def test_the_next_batch_goes_ahead_of_a_slow_one_but_never_within_its_chat(
    fake: FakeTelegram, store: Store, users: tuple[FakeUser, FakeUser]
) -> None:
    an, bo = users
    inbox = UpdateInbox(store, "tg:test")
    rig = Rig(fake, inbox, Recorder(held={AN}))
    loop = await rig.start()
    try:
        await an.send("a1")
        await until(lambda: rig.recorder.texts("start") == ["a1"])
        await fake.wait_until(lambda: fake.long_poll_active)  # fetching while a1 runs
        await an.send("a2")
        await bo.send("b1")
        await until(lambda: rig.recorder.texts("end") == ["b1"])
        assert len(loop._batches) == 2  # both batches under way
        assert "a2" not in rig.recorder.texts("start")  # behind a1, in its own chat
        rig.recorder.go.set()
        await until(lambda: rig.recorder.texts("end") == ["b1", "a1", "a2"])
        await until(lambda: not loop.busy)
        assert rig.recorder.log.index(("end", "a1")) < rig.recorder.log.index(("start", "a2"))
    finally:
        await rig.stop()
    assert await inbox.waiting() == []  # processed batches leave the inbox
    assert fake.pending_update_count == 0


async def test_an_update_to_deliver_again_is_processed_again_from_the_inbox_in_order(
    fake: FakeTelegram, store: Store, users: tuple[FakeUser, FakeUser]
) -> None:
    an, bo = users
    inbox = UpdateInbox(store, "tg:test")
    rig = Rig(fake, inbox, Recorder(held={BO}, fail={"a1"}))
    # A long poll of 30 s: the retry must not wait for it to end.
    loop = await rig.start(poll_timeout=30)
    try:
        await an.send("a1")
        await bo.send("b1")
        await until(lambda: rig.recorder.texts("end") == ["a1"])
        await an.send("a2")  # not fetched until a1 went through
        await asyncio.sleep(0.2)
        assert "a2" not in rig.recorder.texts("start")
        rig.recorder.go.set()  # the batch under way (b1) ends; then a1 again, then a2
        await until(lambda: rig.recorder.texts("end")[-1:] == ["a2"], timeout=10)
        await until(lambda: not loop.busy)
    finally:
        await rig.stop()
    assert rig.recorder.texts("start") == ["a1", "b1", "a1", "a2"]
    assert await inbox.waiting() == []
    assert fake.pending_update_count == 0


async def test_when_the_inbox_cannot_store_a_batch_it_is_confirmed_only_once_processed(
    fake: FakeTelegram, tmp_path: Path, users: tuple[FakeUser, FakeUser]
) -> None:
    an, _ = users
    lost = Store(f"sqlite+aiosqlite:///{tmp_path / 'lost.db'}")
    await lost.open()
    rig = Rig(fake, UpdateInbox(lost, "tg:test"), Recorder(held={AN}))
    loop = await rig.start()
    try:
        await fake.wait_until(lambda: fake.long_poll_active)  # the inbox was read at start
        await lost.close()  # from now on every call fails
        await an.send("a1")
        await until(lambda: rig.recorder.texts("start") == ["a1"])
        await asyncio.sleep(0.1)
        assert fake.pending_update_count == 1 and not fake.long_poll_active
        rig.recorder.go.set()
        await fake.wait_until(lambda: fake.pending_update_count == 0 and fake.long_poll_active)
        assert rig.recorder.texts("end") == ["a1"] and not loop.busy
    finally:
        with contextlib.suppress(Exception):
            await rig.stop()
