"""Reminders end to end: the real bot's reminder loop against the fake Bot API, clock by hand.

Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot import telegram_app
from flows.engine import Engine
from storage.db import Store
from storage.tables import ReminderRow
from tests.chat import Clock
from tests.fakebot import FakeTelegram
from tests.reminder_probe import register_probe, task_button, task_deadlines
from tests.telegram_harness import Harness, assert_nothing_refused, invite_token, new_team

BRUSSELS = ZoneInfo("Europe/Brussels")


class ProbedEngine(Engine):
    """The engine knowing the probe tool's deadlines from the start.

    The reminder loop's first round runs as the bot starts, before a test can register the
    probe; a round that does not know its deadlines skips their reminders. (Its commands
    come after the start: the command menu has no translations for them.)
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registry.deadlines["task"] = task_deadlines
        self.registry.buttons["task"] = task_button


@pytest.fixture
async def harness(
    fake: FakeTelegram, store: Store, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Harness]:
    """The bot on the test clock, with the probe tool that declares deadlines."""
    monkeypatch.setattr(telegram_app, "Engine", ProbedEngine)
    rig = Harness(fake, store)
    bot = await rig.start_bot(clock=clock.now, reminder_interval_seconds=3600)
    register_probe(bot.engine.registry)
    yield rig
    await rig.stop_bot()
    # 403: a member who blocked the bot; 502: Telegram made unreachable on purpose.
    assert_nothing_refused(fake, tolerated=(403, 429, 502))


def at(clock: Clock, day: int, hour: int) -> None:
    """Set the clock to a Brussels wall time in November 2026."""
    clock.current = datetime(2026, 11, day, hour, tzinfo=BRUSSELS).astimezone(UTC)


async def send_due(harness: Harness) -> int:
    """One round of the bot's reminder loop, then wait until everything went out."""
    assert harness.bot is not None and harness.bot.reminders is not None
    queued = await harness.bot.reminders.tick()
    await harness.settle()
    return queued


async def statuses(store: Store) -> dict[str, str]:
    """Deadline reminders' statuses by key."""
    async with store.engine.connect() as connection:
        result = await connection.execute(
            select(ReminderRow.key, ReminderRow.status).where(ReminderRow.item_id.is_not(None))
        )
        return {key: status for key, status in result.all()}


