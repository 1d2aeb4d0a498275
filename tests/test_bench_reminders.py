"""The reminder-scale benchmark, tiny: its rows are real reminders of real people, the claim
really claims them, and a run reports every figure. Speed is never asserted here."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bench.reminder_seed import FIRST_RECIPIENT, count_rows, seed_reminders
from bench.reminders import (
    CLAIMER,
    LEASE,
    ReminderScale,
    claim_due_reminders,
    measure_reminder_scale,
    release,
    table,
    targets,
)
from flows.domain import ReminderStatus
from storage.db import Store
from storage.tables import ReminderRow


async def test_the_due_rows_are_claimed_by_the_real_claim_and_nobody_else_gets_them(
    store: Store,
) -> None:
    seeded = await seed_reminders(store, rows=2_000, due=20, now=datetime.now(UTC))
    assert await count_rows(store) == 2_000
    assert seeded.recipients == [FIRST_RECIPIENT + k for k in range(20)]

    figures = await claim_due_reminders(store, seeded, repeats=2)

    assert figures["claimed"] == 20
    assert figures["claimed_in_db"] == 20  # the rows carry the lease in the database
    assert len(figures["claim_ms"]) == 2 and figures["claim_ms_median"] > 0
    async with store.transaction() as tx:
        # Leased: another worker finds nothing due, though 400+ other rows are open.
        assert await tx.reminders.claim_due(datetime.now(UTC), 100, LEASE, "other") == []
        rows = list(
            await tx.session.scalars(select(ReminderRow).where(ReminderRow.claimed_by == CLAIMER))
        )
        for row in rows:
            # Each is a real person's reminder about their own action, sendable on Telegram.
            person = await tx.people.get(row.person_id)
            assert person.external_id in {f"tg:{uid}" for uid in seeded.recipients}
            assert row.item_id is not None
            item = await tx.items.unchecked(row.item_id)
            assert item is not None and item.data["who"] == person.display_name
            assert row.status == ReminderStatus.PENDING.value and row.attempts == 1
        open_rows = await tx.session.scalars(
            select(ReminderRow.id).where(ReminderRow.status.in_(("pending", "snoozed")))
        )
        assert len(list(open_rows)) > 20  # future rows too, which are not due
    claimed = sorted(row.id for row in rows)
    assert len(claimed) == 20

    await release(store)
    async with store.transaction() as tx:
        again = await tx.reminders.claim_due(datetime.now(UTC), 100, LEASE, "other")
    assert sorted(r.id for r in again) == claimed  # given back: exactly those are due


async def test_a_tiny_run_sends_every_due_reminder_through_the_bot_and_reports_it(
    db_kind: str,
) -> None:
    scale = ReminderScale(
        rows=2_000,
        due=20,
        kinds=(db_kind,),
        claims=2,
        calm_seconds=1.5,
        warmup_seconds=0.5,
        teams=4,
    )
    result = await measure_reminder_scale(scale)

    entry = result["databases"][db_kind]
    assert entry["rows"] == 2_000 and entry["claimed"] == 20 and entry["claimed_in_db"] == 20
    burst = entry["burst"]
    assert burst["exit_code"] == 0  # the bot stopped gracefully
    assert burst["sent"] == 20, burst["errors"]  # every due reminder reached its person
    assert burst["timeouts"] == 0 and burst["errors"] == []
    for figure in ("send_rate_per_s", "calm_p95_ms", "burst_p95_ms", "p95_increase_pct"):
        assert burst[figure] is not None, figure
    assert isinstance(burst["rate_violations"], int)
    assert result["claim_ms"] == entry["claim_ms_median"]
    assert result["interactive_p95_ms_during_burst"] == burst["burst_p95_ms"]
    assert set(targets(result)) == {
        "reminder_claim_at_most_50_ms",
        "reminder_burst_within_rate_limits",
        "reminder_p95_during_burst_at_most_20_pct_above",
    }
    assert db_kind in table(result)
