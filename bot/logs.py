"""Logging set-up: context in every line, never the bot token."""

from __future__ import annotations

import logging
import re

from bot.settings import Settings

_TOKEN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


class RedactTokens(logging.Filter):
    """Replace anything shaped like a bot token (it appears in Bot API URLs) with a marker."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the formatted message in place."""
        message = record.getMessage()
        clean = _TOKEN.sub("<token>", message)
        for secret in self.secrets:
            clean = clean.replace(secret, "<secret>")
        if clean != message:
            record.msg, record.args = clean, None
        return True


def setup_logging(settings: Settings) -> None:
    """Configure the root logger once."""
    secrets = [
        s.get_secret_value()
        for s in (settings.telegram_token, settings.webhook_secret)
        if s is not None
    ]
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokens(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
