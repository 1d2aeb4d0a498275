"""Command line: `python -m bench [--users N] [--updates N] [--modes ...] [--soak]`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bench.reminders import ReminderScale
from bench.reminders import table as reminder_table
from bench.report import table, write_json
from bench.run import MODES, Options, run

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run, print the table and write the JSON file."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--users", type=int, default=200, help="simulated people (200)")
    parser.add_argument("--updates", type=int, default=10_000, help="updates per phase (10000)")
    parser.add_argument("--rate", type=float, default=100.0, help="fixed offered load/s (100)")
    parser.add_argument("--rate-updates", type=int, help="updates at the fixed load (--updates)")
    parser.add_argument("--team-size", type=int, default=2, help="people per team (2)")
    parser.add_argument(
        "--modes",
        default="sqlite-polling",
        help=f"comma-separated, from {', '.join(MODES)}, or 'all' (sqlite-polling)",
    )
    parser.add_argument("--seed-users", type=int, default=10_000, help="people in the DB first")
    parser.add_argument("--seed-teams", type=int, default=1_000, help="teams in the DB first")
    parser.add_argument("--no-baseline", action="store_true", help="skip the echo bot")
    parser.add_argument(
        "--soak", nargs="?", type=int, const=100_000, default=0, help="soak updates (100000)"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the JSON file")
    parser.add_argument("--keep-logs", action="store_true", help="keep the bots' logs")
    parser.add_argument("--profile", type=Path, help="cProfile the bot into this file")
    parser.add_argument("--only", choices=("reminders",), help="run only this part")
    parser.add_argument("--no-reminders", action="store_true", help="skip the reminder scale")
    parser.add_argument("--reminder-rows", type=int, default=1_000_000, help="(1000000)")
    parser.add_argument("--reminder-due", type=int, default=1_000, help="of them due (1000)")
    parser.add_argument(
        "--reminder-databases", default="sqlite,postgres", help="sqlite and/or postgres"
    )
    args = parser.parse_args(argv)
    modes = MODES if args.modes == "all" else tuple(m.strip() for m in args.modes.split(","))
    if args.only == "reminders":
        modes = ()
    kinds = tuple(k.strip() for k in args.reminder_databases.split(","))
    if any(k not in ("sqlite", "postgres") for k in kinds):
        parser.error("--reminder-databases takes sqlite and/or postgres")
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        parser.error(f"unknown mode(s): {', '.join(unknown)}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    options = Options(
        users=args.users,
        updates=args.updates,
        rate=args.rate,
        rate_updates=args.rate_updates,
        team_size=args.team_size,
        modes=modes,
        seed_users=args.seed_users,
        seed_teams=args.seed_teams,
        baseline=not args.no_baseline,
        soak_updates=args.soak,
        keep=args.keep_logs,
        profile=args.profile.resolve() if args.profile else None,
        reminders=None
        if args.no_reminders
        else ReminderScale(
            rows=args.reminder_rows,
            due=args.reminder_due,
            kinds=kinds,
            # With --only reminders, --profile profiles the bot during the burst.
            profile=args.profile.resolve() if args.profile and args.only else None,
        ),
    )
    results = asyncio.run(run(options))
    print(table(results))
    print(reminder_table(results["reminders"]))
    print("targets:", results["targets"])
    write_json(results, args.output)
    print(f"written to {args.output}")
    if args.profile is not None and args.profile.exists():
        import pstats

        pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
