"""Settings: every one documented in .env.example, read from the environment, validated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_env_example_documents_every_setting() -> None:
    documented = set(
        re.findall(r"^#?\s*KRINGKOERS_([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M)
    )
    assert documented == {name.upper() for name in Settings.model_fields}


def test_defaults_run_on_sqlite_in_dutch_in_brussels(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(f"KRINGKOERS_{name.upper()}", raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.telegram_token is None
    assert settings.database_url.startswith("sqlite+aiosqlite:///./data/")
    assert (settings.default_language, settings.timezone) == ("nl", "Europe/Brussels")
    assert settings.telegram_base_url == "https://api.telegram.org/bot"


def test_the_environment_wins_and_the_token_stays_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRINGKOERS_TELEGRAM_TOKEN", "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    monkeypatch.setenv("KRINGKOERS_DEFAULT_LANGUAGE", "en")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.default_language == "en"
    assert "ABCDEFGHIJ" not in repr(settings) and "ABCDEFGHIJ" not in str(settings.model_dump())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("timezone", "Europe/Brusels"),
        ("webhook_secret", "has spaces"),
        ("default_language", "fr"),
        ("database_schema", "public, evil"),  # one schema name, never a search path list
        ("database_schema", "Kringkoers"),  # PostgreSQL would fold it to lowercase anyway
    ],
)
def test_a_typo_fails_at_start(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(f"KRINGKOERS_{name.upper()}", value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_the_database_schema_is_optional(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRINGKOERS_DATABASE_SCHEMA", "")
    assert Settings(_env_file=None).database_schema is None  # type: ignore[call-arg]
    monkeypatch.setenv("KRINGKOERS_DATABASE_SCHEMA", "kringkoers_2")
    assert Settings(_env_file=None).database_schema == "kringkoers_2"  # type: ignore[call-arg]


def test_a_copy_of_env_example_runs_on_the_defaults(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(f"KRINGKOERS_{name.upper()}", raising=False)
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text())
    monkeypatch.chdir(tmp_path)  # .env is read from the working directory
    monkeypatch.setenv("KRINGKOERS_DATABASE_URL", "")  # empty in the environment, too
    settings = Settings()
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings == defaults
    assert (settings.health_port, settings.webhook_secret, settings.telegram_token) == (
        None,
        None,
        None,
    )
    assert settings.database_url == "sqlite+aiosqlite:///./data/kringkoers.db"
