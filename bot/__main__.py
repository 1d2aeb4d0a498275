"""Command line: `python -m bot [run|console|migrate]`."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and start what was asked."""
    # Imported here, not above: `--help` and a wrong argument answer without loading asyncio
    # or pydantic-settings.
    import asyncio

    from bot.logs import setup_logging
    from bot.settings import load_settings

    parser = argparse.ArgumentParser(prog="python -m bot", description="Kringkoers bot")
    parser.add_argument(
        "mode",
        nargs="?",
        default="run",
        choices=("run", "console", "telegram", "migrate"),
        help="run: Telegram when a token is set, else the console (default)",
    )
    parser.add_argument("--user", help="console: the name you chat as")
    parser.add_argument("--lang", choices=("nl", "en"), help="console: your language")
    args = parser.parse_args(argv)
    settings = load_settings()
    setup_logging(settings)
    mode = args.mode
    if mode == "run":
        mode = "telegram" if settings.telegram_token else "console"
    if mode == "console":
        from bot.console import run_console

        asyncio.run(run_console(settings, user=args.user, lang=args.lang))
        return 0
    if mode == "migrate":
        from storage.db import Store

        async def migrate() -> None:
            store = Store(settings.database_url, schema=settings.database_schema)
            await store.open()
            await store.close()

        asyncio.run(migrate())
        return 0
    if not settings.telegram_token:
        print("KRINGKOERS_TELEGRAM_TOKEN is not set.", file=sys.stderr)
        return 2
    keep_tornado_out()
    from bot.telegram_app import run_telegram

    run_telegram(settings)
    return 0


def keep_tornado_out() -> None:
    """Make `import tornado` fail in this process, before python-telegram-bot is imported."""
    # PTB imports tornado, its webhook server, with telegram.ext whenever it is installed (the
    # benchmark's bare echo bot uses it). Our webhook is served by aiohttp (bot/webhook.py),
    # so tornado would only take ≈4 MB of the bot's memory; PTB treats it as not installed.
    sys.modules.setdefault("tornado", None)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
