"""The rate limiter: bursts per chat, 429s per chat, interactive before bulk, a cheap hot path."""

from __future__ import annotations

import asyncio
import os
import time
import warnings
from typing import Any

import pytest
import uvloop
from telegram.error import RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.settings import Settings
from bot.telegram_app import TelegramBot
from bot.telegram_ratelimit import (
    ChatRateLimiter,
    Limits,
    retry_after_seconds,
    use_timedelta_periods,
)


async def _ok(*_: Any, **__: Any) -> bool:
    return True


async def send(
    limiter: ChatRateLimiter, chat_id: int, *, bulk: bool = False, endpoint: str = "sendMessage"
) -> float:
    """One call through the limiter; returns when it went out (loop time)."""
    await limiter.process_request(
        _ok, (), {}, endpoint, {"chat_id": chat_id}, {"priority": "bulk"} if bulk else None
    )
    return asyncio.get_running_loop().time()


async def test_a_reply_of_three_messages_goes_out_at_once_the_fourth_waits() -> None:
    limiter = ChatRateLimiter(Limits(chat_max=3, chat_window=0.3))
    await limiter.initialize()
    start = asyncio.get_running_loop().time()
    times = [await send(limiter, 1) for _ in range(4)]
    assert times[2] - start < 0.05
    assert times[3] - start >= 0.29  # when the first has left the window
    edited = await send(limiter, 1, endpoint="editMessageText") - times[3]
    assert edited < 0.05  # edits post nothing new: the chat's window does not hold them


async def test_group_chats_get_the_slower_group_budget() -> None:
    limiter = ChatRateLimiter(Limits(chat_max=100, group_max=1, group_window=0.2))
    await limiter.initialize()
    start = asyncio.get_running_loop().time()
    await send(limiter, -100)
    private = await send(limiter, 100) - start
    await send(limiter, 100)
    group = await send(limiter, -100) - start
    assert private < 0.05 and group >= 0.15


async def test_retry_after_pauses_only_that_chat_and_retries() -> None:
    limiter = ChatRateLimiter(Limits(max_retries=2))
    await limiter.initialize()
    loop = asyncio.get_running_loop()
    calls: list[tuple[int, float]] = []
    failed_once = asyncio.Event()

    async def flaky(chat_id: int) -> bool:
        calls.append((chat_id, loop.time()))
        if chat_id == 1 and not failed_once.is_set():
            failed_once.set()
            raise RetryAfter(1)
        return True

    async def request(chat_id: int) -> float:
        await limiter.process_request(
            flaky, (chat_id,), {}, "sendMessage", {"chat_id": chat_id}, None
        )
        return loop.time()

    start = loop.time()
    first = asyncio.create_task(request(1))
    await failed_once.wait()
    other = await request(2)  # another chat during chat 1's wait
    done = await first
    assert other - start < 0.2
    assert done - start >= 1.0
    assert [c for c, _ in calls] == [1, 2, 1]


async def test_retry_after_gives_up_after_max_retries() -> None:
    limiter = ChatRateLimiter(Limits(max_retries=1))
    await limiter.initialize()
    attempts = 0

    async def always_429() -> bool:
        nonlocal attempts
        attempts += 1
        raise RetryAfter(0)

    try:
        await limiter.process_request(always_429, (), {}, "sendMessage", {"chat_id": 5}, None)
    except RetryAfter:
        pass
    else:
        raise AssertionError("RetryAfter should surface after the retries")
    assert attempts == 2


async def test_edits_and_callback_answers_leave_the_overall_window_to_messages() -> None:
    # Telegram's limits are about messages: a tap's edits must not crowd out answers and
    # reminders, yet new messages still keep to the overall budget.
    limiter = ChatRateLimiter(Limits(overall_max=2, overall_window=0.3, chat_max=100))
    await limiter.initialize()
    start = asyncio.get_running_loop().time()
    for n in range(5):
        await send(limiter, 50 + n, endpoint="editMessageText")
        await send(limiter, 50 + n, endpoint="editMessageReplyMarkup")
        await limiter.process_request(_ok, (), {}, "answerCallbackQuery", {}, None)
    sent = [await send(limiter, 60 + n) - start for n in range(3)]
    assert sent[1] < 0.05, "ten edits and five callback answers took none of the budget"
    assert sent[2] >= 0.29, "the third message in the window waits for room"
    edited = await send(limiter, 61, endpoint="editMessageText") - start
    assert edited - sent[2] < 0.05, "an edit does not wait for a full overall window"


async def test_interactive_requests_overtake_waiting_bulk_ones() -> None:
    limiter = ChatRateLimiter(Limits(overall_max=1, overall_window=0.05, chat_max=100))
    await limiter.initialize()
    order: list[str] = []

    async def tagged(name: str, chat_id: int, bulk: bool) -> None:
        await send(limiter, chat_id, bulk=bulk)
        order.append(name)

    tasks = [asyncio.create_task(tagged(f"bulk{n}", 1000 + n, True)) for n in range(5)]
    await asyncio.sleep(0)  # let the bulk requests queue up first
    tasks.append(asyncio.create_task(tagged("answer", 7, False)))
    await asyncio.gather(*tasks)
    assert order.index("answer") <= 1, order  # only the bulk message already on its way


