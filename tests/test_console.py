"""The console chat as a real process: a whole stakeholder mapping piped through stdin."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Numbered choices: typing the number of a shown option presses it.
MAPPING = [
    "/start",
    "1",  # [1] ➕ Nieuw team
    "Gent Circulair",
    "Strategie 2030",
    "1",  # [1] Circulaire strategie
    "/stakeholders",
    "Kringwinkel Gent",
    "IVAGO",
    "Schepen van milieu",
    "Klaar",
    # side ([1] Intern [2] Extern), power and interest ([1] laag [2] midden [3] hoog),
    # involvement ([1] Informeren [2] Raadplegen [3] Co-produceren), then skip the note.
    *("2", "3", "3", "3", "overslaan"),  # Kringwinkel Gent: extern, hoog, hoog
    *("2", "1", "1", "1", "overslaan"),  # IVAGO: extern, laag, laag
    *("1", "3", "2", "2", "overslaan"),  # Schepen van milieu: intern, hoog, midden
]


@dataclass(frozen=True)
class Session:
    """What one console process printed, and how it ended."""

    out: str
    err: str
    code: int


def run_bot(workdir: Path, lines: list[str], *args: str) -> Session:
    """Run `python -m bot <args>` in `workdir` on its own SQLite file, typing `lines`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KRINGKOERS_")}
    env["KRINGKOERS_DATABASE_URL"] = f"sqlite+aiosqlite:///{workdir / 'c.db'}"
    env["PYTHONPATH"] = str(REPO)
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=workdir,
        env=env,
        timeout=60,
        check=False,
    )
    return Session(done.stdout, done.stderr, done.returncode)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory for the console processes of this module (database and pictures)."""
    return tmp_path_factory.mktemp("console")


@pytest.fixture(scope="module")
def mapping(workdir: Path) -> Session:
    """The first console session: a team and a whole stakeholder mapping."""
    return run_bot(workdir, MAPPING, "console", "--user", "An")


def test_the_session_ends_cleanly_at_end_of_input(mapping: Session) -> None:
    assert mapping.code == 0, mapping.err
    assert "Traceback" not in mapping.err and "ERROR" not in mapping.err, mapping.err
    assert "daar liep iets mis" not in mapping.out  # the console's friendly error message


def test_numbered_choices_create_the_team(mapping: Session) -> None:
    assert "[1] ➕ Nieuw team" in mapping.out
    assert "[1] Circulaire strategie" in mapping.out
    assert "Team Gent Circulair is aangemaakt, met het project Strategie 2030" in mapping.out


def test_the_mapping_ends_in_a_summary_by_strategy(mapping: Session) -> None:
    out = mapping.out
    assert "Er staan nu 3 items op de lijst." in out
    assert "Kringwinkel Gent → Continu en actief management" in out
    assert "IVAGO → Geen focus" in out
    assert "Schepen van milieu → Houd tevreden" in out
    summary = out[out.index("De stakeholderkaart is bijgewerkt") :]
    assert "3 stakeholders: 1 intern, 2 extern." in summary
    assert "• Kringwinkel Gent · Co-produceren" in summary
    assert "• Schepen van milieu · Raadplegen" in summary
    assert "• IVAGO · Informeren" in summary
    first = summary.index("Continu en actief management (1)")
    assert first < summary.index("Houd tevreden (1)") < summary.index("Geen focus (1)")


def test_the_picture_is_saved_under_data_console(mapping: Session, workdir: Path) -> None:
    pictures = list((workdir / "data" / "console").glob("*.png"))
    assert pictures, mapping.out[-2000:]
    assert all(p.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for p in pictures)
    assert any(f"→ data/console/{p.name}]" in mapping.out for p in pictures)


def test_a_second_session_continues_with_the_same_data(mapping: Session, workdir: Path) -> None:
    assert mapping.code == 0
    again = run_bot(workdir, ["/overzicht"], "console", "--user", "An")
    assert again.code == 0, again.err
    assert "Stakeholderkaart — Strategie 2030" in again.out
    assert "3 stakeholders: 1 intern, 2 extern." in again.out
    for name in ("Kringwinkel Gent", "IVAGO", "Schepen van milieu"):
        assert name in again.out
    assert "Je zit nog niet in een team" not in again.out


def test_run_mode_without_a_token_starts_the_console(mapping: Session, workdir: Path) -> None:
    assert mapping.code == 0
    run = run_bot(workdir, ["/help", "/overzicht"], "--user", "An")
    assert run.code == 0, run.err
    assert "> /help" in run.out  # the console echoes what it reads from a pipe
    assert "Je werkt nu aan Strategie 2030 van team Gent Circulair" in run.out
    assert "3 stakeholders: 1 intern, 2 extern." in run.out
