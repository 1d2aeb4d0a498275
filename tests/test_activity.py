"""Interactive activity: replies in flight keep the bot busy, bulk work does not."""

from __future__ import annotations

import asyncio

from bot.activity import Activity
from bot.telegram_send import Outbox


async def test_a_lull_comes_when_the_last_piece_of_work_ends() -> None:
    activity = Activity()
    assert await activity.lull(0.01) is True  # nothing going on
    activity.begin()
    activity.begin()
    waiting = asyncio.create_task(activity.lull(5))
    activity.end()
    await asyncio.sleep(0.05)
    assert not waiting.done(), "one piece of work is still in progress"
    activity.end()
    assert await asyncio.wait_for(waiting, 1) is True


async def test_patience_runs_out_when_the_work_goes_on() -> None:
    activity = Activity()
    with activity.working():
        started = asyncio.get_running_loop().time()
        assert await activity.lull(0.1) is False
        assert asyncio.get_running_loop().time() - started >= 0.09
    assert activity.busy == 0


async def test_an_answer_counts_as_busy_until_it_is_sent_a_reminder_does_not() -> None:
    outbox = Outbox()
    release = asyncio.Event()
    sent: list[str] = []

    async def answer() -> None:
        await release.wait()
        sent.append("answer")

    async def reminder() -> None:
        sent.append("reminder")

    outbox.post(1, reminder, bulk=True)
    await outbox.drain()
    assert outbox.activity.busy == 0, "bulk work is what waits for a lull, not what makes one"
    outbox.post(1, answer)
    assert outbox.activity.busy == 1
    await asyncio.sleep(0.01)
    assert outbox.activity.busy == 1, "queued and running: still busy"
    release.set()
    await outbox.drain()
    assert outbox.activity.busy == 0
    assert sent == ["reminder", "answer"]


async def test_a_failing_answer_still_ends_its_activity() -> None:
    outbox = Outbox()

    async def broken() -> None:
        raise RuntimeError("boom")

    outbox.post(2, broken)
    await outbox.drain()
    assert outbox.activity.busy == 0
