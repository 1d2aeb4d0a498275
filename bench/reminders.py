"""Reminder scale (issue #8): NOT DONE YET; it waits for the reminder table of issue #7.

What it must measure once reminders exist (storage/bot of issue #7): a database with
1,000,000 reminder rows of which 1,000 are due; the time to find and claim the due ones
(target ≤ 50 ms; `FOR UPDATE SKIP LOCKED` on PostgreSQL), the send rate while they go out
(within Telegram's limits: the fake counts `rate_violations` with flood limits on), and the
p95 of interactive replies during that burst (target: at most 20% above the p95 without it).
"""

from __future__ import annotations

from typing import Any


async def measure_reminder_scale() -> dict[str, Any]:
    """The reminder-scale figures; for now only says that they are not measured."""
    return {
        "status": "not done: waits for the reminder table (issue #7)",
        "reminder_rows": None,
        "due": None,
        "claim_ms": None,
        "send_rate_per_s": None,
        "interactive_p95_ms_during_burst": None,
    }
