"""A chat in the terminal over the same engine and database: for trying and debugging flows."""

from __future__ import annotations

import asyncio
import getpass
import html
import logging
import os
import re
import sys
from pathlib import Path
from typing import TextIO

from bot.services import open_engine
from bot.settings import Settings
from flows import drawing
from flows.engine import Engine
from flows.events import ChatKind, Choice, Event, Reply, Sender
from flows.reminders import ReminderDesk

logger = logging.getLogger(__name__)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(markup: str, *, bold: bool = False) -> str:
    """Telegram HTML to terminal text (bold as ANSI when the terminal can show it)."""
    if bold:
        markup = re.sub(r"<b>(.*?)</b>", "\x1b[1m\\1\x1b[0m", markup, flags=re.S)
    return html.unescape(_TAG.sub("", markup))


class Console:
    """Reads lines, sends them to the engine as events, prints the replies."""

    def __init__(
        self,
        engine: Engine,
        *,
        user: str,
        lang: str | None,
        out: TextIO = sys.stdout,
        files: Path = Path("data/console"),
    ) -> None:
        self.engine = engine
        self.out = out
        self.files = files
        self.fancy = out.isatty()
        self.buttons: list[Choice] = []
        self.lang = lang
        # Reminders that fell due are shown after each line (the console has no background).
        self.desk = ReminderDesk(engine, f"console-{os.getpid()}")
        self.switch(user)

    def switch(self, user: str) -> None:
        """Talk as another person (to try invites and teamwork in one terminal)."""
        self.user = user
        self.sender = Sender(f"console:{user}", user, self.lang)
        self.buttons = []

    async def send(self, line: str) -> None:
        """One line typed by the person."""
        line = line.rstrip("\n")
        if line.startswith(":user "):
            self.switch(line[6:].strip() or self.user)
            self.print(f"(you are now {self.user})")
            return
        button = None
        number = line.strip()
        if number.isdigit() and 1 <= int(number) <= len(self.buttons):
            choice = self.buttons[int(number) - 1]
            if choice.value is None:
                self.print(f"(link: {choice.url})")
                return
            button = choice.value
        event = Event(
            sender=self.sender,
            chat_id=f"console:{self.user}",
            chat_kind=ChatKind.PRIVATE,
            text=None if button else line,
            button=button,
        )
        try:
            outcome = await self.engine.handle(event)
            replies = outcome.replies
        except Exception:  # the console must survive anything, like the bot does
            logger.exception("event failed")
            replies = [self.engine.error_reply(event)]
        for reply in replies:
            self.show(reply)
        await self.reminders()

    async def reminders(self) -> None:
        """Show every reminder that is due now; the current person's get their buttons."""
        try:
            for reminder in await self.desk.claim():
                prepared = await self.desk.prepare(reminder)
                if prepared is None:
                    continue
                person = prepared.recipient
                if not person.external_id.startswith("console:") or prepared.chat_id:
                    # Someone on Telegram (or a group): the bot, if it runs, sends it.
                    await self.desk.give_back(reminder)
                    continue
                if person.external_id == self.sender.external_id:
                    self.show(prepared.reply)
                else:
                    self.print(f"(🔔 → {person.display_name}; :user to answer as them)")
                    self.print(html_to_text(prepared.reply.html, bold=self.fancy) + "\n")
                await self.desk.finish(reminder, True)
        except Exception:  # reminders must never break the chat
            logger.exception("reminders failed")

    def show(self, reply: Reply) -> None:
        """Print a reply; choices become numbered options, files are saved to disk."""
        prefix = "[groep] " if reply.chat_id and reply.chat_id != f"console:{self.user}" else ""
        self.print(prefix + html_to_text(reply.html, bold=self.fancy))
        for attachment in (reply.image, reply.document):
            if attachment is not None:
                self.files.mkdir(parents=True, exist_ok=True)
                path = self.files / attachment.filename
                path.write_bytes(attachment.data)
                self.print(f"[{attachment.filename} → {path}]")
        if reply.chat_id is None and reply.choices:
            self.buttons = [choice for row in reply.choices for choice in row]
            for number, choice in enumerate(self.buttons, 1):
                self.print(f"  [{number}] {choice.label}")
        self.print("")

    def print(self, text: str) -> None:
        """Write a line."""
        self.out.write(text + "\n")
        self.out.flush()


async def run_console(
    settings: Settings, *, user: str | None = None, lang: str | None = None
) -> None:
    """Run the console chat until end of input or /quit."""
    engine = await open_engine(settings)
    drawing.start()  # warms up while the person types
    console = Console(engine, user=user or getpass.getuser() or "ik", lang=lang)
    interactive = sys.stdin.isatty()
    if interactive:
        console.print("Kringkoers — console. Typ /start om te beginnen, /quit om te stoppen.\n")
    loop = asyncio.get_running_loop()
    try:
        while True:
            if interactive:
                sys.stdout.write("> ")
                sys.stdout.flush()
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line or line.strip() in ("/quit", "/exit"):
                break
            if not interactive:
                console.print(f"> {line.rstrip()}")
            await console.send(line)
    finally:
        drawing.stop()
        await engine.store.close()
