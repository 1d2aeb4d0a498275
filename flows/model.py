"""Declarative flow definitions: steps, input kinds, repeats; validated when loaded."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal

from flows.domain import Track

if TYPE_CHECKING:
    from flows.context import Context
    from flows.domain import Item
    from flows.engine import Engine
    from flows.events import Reply
    from flows.i18n import Translator


class Kind(StrEnum):
    """The input kinds a step can ask for."""

    TEXT = "text"
    LIST = "list"  # several items, one per line
    CHOICE = "choice"
    MULTI = "multi"
    SCALE = "scale"
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a choice: the stored value and the message key of its label."""

    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Step:
    """One question of a flow. Texts are Fluent message keys: `<key>` plus `.hint`/`.example`."""

    id: str
    kind: Kind
    text: str  # message key of the prompt; attributes .hint and .example are optional
    field: str = ""  # where the answer is stored; defaults to the step id
    optional: bool = False
    options: tuple[Option, ...] = ()
    suggestions: tuple[Option, ...] = ()  # LIST: tappable suggestions added as items
    check: str | None = None  # a named check (see Registry.checks)
    when: str | None = None  # a named condition; the step is skipped when it is false
    minimum: float | None = None
    maximum: float | None = None
    future: bool = False  # DATE: today or later
    max_length: int = 1000  # TEXT: characters; LIST: characters per line
    # TEXT: a named source of tappable answers (Registry.offers), e.g. the team's stakeholders;
    # typing another answer stays possible.
    offers: str | None = None
    # A named source of Fluent arguments for the prompt (Registry.prompt_args), so a question
    # can name what it is about, e.g. the goal ideas are collected for.
    prompt_args: str | None = None

    @property
    def target(self) -> str:
        """The field the answer is stored in."""
        return self.field or self.id


@dataclass(frozen=True, slots=True)
class Repeat:
    """Steps asked once for each item of the flow's tool (e.g. rate each stakeholder)."""

    id: str
    steps: tuple[Step, ...]
    label_field: str = "name"


# Named behaviour that needs code. Flows refer to these by name; the registry checks they exist.
# A check returns a message key describing the problem; it may be async when it must look at
# the team's data (e.g. "is this one of our goals?").
Check = Callable[[Any, "Context"], str | Awaitable[str | None] | None]
Condition = Callable[[dict[str, Any]], bool]
ItemFeedback = Callable[["Item", "Context"], str]
# A picture: its file name and PNG bytes, or a function that draws the PNG. The engine calls
# such a function in the drawing process (flows/drawing.py, so it must pickle: a
# functools.partial of a chart function) after the event's transaction has committed, so slow
# drawing never holds the database (SQLite has one writer at a time) for everyone else.
Picture = Callable[
    [list["Item"], "Context"], Awaitable[tuple[str, bytes | Callable[[], bytes]] | None]
]
Action = Callable[[dict[str, Any], "Context"], Awaitable[list[Any]]]
SummaryContext = Callable[[list["Item"], "Context"], dict[str, Any]]
# A command's handler gets the text after the command (for example a quick one-line entry).
CommandHandler = Callable[["Context", str, "Engine"], Awaitable[list["Reply"]]]
# A tool's button handler gets (action, payload) of a button value `t:<tool>:<action>:<payload>`;
# it must check again that the person may touch what the payload names.
ButtonHandler = Callable[["Context", str, str, "Engine"], Awaitable[list["Reply"]]]


