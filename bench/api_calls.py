"""CPU of the bot's side of a Bot API call: `python -m bench.api_calls`.

The fake Bot API runs in a process of its own, so `time.process_time` here counts only what
the bot spends: replies through Delivery (its lean path and, for comparison, PTB's
`do_api_request`, which it took before) and received updates through PollingLoop's own
getUpdates (and PTB's `Bot.get_updates`, which it used before).
Rounds alternate between the two paths, so load from elsewhere affects both alike.
`--no-network` answers from memory instead: only the work around aiohttp is left.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import time
from collections.abc import Awaitable, Callable
from functools import partial
from multiprocessing.connection import Connection
from typing import cast

from pydantic import SecretStr

from bot.settings import Settings
from bot.telegram_app import NO_FLOOD_LIMITS, build_application
from bot.telegram_http import AiohttpRequest
from bot.telegram_polling import PollingLoop
from bot.telegram_ratelimit import ChatRateLimiter
from bot.telegram_render import keyboard
from bot.telegram_send import Delivery, Outgoing
from bot.telegram_updates import Dispatcher

PEOPLE = 20  # chats sending side by side, as under load


def serve_fake(control: Connection) -> None:
    """The fake Bot API with PEOPLE people; `("push", n)` makes them send n messages."""
    from tests.fakebot import FakeTelegram

    async def serve() -> None:
        fake = FakeTelegram(poll_throttling=False, log_successes=False)
        await fake.start()
        people = [fake.user(3000 + number, f"P{number}") for number in range(PEOPLE)]
        control.send((fake.token, fake.api_url, fake.file_url))
        loop = asyncio.get_running_loop()
        while (command := await loop.run_in_executor(None, control.recv))[0] == "push":
            for number in range(command[1]):
                await people[number % PEOPLE].send(f"bericht {number}")
            control.send("done")
        await fake.stop()

    asyncio.run(serve())


async def measure(calls: int, rounds: int) -> dict[str, list[float]]:
    """CPU µs per call (or per update) of each kind, one figure per round."""
    control, remote = multiprocessing.Pipe()
    fake = multiprocessing.get_context("spawn").Process(target=serve_fake, args=(remote,))
    fake.start()
    token, api_url, file_url = control.recv()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_token=SecretStr(token),
        telegram_base_url=api_url,
        telegram_file_base_url=file_url,
    )
    application = build_application(settings, ChatRateLimiter(NO_FLOOD_LIMITS))
    await application.initialize()
    bot = application.bot
    buttons = keyboard(
        [[{"text": "Ja", "callback_data": "j"}, {"text": "Nee", "callback_data": "n"}]]
    )
    chats = [3000 + number for number in range(PEOPLE)]

    async def replies(delivery: Delivery, with_buttons: bool) -> None:
        async def chat(chat_id: int) -> None:
            for number in range(calls // PEOPLE):
                html = f"<b>Hallo</b> {chat_id}, bericht {number} — 10 % klaar"
                shown = Outgoing(chat_id, html, buttons if with_buttons else None)
                await delivery.send_all([shown], "bench")

        await asyncio.gather(*(chat(chat_id) for chat_id in chats))

    updates_request = bot._request[0]
    assert isinstance(updates_request, AiohttpRequest)

    async def updates(path: str, batch: int) -> None:
        """Received updates, fetched `batch` at a time, by PollingLoop's own fetch or PTB's."""
        control.send(("push", calls))
        await asyncio.get_running_loop().run_in_executor(None, control.recv)
        loop = PollingLoop(bot, cast(Dispatcher, None), timeout=0)
        loop.request = updates_request if path == "lean" else None
        received = 0
        label = f"getUpdates, {batch} a time, per update ({path})"
        started = time.process_time()
        while received < calls:
            if loop.request is None:
                fetched = await bot.get_updates(
                    offset=loop.offset, limit=batch, allowed_updates=loop.allowed_updates
                )
            else:
                fetched = await loop._fetch_updates(limit=batch)
            received += len(fetched)
            loop.offset = fetched[-1].update_id + 1
        spent.setdefault(label, []).append((time.process_time() - started) / calls * 1e6)

    async def timed(label: str, work: Callable[[], Awaitable[None]], count: int) -> None:
        started = time.process_time()
        await work()
        spent[label].append((time.process_time() - started) / count * 1e6)

    spent: dict[str, list[float]] = {}
    try:
        for _ in range(rounds):
            for path in ("PTB's do_api_request", "lean"):
                plain, retiring = Delivery(bot, retire_buttons=False), Delivery(bot)
                if path != "lean":
                    plain._request = retiring._request = None  # what Delivery did before
                spent.setdefault(f"sendMessage ({path})", [])
                spent.setdefault(f"sendMessage + retire buttons ({path})", [])
                await timed(f"sendMessage ({path})", partial(replies, plain, False), calls)
                await timed(
                    f"sendMessage + retire buttons ({path})",
                    partial(replies, retiring, True),
                    2 * calls,  # each reply also takes the buttons off the one before
                )
                await updates(path if path == "lean" else "PTB's get_updates", 1)
                await updates(path if path == "lean" else "PTB's get_updates", 100)
    finally:
        await application.shutdown()
        control.send(("stop",))
        fake.join(10)
    return spent


# Canned answers for --no-network: one sent message, one received text message.
_CHAT = {"id": 3001, "type": "private", "first_name": "An"}
_SENT = {"message_id": 7, "date": 1764640000, "chat": _CHAT, "text": "Hallo"}
_RECEIVED = {
    "update_id": 5,
    "message": {
        "message_id": 8,
        "date": 1764640000,
        "chat": _CHAT,
        "from": {"id": 3001, "is_bot": False, "first_name": "An", "language_code": "nl"},
        "text": "hallo",
    },
}


async def measure_offline(calls: int, rounds: int) -> dict[str, list[float]]:
    """The same paths with the transport answering at once from memory: what is left is the
    bot's own work around aiohttp (steadier figures on a busy machine)."""

    async def canned(self: AiohttpRequest, method: str, url: str, *_: object) -> tuple[int, bytes]:
        result = [_RECEIVED] if url.endswith("/getUpdates") else _SENT
        return 200, json.dumps({"ok": True, "result": result}).encode()

    AiohttpRequest._send = canned  # type: ignore[method-assign,assignment]
    settings = Settings(_env_file=None, telegram_token=SecretStr("1:offline"))  # type: ignore[call-arg]
    application = build_application(settings, ChatRateLimiter(NO_FLOOD_LIMITS))
    bot = application.bot
    assert bot.rate_limiter is not None
    await bot.rate_limiter.initialize()
    updates_request = bot._request[0]
    assert isinstance(updates_request, AiohttpRequest)
    spent: dict[str, list[float]] = {}
    for _ in range(rounds):
        for path in ("PTB", "lean"):
            polling = PollingLoop(bot, cast(Dispatcher, None), timeout=30)
            polling.request = updates_request if path == "lean" else None
            polling.offset = 12345
            delivery = Delivery(bot, retire_buttons=False)
            if path != "lean":
                delivery._request = None
            started = time.process_time()
            for _ in range(calls):
                await polling._fetch_updates()
            label = f"offline getUpdates of 1 update ({path})"
            spent.setdefault(label, []).append((time.process_time() - started) / calls * 1e6)
            started = time.process_time()
            for number in range(calls):
                await delivery.send_all([Outgoing(3001, f"<b>Hallo</b> {number}")], "bench")
            label = f"offline sendMessage ({path})"
            spent.setdefault(label, []).append((time.process_time() - started) / calls * 1e6)
    return spent


def main() -> None:
    """Print CPU µs per call: minimum and median over the rounds."""
    parser = argparse.ArgumentParser(prog="python -m bench.api_calls", description=__doc__)
    parser.add_argument("--calls", type=int, default=2000, help="calls per round (2000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (5)")
    parser.add_argument(
        "--no-network", action="store_true", help="canned answers instead of the fake"
    )
    options = parser.parse_args()
    run = measure_offline if options.no_network else measure
    for label, figures in asyncio.run(run(options.calls, options.rounds)).items():
        figures.sort()
        shown = ", ".join(f"{figure:.0f}" for figure in figures)
        print(
            f"{label:52} CPU µs/call: min {figures[0]:4.0f}  median "
            f"{figures[len(figures) // 2]:4.0f}  ({shown})"
        )


if __name__ == "__main__":
    main()
