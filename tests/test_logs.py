"""Logs never show the bot token or the webhook secret, not even inside a traceback."""

from __future__ import annotations

import logging

from bot.logs import RedactingFormatter, secrets_of, setup_logging
from bot.settings import Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def record(message: str, *args: object, error: BaseException | None = None) -> logging.LogRecord:
    """A log record as a library would make it."""
    exc_info = (type(error), error, error.__traceback__) if error is not None else None
    return logging.LogRecord("httpx", logging.ERROR, __file__, 1, message, args, exc_info)


def test_tokens_and_secrets_are_blanked_in_messages_and_tracebacks() -> None:
    settings = Settings(_env_file=None, telegram_token=TOKEN, webhook_secret="hook-Secret_1")  # type: ignore[call-arg]
    formatter = RedactingFormatter(secrets_of(settings))
    try:
        raise ConnectionError(f"POST https://api.telegram.org/bot{TOKEN}/getMe failed")
    except ConnectionError as error:
        failure = error
    line = formatter.format(
        record(
            "calling %s with secret %s", f"/bot{TOKEN}/sendMessage", "hook-Secret_1", error=failure
        )
    )
    assert TOKEN not in line and "hook-Secret_1" not in line
    assert "<token>" in line and "<secret>" in line and "ConnectionError" in line


def test_a_token_shaped_string_that_is_not_ours_is_blanked_too() -> None:
    formatter = RedactingFormatter([])
    other = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDxyz"
    assert other not in formatter.format(record("url %s", other))


def test_setup_quietens_request_logging_and_installs_the_redaction() -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        setup_logging(Settings(_env_file=None, telegram_token=TOKEN, log_level="DEBUG"))  # type: ignore[call-arg]
        assert isinstance(root.handlers[0].formatter, RedactingFormatter)
        assert root.level == logging.DEBUG
        assert logging.getLogger("httpx").level == logging.WARNING
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