# Menus list the tools in the order the guide uses them: hundreds per phase of the strategy
# (100 map and scan, 200 plan) and per step of the pilot (400 understand the users, 500 test,
# 600 scale, 700 improve), then monitoring (800, both tracks), tens within them; tools that
# serve every phase come last.
ORDER_GENERAL = 900


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated moment that a tool declares for one of its items; reminders are built from it."""

    ref: str  # stable within the item, e.g. "deadline" or "milestone:2"
    due: date
    label: str  # plain text naming what is due, as the team wrote it
    owner: str = ""  # the responsible person's name as entered; matched to a member elsewhere
    done: bool = False
    result: bool = False  # the reminder may offer "log the result now"


DeadlineSource = Callable[["Item"], list[Deadline]]
# Lines a tool adds to the weekly team digest: (the tool's items, since when, translator,
# language) -> short Telegram HTML lines, user text escaped (e.g. new indicator values).
DigestSource = Callable[[list["Item"], datetime, "Translator", str], list[str]]
# A tool's poll handler gets the payload of a poll value `<tool>:<payload>` and the chosen
# option numbers; like a button handler it must check that the person may vote there.
PollHandler = Callable[["Context", str, tuple[int, ...], "Engine"], Awaitable[list["Reply"]]]
# Seeds a new draft walk with facts about the team (keys starting with "_").
Prepare = Callable[["Context"], Awaitable[dict[str, Any]]]
# Arguments for a step's prompt, computed from the team's data and the walk's record.
PromptArgs = Callable[["Context", dict[str, Any]], Awaitable[dict[str, Any]]]
# Tappable answers for a TEXT step, computed from the team's data and the walk's record.
OfferSource = Callable[["Context", dict[str, Any]], Awaitable[list[str]]]


@dataclass(frozen=True, slots=True)
class ToolCommand:
    """A command a tool adds besides opening its flow (e.g. /resultaat), with its menu entry."""

    id: str
    commands: tuple[str, ...]
    handler: CommandHandler
    description: str  # message key of the one-line menu description
    english_command: str | None = None
    menu: bool = True
    needs_project: bool = True
    tracks: tuple[Track, ...] = (Track.STRATEGY, Track.PILOT)
    order: int = ORDER_GENERAL  # place in the menus (see ORDER_GENERAL)

    def menu_command(self, lang: str) -> str:
        """The command the menu shows in a language (any of `commands` works in both)."""
        if lang == "en" and self.english_command:
            return self.english_command
        return self.commands[0]


@dataclass(frozen=True, slots=True)
class Flow:
    """A tool of the method as a conversation."""

    id: str
    title: str  # message key, e.g. "stakeholders-title"
    commands: tuple[str, ...]  # Telegram-style commands that open it, e.g. ("stakeholders",)
    steps: tuple[Step | Repeat, ...]
    tool: str = ""  # item kind the flow stores; "" for flows that only feed an action
    store: Literal["items", "draft"] = "items"
    summary: str | None = None  # template file under templates/
    picture: str | None = None  # named picture
    item_feedback: str | None = None  # named function shown after each item is complete
    on_complete: str | None = None  # named action run with the draft when the flow ends
    needs_project: bool = True
    tracks: tuple[Track, ...] = (Track.STRATEGY, Track.PILOT)
    menu: bool = True  # offered in /help and the command menu
    order: int = ORDER_GENERAL  # place in the menus (see ORDER_GENERAL)
    description: str = ""  # message key of a one-line description
    english_command: str | None = None  # shown in the English menu; None: the first command
    # A named quick entry (Registry.quick) run when the flow's command comes with text, e.g.
    # `/test name | hypothesis | ...`; without text the command opens the flow as usual.
    quick: str | None = None
    # A named function (Registry.prepares) whose result seeds a new draft walk: facts about the
    # team that conditions need (they see only the draft). Its keys start with "_".
    prepare: str | None = None

    def menu_command(self, lang: str) -> str:
        """The command the menu shows in a language (any of `commands` works in both)."""
        if lang == "en" and self.english_command:
            return self.english_command
        return self.commands[0]

    def all_steps(self) -> list[Step]:
        """Every step, repeats flattened, in order."""
        out: list[Step] = []
        for part in self.steps:
            out.extend(part.steps if isinstance(part, Repeat) else (part,))
        return out

    def step(self, step_id: str) -> Step:
        """The step with this id."""
        for candidate in self.all_steps():
            if candidate.id == step_id:
                return candidate
        raise KeyError(step_id)

    def repeat_of(self, step_id: str) -> Repeat | None:
        """The repeat a step belongs to, if any."""
        for part in self.steps:
            if isinstance(part, Repeat) and any(s.id == step_id for s in part.steps):
                return part
        return None


@dataclass
class Registry:
    """All flows plus the named checks, conditions and functions they refer to."""

    flows: dict[str, Flow] = field(default_factory=dict)
    checks: dict[str, Check] = field(default_factory=dict)
    conditions: dict[str, Condition] = field(default_factory=dict)
    feedback: dict[str, ItemFeedback] = field(default_factory=dict)
    pictures: dict[str, Picture] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    contexts: dict[str, SummaryContext] = field(default_factory=dict)  # by flow id
    quick: dict[str, CommandHandler] = field(default_factory=dict)
    commands: dict[str, ToolCommand] = field(default_factory=dict)  # by ToolCommand.id
    buttons: dict[str, ButtonHandler] = field(default_factory=dict)  # by the `t:<name>:` prefix
    deadlines: dict[str, DeadlineSource] = field(default_factory=dict)  # by item tool
    digest: dict[str, DigestSource] = field(default_factory=dict)  # by item tool
    offers: dict[str, OfferSource] = field(default_factory=dict)  # by Step.offers
    prompt_args: dict[str, PromptArgs] = field(default_factory=dict)  # by Step.prompt_args
    polls: dict[str, PollHandler] = field(default_factory=dict)  # by the `<tool>:` of Poll.value
    prepares: dict[str, Prepare] = field(default_factory=dict)  # by Flow.prepare

    def by_command(self, command: str) -> Flow | None:
        """The flow opened by a command, if any."""
        for flow in self.flows.values():
            if command in flow.commands:
                return flow
        return None

    def tool_command(self, command: str) -> ToolCommand | None:
        """The tool command with this name, if any."""
        for candidate in self.commands.values():
            if command in candidate.commands:
                return candidate
        return None
