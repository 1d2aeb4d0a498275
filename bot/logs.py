"""Logging set-up: context in every line, never the bot token or the webhook secret."""

from __future__ import annotations

import logging
import re

from bot.settings import Settings

_TOKEN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks out secrets anywhere in the line, tracebacks included.

    Anything shaped like a bot token is replaced too: it appears in Bot API URLs, which
    libraries put into their messages and exceptions.
    """

    def __init__(self, secrets: list[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self.secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        """The text with every secret replaced by a marker."""
        text = _TOKEN.sub("<token>", text)
        for secret in self.secrets:
            text = text.replace(secret, "<secret>")
        return text

    def format(self, record: logging.LogRecord) -> str:
        """The formatted record, redacted."""
        return self.redact(super().format(record))


def secrets_of(settings: Settings) -> list[str]:
    """The values that must never reach a log."""
    return [
        s.get_secret_value()
        for s in (settings.telegram_token, settings.webhook_secret)
        if s is not None
    ]


def setup_logging(settings: Settings) -> None:
    """Configure the root logger once."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets_of(settings)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
