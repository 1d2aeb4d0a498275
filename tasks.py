"""Set up the virtual environment and run the bot or the tests: `python3 tasks.py run|test`.

Only the Python standard library is used here, so this works on a fresh machine that has
nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("KRINGKOERS_VENV", ROOT / ".venv"))
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".kringkoers-installed"


def _requirements_digest() -> str:
    """Hash what decides the installed packages, so a changed pyproject reinstalls."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    """Create the virtual environment and install the project with its dev extras once."""
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        print(f"Creating virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing Kringkoers and its dependencies …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(digest)


def run(args: list[str]) -> int:
    """Start the bot: on Telegram with a token, otherwise the console chat."""
    ensure_venv()
    return subprocess.call([str(PYTHON), "-m", "bot", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    """Lint, type-check and run the whole test suite."""
    ensure_venv()
    steps = [
        [str(PYTHON), "-m", "ruff", "check", "."],
        [str(PYTHON), "-m", "mypy"],
        [str(PYTHON), "-m", "pytest", *args],
    ]
    for step in steps:
        print("$ " + " ".join(step[1:]), flush=True)
        code = subprocess.call(step, cwd=ROOT)
        if code != 0:
            return code
    return 0


def main() -> int:
    """Dispatch `run` or `test`."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script is what tells old Pythons so
        print("Kringkoers needs Python 3.11 or newer.", file=sys.stderr)
        return 2
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "setup"}:
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "setup":
        ensure_venv()
        return 0
    return run(rest) if command == "run" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
