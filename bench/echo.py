"""The baseline: a bare python-telegram-bot echo bot with the library's default settings.

`python -m bench.echo` reads the same KRINGKOERS_* variables as the bot (token, Bot API URLs,
mode and webhook address) and answers every text message with one message, as the library's
own echobot example does: `Application.builder()...build()`, `run_polling()`/`run_webhook()`.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer with the same text."""
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def main() -> None:
    """Run until SIGTERM."""
    env = os.environ
    application = (
        Application.builder()
        .token(env["KRINGKOERS_TELEGRAM_TOKEN"])
        .base_url(env["KRINGKOERS_TELEGRAM_BASE_URL"])
        .base_file_url(env["KRINGKOERS_TELEGRAM_FILE_BASE_URL"])
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    if env.get("KRINGKOERS_MODE") == "webhook":
        url = env["KRINGKOERS_WEBHOOK_URL"]
        application.run_webhook(
            listen=env.get("KRINGKOERS_WEBHOOK_LISTEN", "127.0.0.1"),
            port=int(env["KRINGKOERS_WEBHOOK_PORT"]),
            url_path=urlsplit(url).path.lstrip("/"),
            webhook_url=url,
            secret_token=env.get("KRINGKOERS_WEBHOOK_SECRET"),
        )
    else:
        application.run_polling()


if __name__ == "__main__":
    main()
