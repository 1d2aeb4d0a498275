"""The bots under test, each in its own process: Kringkoers and the bare PTB echo bot."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

from tests.fakebot import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 120.0
WEBHOOK_SECRET = "bench-secret"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) of a process, in KiB (Linux)."""
    figures: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[key] = int(value.split()[0])
    except OSError:
        pass
    return figures


def descendants(pid: int) -> list[int]:
    """The ids of a process's live children, their children and so on (Linux)."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue
            found.extend(children)
            pending.extend(children)
    return found


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far, in seconds (Linux; 0 if gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    # The command name may hold spaces; the fields after its closing parenthesis do not.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


class BotProcess:
    """One bot (`python -m bot telegram` or `python -m bench.echo`) against the fake."""

    def __init__(
        self,
        fake: FakeTelegram,
        workdir: Path,
        *,
        kind: str,
        mode: str,
        database_url: str | None = None,
        log: Path | None = None,
        profile: Path | None = None,
    ) -> None:
        self.fake = fake
        self.workdir = workdir
        self.kind = kind  # "kringkoers" or "echo"
        self.mode = mode  # "polling" or "webhook"
        self.database_url = database_url
        self.log = log
        self.profile = profile  # write a cProfile of the whole process here
        self.process: asyncio.subprocess.Process | None = None
        self.peak_rss_kib = 0
        # Helper processes the bot starts (the picture worker): their peak resident memory
        # summed, and their CPU time, so moving work there is not hidden from the figures.
        self.workers_peak_rss_kib = 0
        self._workers_cpu: dict[int, float] = {}

    def _command(self) -> list[str]:
        python = [sys.executable]
        if self.profile is not None:
            python += ["-m", "cProfile", "-o", str(self.profile)]
        if self.kind == "echo":
            return [*python, "-m", "bench.echo"]
        return [*python, "-m", "bot", "telegram"]

    def _environment(self, port: int) -> dict[str, str]:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "KRINGKOERS_TELEGRAM_TOKEN": self.fake.token,
            "KRINGKOERS_TELEGRAM_BASE_URL": self.fake.api_url,
            "KRINGKOERS_TELEGRAM_FILE_BASE_URL": self.fake.file_url,
            "KRINGKOERS_MODE": self.mode,
            "KRINGKOERS_FLOOD_LIMITS": "off",  # the fake has none; Telegram's would cap at 30/s
            "KRINGKOERS_LOG_LEVEL": "WARNING",
        }
        if self.database_url is not None:
            env["KRINGKOERS_DATABASE_URL"] = self.database_url
        if self.mode == "webhook":
            env.update(
                KRINGKOERS_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
                KRINGKOERS_WEBHOOK_LISTEN="127.0.0.1",
                KRINGKOERS_WEBHOOK_PORT=str(port),
                KRINGKOERS_WEBHOOK_SECRET=WEBHOOK_SECRET,
            )
        return env

    async def start(self) -> None:
        """Start the process and wait until it receives updates."""
        port = free_port()
        output = self.log.open("ab") if self.log is not None else None
        try:
            self.process = await asyncio.create_subprocess_exec(
                *self._command(),
                cwd=self.workdir,  # no .env there: only the environment above applies
                env=self._environment(port),
                stdout=output or asyncio.subprocess.DEVNULL,
                stderr=output or asyncio.subprocess.DEVNULL,
            )
        finally:
            if output is not None:
                output.close()
        if self.mode == "webhook":
            ready = lambda: self.fake.webhook is not None  # noqa: E731
        else:
            ready = lambda: self.fake.long_poll_active  # noqa: E731
        waiting = asyncio.ensure_future(self.fake.wait_until(ready, timeout=START_TIMEOUT))
        ended = asyncio.ensure_future(self.process.wait())
        done, _ = await asyncio.wait({waiting, ended}, return_when=asyncio.FIRST_COMPLETED)
        if ended in done:
            waiting.cancel()
            raise RuntimeError(f"{self.kind} bot exited with {self.process.returncode} at start")
        ended.cancel()
        waiting.result()

    @property
    def pid(self) -> int:
        """The process id."""
        assert self.process is not None
        return self.process.pid

    def sample(self) -> dict[str, int]:
        """Current and peak resident memory, remembering the peak (the bot's and its workers')."""
        figures = memory_kib(self.pid)
        self.peak_rss_kib = max(self.peak_rss_kib, figures.get("VmHWM", 0))
        workers = sum(memory_kib(child).get("VmHWM", 0) for child in self._note_workers())
        self.workers_peak_rss_kib = max(self.workers_peak_rss_kib, workers)
        return figures

    def _note_workers(self) -> list[int]:
        """The live worker processes, remembering their CPU time (kept once they are gone)."""
        children = descendants(self.pid)
        for child in children:
            self._workers_cpu[child] = cpu_seconds(child) or self._workers_cpu.get(child, 0.0)
        return children

    def cpu_seconds(self) -> float:
        """CPU time the bot and its worker processes have used so far (workers as last seen)."""
        self._note_workers()
        return cpu_seconds(self.pid) + self.worker_cpu_seconds()

    def worker_cpu_seconds(self) -> float:
        """CPU time the worker processes have used so far, as last seen."""
        return sum(self._workers_cpu.values())

    async def stop(self) -> int:
        """SIGTERM, a graceful stop; the exit code."""
        if self.process is None:
            return 0
        if self.process.returncode is not None:
            return self.process.returncode
        self.sample()
        self.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(self.process.wait(), 60)
        except TimeoutError:
            self.process.kill()
            code = await self.process.wait()
        if self.mode == "webhook":
            self.fake.world.webhook = None  # the next bot starts from a clean slate
        else:
            self.fake.world.poller.abort("stopped")
        return code