async def test_a_reminder_arrives_and_done_works_from_it(
    harness: Harness, clock: Clock, store: Store
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/taak Rapport schepen | 2026-11-23 | An")
    an.mark()
    at(clock, 23, 9)
    assert await send_due(harness) == 1
    reminder = an.user.last_message
    assert "Rapport schepen" in reminder.text
    assert any("Gedaan" in label for row in reminder.buttons for label in row)
    await an.say("/herinneringen")  # a newer reply leaves the reminder its buttons
    assert an.user.chat.bot_messages[-1] is not reminder
    await an.press("Gedaan")
    assert "Afgevinkt" in an.text
    assert set((await statuses(store)).values()) == {"done"}
    at(clock, 27, 9)  # escalation would be due by now (and the digest only on Monday)
    assert await send_due(harness) == 0, "nothing more about a task that is done"


async def test_a_blocked_member_is_undeliverable_and_the_others_still_hear(
    harness: Harness, fake: FakeTelegram, clock: Clock, store: Store
) -> None:
    an, bram = harness.phone(1001, "An"), harness.phone(1002, "Bram")
    await new_team(an)
    await an.say("/uitnodigen")
    await bram.say(f"/start {invite_token(an.text)}")
    await bram.say("/taak Folder | 2026-11-23 | Bram")
    await an.say("/taak Budget | 2026-11-23 | An")
    fake.block(bram.user)
    await harness.settle()
    an.mark()
    at(clock, 23, 9)
    await send_due(harness)
    assert "Budget" in an.text
    found = await statuses(store)
    assert sorted(v for k, v in found.items() if k.endswith(":due")) == ["sent", "undeliverable"]
    assert await send_due(harness) == 0, "not retried"


async def test_the_weekly_digest_goes_to_the_group_and_members_open_its_details(
    harness: Harness, clock: Clock
) -> None:
    an, bram, cas = (
        harness.phone(1001, "An"),
        harness.phone(1002, "Bram"),
        harness.phone(1003, "Cas"),
    )
    await new_team(an)
    await an.say("/uitnodigen")
    await bram.say(f"/start {invite_token(an.text)}")
    group = harness.fake.group(-1001234, "Team Gent").add(an.user, bram.user, cas.user)
    await an.say("/koppel", group=group)
    await bram.say("/taak Folder drukken | 2026-11-20 | Bram")  # overdue by Monday
    await send_due(harness)  # plans the digest for Monday 23 November
    at(clock, 23, 9)
    await send_due(harness)
    digest = group.last_message
    assert "Weekoverzicht Strategie 2030" in digest.text
    assert "Over tijd (1)" in digest.text and "Folder drukken" in digest.text
    await cas.press("Details", group=group)  # not in the team: nothing is shown
    assert group.last_message is digest
    await bram.press("Details", group=group)
    assert group.last_message is not digest
    assert "Folder drukken" in group.last_message.text


async def test_restarts_send_each_pending_reminder_once(
    harness: Harness, clock: Clock, store: Store
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    for number in range(3):
        await an.say(f"/taak Taak {number} | 2026-11-23 | An")
    await harness.stop_bot()
    at(clock, 23, 9)  # the reminders fell due while the bot was down
    for _ in range(2):
        bot = await harness.start_bot(clock=clock.now, reminder_interval_seconds=3600)
        register_probe(bot.engine.registry)
        await send_due(harness)
        await harness.stop_bot()  # a deploy: stopped gracefully
    bot = await harness.start_bot(clock=clock.now, reminder_interval_seconds=3600)
    register_probe(bot.engine.registry)
    texts = [m.text for m in an.user.messages]
    for number in range(3):
        assert sum(f"Taak {number}" in text and "Vandaag" in text for text in texts) == 1
    assert sorted(set((await statuses(store)).values())) == ["pending", "sent"]


async def test_a_reminder_still_flood_limited_goes_out_in_a_later_round(
    harness: Harness, fake: FakeTelegram, clock: Clock, store: Store
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/taak Rapport schepen | 2026-11-23 | An")
    before = len(an.user.messages)
    at(clock, 23, 9)
    fake.fail_next("sendMessage", times=4)  # the first try and all three of the limiter's retries
    assert await send_due(harness) == 1
    assert len(an.user.messages) == before, "Telegram refused it each time"
    due = {k: v for k, v in (await statuses(store)).items() if k.endswith(":due")}
    assert list(due.values()) == ["pending"], "given back, not undeliverable: An never blocked us"
    assert await send_due(harness) == 1
    assert [m.text for m in an.user.messages[before:] if "Rapport schepen" in m.text] != []
    assert len(an.user.messages) == before + 1, "sent once"
    due = {k: v for k, v in (await statuses(store)).items() if k.endswith(":due")}
    assert list(due.values()) == ["sent"]


async def test_a_reminder_that_cannot_reach_telegram_goes_out_in_a_later_round(
    harness: Harness, fake: FakeTelegram, clock: Clock, store: Store
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/taak Rapport schepen | 2026-11-23 | An")
    before = len(an.user.messages)
    at(clock, 23, 9)
    fake.fail_next("sendMessage", status=502, times=3)  # every one of the network retries
    assert await send_due(harness) == 1
    assert len(an.user.messages) == before
    due = {k: v for k, v in (await statuses(store)).items() if k.endswith(":due")}
    assert list(due.values()) == ["pending"], "given back, not recorded as sent"
    assert await send_due(harness) == 1
    assert len(an.user.messages) == before + 1, "sent once, in the next round"
    due = {k: v for k, v in (await statuses(store)).items() if k.endswith(":due")}
    assert list(due.values()) == ["sent"]


async def test_a_round_waits_while_someone_is_answered_but_not_for_ever(
    harness: Harness, clock: Clock
) -> None:
    an = harness.phone(1001, "An")
    await new_team(an)
    await an.say("/taak Rapport schepen | 2026-11-23 | An")
    await an.say("/taak Begroting | 2026-11-23 | An")
    before = len(an.user.messages)
    at(clock, 23, 9)
    assert harness.bot is not None and harness.bot.reminders is not None
    loop = harness.bot.reminders
    activity = harness.bot.outbox.activity
    loop.patience = 5.0
    activity.begin()  # someone is being answered
    round_ = asyncio.create_task(loop.tick())
    await asyncio.sleep(0.3)
    assert not round_.done() and len(an.user.messages) == before, "nothing claimed or sent yet"
    activity.end()  # the lull
    assert await asyncio.wait_for(round_, 10) == 2
    await harness.settle()
    assert len(an.user.messages) == before + 2
    # Chatting that never stops holds a round back only for its patience.
    at(clock, 27, 9)
    loop.patience = 0.05
    with activity.working():
        assert await asyncio.wait_for(loop.tick(), 10) >= 1  # the overdue escalations