async def test_bulk_leaves_room_in_the_overall_window_for_answers() -> None:
    limits = Limits(overall_max=4, overall_window=0.3, reserve=1, chat_max=100)
    limiter = ChatRateLimiter(limits)
    await limiter.initialize()
    start = asyncio.get_running_loop().time()
    burst = [asyncio.create_task(send(limiter, 1000 + n, bulk=True)) for n in range(6)]
    await asyncio.sleep(0.01)  # the burst has taken what it may of the window
    answered = await send(limiter, 7) - start
    bulk_times = sorted(await asyncio.gather(*burst))
    assert answered < 0.05, "an answer finds a free call although the burst waits"
    assert bulk_times[2] - start < 0.05 and bulk_times[3] - start >= 0.29  # 3 per window


async def test_bulk_keeps_room_for_as_many_answers_as_the_last_window_had() -> None:
    limits = Limits(overall_max=6, overall_window=0.2, reserve=1, chat_max=100)
    limiter = ChatRateLimiter(limits)
    await limiter.initialize()
    for n in range(4):  # the usual answers …
        await send(limiter, 10 + n)
    await asyncio.sleep(0.21)  # … then a lull: none in the window when the burst comes
    start = asyncio.get_running_loop().time()
    burst = [asyncio.create_task(send(limiter, 1000 + n, bulk=True)) for n in range(3)]
    await asyncio.sleep(0.01)
    answered = [await send(limiter, 20 + n) - start for n in range(4)]
    bulk_times = sorted(await asyncio.gather(*burst))
    assert max(answered) < 0.05, "the answers after the lull find their room"
    assert bulk_times[0] - start < 0.05, "bulk still uses what the answers leave"
    assert bulk_times[1] - start >= 0.15, "but not the room the answers were expected to need"


async def test_hot_path_is_cheap() -> None:
    limiter = ChatRateLimiter()
    await limiter.initialize()
    durations = []
    for n in range(3000):
        started = time.perf_counter()
        await limiter.process_request(_ok, (), {}, "sendMessage", {"chat_id": n}, None)
        durations.append(time.perf_counter() - started)
        if n % 25 == 0:
            limiter._overall.sent.clear()  # type: ignore[union-attr]  # measure overhead only
    durations.sort()
    assert durations[int(len(durations) * 0.95)] < 0.001


async def test_a_send_counts_from_when_telegram_answered_it() -> None:
    # A slow request may reach Telegram late: its place in the window starts at the answer.
    limiter = ChatRateLimiter(Limits(chat_max=1, chat_window=0.2))
    await limiter.initialize()
    loop = asyncio.get_running_loop()

    async def slow() -> bool:
        await asyncio.sleep(0.3)
        return True

    await limiter.process_request(slow, (), {}, "sendMessage", {"chat_id": 3}, None)
    answered = loop.time()
    sent = await send(limiter, 3)
    assert sent - answered >= 0.19


async def test_a_429_holds_edits_to_that_chat_too() -> None:
    limiter = ChatRateLimiter(Limits(max_retries=1))
    await limiter.initialize()
    loop = asyncio.get_running_loop()
    refused = asyncio.Event()

    async def once_429() -> bool:
        if not refused.is_set():
            refused.set()
            raise RetryAfter(1)
        return True

    start = loop.time()
    first = asyncio.create_task(
        limiter.process_request(once_429, (), {}, "sendMessage", {"chat_id": 9}, None)
    )
    await refused.wait()
    edited = await send(limiter, 9, endpoint="editMessageText")
    await first
    assert edited - start >= 1.0


def test_a_429_is_read_without_deprecation_noise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    use_timedelta_periods()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        error = RetryAfter(3)
        assert retry_after_seconds(error) == 3.0
    # Someone who chose otherwise keeps their choice; the wait is read all the same.
    monkeypatch.setenv("PTB_TIMEDELTA", "false")
    use_timedelta_periods()
    assert os.environ["PTB_TIMEDELTA"] == "false"
    with pytest.warns(PTBDeprecationWarning):
        error = RetryAfter(3)
    assert retry_after_seconds(error) == 3.0


def test_the_bot_opts_in_when_it_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    settings = Settings(_env_file=None, telegram_token="1:x")  # type: ignore[call-arg]
    TelegramBot(settings)
    assert os.environ["PTB_TIMEDELTA"] == "1"


def test_on_uvloop_no_window_lets_in_more_than_its_limit_by_the_real_clock() -> None:
    # uvloop's loop.time() is when the current iteration began: after a busy stretch of the
    # loop (here 50 ms before each send, as a burst of updates makes), sends stamped with it
    # would look that much earlier than they went out.
    async def run() -> list[float]:
        limiter = ChatRateLimiter(Limits(overall_max=5, overall_window=0.3, reserve=0))
        await limiter.initialize()
        sent: list[float] = []

        async def stamped(*_: Any, **__: Any) -> bool:
            sent.append(time.monotonic())
            return True

        for chat in range(12):
            time.sleep(0.05)  # noqa: ASYNC251 (the point: the loop is kept busy)
            await limiter.process_request(
                stamped, (), {}, "sendMessage", {"chat_id": chat}, {"priority": "bulk"}
            )
        return sent

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        sent = runner.run(run())
    # By the real clock, any 0.3 s holds at most 5 of them.
    assert all(sent[k + 5] - sent[k] >= 0.3 for k in range(len(sent) - 5))
