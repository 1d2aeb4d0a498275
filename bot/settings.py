"""Settings from the environment (prefix KRINGKOERS_) and an optional .env file."""

from __future__ import annotations

import re
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of the bot; `.env.example` documents each one."""

    # An empty value (`KRINGKOERS_HEALTH_PORT=` in a .env copied from .env.example) means
    # "not set": the default applies instead of failing to parse "" as a port or a secret.
    model_config = SettingsConfigDict(
        env_prefix="KRINGKOERS_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
    )

    telegram_token: SecretStr | None = Field(
        default=None, description="Bot token from @BotFather; without it the console chat starts."
    )
    database_url: str = Field(
        default="sqlite+aiosqlite:///./data/kringkoers.db",
        description="SQLAlchemy async URL: sqlite+aiosqlite:///… or postgresql+asyncpg://…",
    )
    database_schema: str | None = Field(
        default=None,
        description="PostgreSQL only: keep the tables in this (existing) schema of the database.",
    )
    telegram_base_url: str = Field(
        default="https://api.telegram.org/bot", description="Bot API base URL (token appended)."
    )
    telegram_file_base_url: str = Field(
        default="https://api.telegram.org/file/bot", description="Bot API file base URL."
    )
    default_language: Literal["nl", "en"] = "nl"
    timezone: str = "Europe/Brussels"
    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = Field(default=None, description="Public HTTPS URL Telegram posts to.")
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: SecretStr | None = None
    health_port: int | None = Field(
        default=None, description="Port for GET /health in polling mode (webhook mode serves it)."
    )
    invite_ttl_hours: int = Field(default=168, ge=1, description="How long an invite link works.")
    log_level: str = "INFO"
    reminder_interval_seconds: float = Field(
        default=30.0, gt=0, description="How often the bot looks for reminders that are due."
    )
    flood_limits: Literal["telegram", "off"] = Field(
        default="telegram",
        description="telegram: keep to Telegram's flood limits; off: only against a local fake "
        "Bot API server (benchmarks), never against Telegram.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)  # a typo fails at start, not when the first reminder is due
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}, e.g. Europe/Brussels") from error
        return value

    @field_validator("database_schema")
    @classmethod
    def _plain_schema_name(cls, value: str | None) -> str | None:
        if value == "":
            return None  # an empty line in .env means "the default search path"
        # It becomes the connection's search_path: one plain name, never a list or a quote.
        if value is not None and not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", value):
            raise ValueError("database schema: lowercase letters, digits and _, e.g. kringkoers")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret_alphabet(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            raw = value.get_secret_value()
            allowed = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
            if not 1 <= len(raw) <= 256 or not set(raw) <= allowed:
                raise ValueError("webhook secret: 1-256 characters of A-Z a-z 0-9 _ -")
        return value


def load_settings() -> Settings:
    """Read the settings now (never at import time)."""
    return Settings()
