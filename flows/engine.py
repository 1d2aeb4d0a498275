"""The engine: applies one neutral event to the conversation state and returns neutral replies.

Each event is one database transaction holding the processed-event record, the conversation's
new state and every stored answer, so a crash never loses an answer and a redelivered event
never applies twice.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from flows import commands, drawing
from flows.charts import shorten
from flows.context import Context, Links, PlainLinks
from flows.dates import format_date
from flows.domain import Conversation, ConversationStatus, Item
from flows.events import Attachment, ChatKind, Choice, Drawing, Event, Outcome, Reply
from flows.i18n import Translator, fold, pick_language
from flows.inputs import Problem, parse_answer, parse_list, parse_scale
from flows.model import Flow, Kind, Registry, Repeat, Step
from flows.registry import TEMPLATES, load_registry
from flows.reminders import sync_items
from storage.db import Store
from storage.repositories import AccessDenied, NotFound, Tx

logger = logging.getLogger(__name__)

Finisher = Callable[[Tx, list[Reply]], Awaitable[None]]

# Words that steer a flow instead of answering it, in both languages.
KEYWORDS: dict[str, str] = {
    "terug": "back",
    "back": "back",
    "vorige": "back",
    "overslaan": "skip",
    "skip": "skip",
    "sla over": "skip",
    "stop": "stop",
    "annuleer": "stop",
    "annuleren": "stop",
    "cancel": "stop",
    "hint": "hint",
    "tip": "hint",
    "help": "hint",
    "voorbeeld": "example",
    "example": "example",
    "klaar": "done",
    "done": "done",
    "gedaan": "done",
    "ready": "done",
}

RECENT = timedelta(minutes=15)  # a change by someone else this recent is worth mentioning
NAME_STEP = Step(id="_name", kind=Kind.TEXT, text="edit-name", field="name", max_length=200)
# Step buttons whose outcome takes the place of the pressed question ("hint" adds a remark
# below it instead; "toggle" already redraws the question itself).
IN_PLACE_ACTIONS = frozenset({"opt", "offer", "skip", "done", "suggest", "back", "stop"})
ITEM_ANSWER_LENGTH = 40  # characters of a typed answer shown on the item's next questions
# Screens of the editor of saved answers; they are not questions of the flow.
EDITOR_SCREENS = frozenset({"_pick_item", "_pick_field", "_confirm_delete", "_done"})


def step_button(conv: Conversation, action: str, payload: str = "") -> str:
    """A button value bound to the conversation's current step: stale once the step moves."""
    index = conv.cursor.get("index", 0)
    return f"s:{conv.id}:{conv.step}:{index}:{action}:{payload}"


class Engine:
    """Walks flows for people, over any transport."""

    def __init__(
        self,
        store: Store,
        *,
        translator: Translator | None = None,
        registry: Registry | None = None,
        default_language: str = "nl",
        timezone: str = "Europe/Brussels",
        invite_ttl: timedelta = timedelta(days=7),
        links: Links | None = None,
        clock: Callable[[], datetime] | None = None,
        templates: str | None = None,
    ) -> None:
        self.store = store
        self.translator = translator or Translator(default=default_language)
        self.registry = registry or load_registry(self.translator)
        self.default_language = default_language
        self.zone = ZoneInfo(timezone)
        self.invite_ttl = invite_ttl
        self.links = links or PlainLinks()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.templates = Environment(
            loader=FileSystemLoader(templates or str(TEMPLATES)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # ----------------------------------------------------------------------------------------
    # entry point

    async def handle(
        self, event: Event, *, within: Finisher | None = None, draw: bool = True
    ) -> Outcome:
        """Process one event in one transaction and return what to show.

        `within` runs inside the same transaction after the replies are known, so a transport
        can store what it needs for them (button references) atomically with the event.
        Pictures are drawn after the transaction; a transport that sends in the background
        passes `draw=False` and calls `draw_pictures` on the replies just before sending them.
        """
        async with self.store.transaction(self.clock) as tx:
            if event.key is not None and not await tx.events.claim(event.key):
                return Outcome([], duplicate=True)
            person, _ = await tx.people.get_or_create(
                event.sender.external_id, event.sender.display_name, None
            )
            lang = person.language or pick_language(
                event.sender.language_code, self.default_language
            )
            ctx = Context(
                tx=tx,
                event=event,
                person=person,
                lang=lang,
                translator=self.translator,
                registry=self.registry,
                today=self.clock().astimezone(self.zone).date(),
                links=self.links,
                invite_ttl=self.invite_ttl,
                render=self.render,
            )
            await commands.load_active_project(ctx)
            try:
                replies = await self._route(ctx)
            except AccessDenied:
                replies = [Reply(ctx.t("error-not-allowed"))]
            # Items whose tool declares deadlines get their reminders replanned, atomically
            # with the change itself.
            await sync_items(tx, self.registry, tx.items.touched)
            if within is not None:
                await within(tx, replies)
        if draw:
            await draw_pictures(replies)
        return Outcome(replies, language=ctx.lang)

    async def housekeeping(self) -> tuple[int, int]:
        """Prune old idempotency keys and button references; returns how many of each."""
        async with self.store.transaction(self.clock) as tx:
            events = await tx.events.prune(timedelta(days=3))
            buttons = await tx.buttons.prune(timedelta(days=60))
        return events, buttons

    def group_welcome(self) -> Reply:
        """What the bot says when it is added to a group: how to link it, where to answer."""
        lang = self.default_language
        label = self.translator.plain(lang, "button-open-private")
        choices = commands.private_chat_choices(self.links, label)
        return Reply(self.translator.t(lang, "group-welcome"), choices=choices)

    def error_reply(self, event: Event) -> Reply:
        """A friendly message for an unexpected failure, in the sender's language."""
        lang = pick_language(event.sender.language_code, self.default_language)
        return Reply(self.translator.t(lang, "error-unexpected"))

    def render(self, template: str, **values: Any) -> str:
        """Render a template to Telegram HTML."""
        return self.templates.get_template(template).render(**values).strip()

    # ----------------------------------------------------------------------------------------
    # routing

    async def _route(self, ctx: Context) -> list[Reply]:
        event = ctx.event
        if event.poll_answer is not None:
            name, _, payload = event.poll_answer.value.partition(":")
            poll_handler = self.registry.polls.get(name)
            if poll_handler is None:
                return []  # a poll of a tool that is gone: nothing to say to a voter
            return await poll_handler(ctx, payload, event.poll_answer.options, self)
        if event.button is not None:
            return await self._button(ctx, event.button)
        if event.text is None:
            return await self._unreadable(ctx)
        text = event.text
        if text.startswith("/"):
            name, _, args = text[1:].partition(" ")
            name = name.split("@", 1)[0].lower()
            return await self.command(ctx, name, args.strip())
        if event.chat_kind == ChatKind.GROUP:
            return []  # in groups the bot only reacts to commands
        conv = await ctx.tx.conversations.active(ctx.person.id)
        if conv is not None:
            if not await self._may_continue(ctx, conv):
                return [Reply(ctx.t("error-not-allowed"))]
            return await self._answer(ctx, conv, text)
        return [commands.fallback(ctx)]

    async def _unreadable(self, ctx: Context) -> list[Reply]:
        """A photo, sticker or voice note: say we read text only, and ask the question again."""
        if ctx.event.chat_kind == ChatKind.GROUP:
            return []
        note = Reply(ctx.t("input-not-text"))
        conv = await ctx.tx.conversations.active(ctx.person.id)
        if conv is None or not await self._may_continue(ctx, conv):
            return [note]
        return [note, await self.prompt(ctx, conv, self.flow(conv.flow_id), again=True)]

    async def _may_continue(self, ctx: Context, conv: Conversation) -> bool:
        """Whether the person still belongs to the conversation's team; close it if not."""
        if conv.project_id is None or (ctx.project and ctx.project.id == conv.project_id):
            return True
        try:
            project, team = await ctx.tx.projects.with_team(conv.project_id, ctx.person.id)
            ctx.project, ctx.team = project, team
        except (AccessDenied, NotFound):
            # Removed from the team (or it is gone): the walk ends; nothing more is stored.
            conv.status = ConversationStatus.DONE
            await ctx.tx.conversations.save(conv)
            return False
        return True

    async def command(self, ctx: Context, name: str, args: str) -> list[Reply]:
        """A slash command: a tool's own command or one of the general ones."""
        flow = self.registry.by_command(name)
        if ctx.event.chat_kind == ChatKind.GROUP:
            return await commands.group_command(ctx, name, args, flow, self)
        if flow is not None:
            if args and flow.quick:
                if flow.needs_project and ctx.project is None:
                    return [commands.no_project(ctx)]
                return await self.registry.quick[flow.quick](ctx, args, self)
            return await self.open_flow(ctx, flow)
        tool_command = self.registry.tool_command(name)
        if tool_command is not None:
            if tool_command.needs_project and ctx.project is None:
                return [commands.no_project(ctx)]
            return await tool_command.handler(ctx, args, self)
        return await commands.general_command(ctx, name, args, self)

    async def _button(self, ctx: Context, value: str) -> list[Reply]:
        kind, _, rest = value.partition(":")
        if kind == "m":
            action, _, payload = rest.partition(":")
            return await commands.menu_button(ctx, action, payload, self)
        if kind == "t":
            name, _, rest = rest.partition(":")
            action, _, payload = rest.partition(":")
            handler = self.registry.buttons.get(name)
            if handler is None:
                return [commands.expired(ctx)]
            return await handler(ctx, action, payload, self)
        if kind != "s":
            return [commands.expired(ctx)]
        parts = rest.split(":", 4)
        if len(parts) != 5:
            return [commands.expired(ctx)]
        conv_id, step_id, index, action, payload = parts
        conv = await ctx.tx.conversations.active(ctx.person.id)
        if (
            conv is None
            or str(conv.id) != conv_id
            or conv.step != step_id
            or str(conv.cursor.get("index", 0)) != index
        ):
            return [commands.expired(ctx)]
        if not await self._may_continue(ctx, conv):
            return [Reply(ctx.t("error-not-allowed"))]
        where = (conv.step, conv.cursor.get("index", 0), conv.status)
        replies = await self._step_action(ctx, conv, action, payload)
        moved = where != (conv.step, conv.cursor.get("index", 0), conv.status)
        if action in IN_PLACE_ACTIONS and (moved or len(replies) == 1):
            # What the tap led to takes the place of the question it answered, so a walk of
            # taps reads as one card that moves on instead of a pile of spent questions.
            # A tap that only brought a remark (not allowed, expired) leaves the question be.
            first = next((reply for reply in replies if not reply.notice), None)
            if first is not None:
                first.replace = first.leads_on = True
        return replies

    # ----------------------------------------------------------------------------------------
    # opening, resuming, stopping

    def flow(self, flow_id: str) -> Flow:
        """A registered flow."""
        return self.registry.flows[flow_id]

    async def open_flow(
        self,
        ctx: Context,
        flow: Flow,
        *,
        restart: bool = False,
        draft: dict[str, Any] | None = None,
    ) -> list[Reply]:
        """Start a flow, or offer to resume where the person left it.

        With `draft` (draft flows only) a new walk starts from those answers and asks only
        the steps they leave empty: a quick entry that missed something asks just for that.
        """
        if flow.needs_project and ctx.project is None:
            return [commands.no_project(ctx)]
        project_id = ctx.project.id if flow.needs_project and ctx.project else None
        if draft is not None:
            conv = await ctx.tx.conversations.start(ctx.person.id, project_id, flow.id, "")
            conv.draft = {**await self._prepared(ctx, flow), **draft}
            conv.cursor["prefilled"] = True
            return await self._enter(ctx, conv, flow, 0)
        active = await ctx.tx.conversations.active(ctx.person.id)
        if (
            active is not None
            and not restart
            and active.flow_id == flow.id
            and active.project_id == project_id
            and not active.cursor.get("mode")
        ):
            return [*self._notes(ctx), await self.prompt(ctx, active, flow, again=True)]
        if not restart:
            paused = await ctx.tx.conversations.paused(ctx.person.id, flow.id, project_id)
            if paused is not None and not paused.cursor.get("mode"):
                position, total = self.progress(flow, paused.step)
                await ctx.tx.conversations.pause_all(ctx.person.id)
                return [
                    Reply(
                        ctx.t(
                            "resume-offer",
                            step=position,
                            total=total,
                            flow=ctx.plain(flow.title),
                        ),
                        choices=[
                            [
                                Choice(ctx.plain("button-resume"), f"m:resume:{paused.id}"),
                                Choice(ctx.plain("button-restart"), f"m:restart:{flow.id}"),
                            ]
                        ],
                    )
                ]
        conv = await ctx.tx.conversations.start(ctx.person.id, project_id, flow.id, "")
        conv.draft = await self._prepared(ctx, flow)
        intro = Reply(ctx.t("flow-start", flow=ctx.plain(flow.title)))
        replies = await self._enter(ctx, conv, flow, 0)
        return [intro, *replies]

    async def _prepared(self, ctx: Context, flow: Flow) -> dict[str, Any]:
        """What a new draft walk starts from: the flow's prepared facts, if it has any."""
        if not flow.prepare:
            return {}
        seeded = await self.registry.prepares[flow.prepare](ctx)
        return {key: value for key, value in seeded.items() if key.startswith("_")}

    async def resume(self, ctx: Context, conversation_id: int) -> list[Reply]:
        """Continue a paused conversation."""
        await ctx.tx.conversations.pause_all(ctx.person.id)
        conv = await ctx.tx.conversations.paused_by_id(ctx.person.id, conversation_id)
        if conv is None:
            return [commands.expired(ctx)]
        conv.status = ConversationStatus.ACTIVE
        flow = self.flow(conv.flow_id)
        if conv.project_id is not None:
            try:
                await ctx.tx.projects.get(conv.project_id, ctx.person.id)
            except (AccessDenied, NotFound):
                return [Reply(ctx.t("error-not-allowed"))]
        await ctx.tx.conversations.save(conv)
        return [await self.prompt(ctx, conv, flow, again=True)]

    async def stop(self, ctx: Context) -> list[Reply]:
        """Pause whatever flow the person is in."""
        conv = await ctx.tx.conversations.active(ctx.person.id)
        if conv is None:
            return [Reply(ctx.t("stop-nothing"))]
        flow = self.flow(conv.flow_id)
        conv.status = ConversationStatus.PAUSED
        await ctx.tx.conversations.save(conv)
        command = flow.menu_command(ctx.lang)
        return [Reply(ctx.t("stop-done", flow=ctx.plain(flow.title), command=command))]

    # ----------------------------------------------------------------------------------------
    # walking

    def progress(self, flow: Flow, step_id: str) -> tuple[int, int]:
        """(position, total) of a step, counting a repeat's steps once."""
        ids = [s.id for s in flow.all_steps()]
        position = ids.index(step_id) + 1 if step_id in ids else 1
        return position, len(ids)

    async def _data_for(
        self, ctx: Context, conv: Conversation, flow: Flow, step: Step
    ) -> dict[str, Any]:
        """The record a step's condition looks at."""
        if flow.store == "draft":
            return conv.draft
        if flow.repeat_of(step.id) is not None:
            item = await self._current_item(ctx, conv)
            return item.data if item else {}
        if ctx.project is None:
            return {}
        main = await ctx.tx.items.singleton(ctx.project.id, flow.tool, "main", ctx.person.id)
        return main.data

    async def _current_item(self, ctx: Context, conv: Conversation) -> Item | None:
        queue: list[int] = conv.cursor.get("queue", [])
        index: int = conv.cursor.get("index", 0)
        item_id = conv.cursor.get("edit_item") or (queue[index] if index < len(queue) else None)
        if item_id is None:
            return None
        return await ctx.tx.items.find(int(item_id), ctx.person.id)

    async def _enter(self, ctx: Context, conv: Conversation, flow: Flow, part: int) -> list[Reply]:
        """Go to the first askable step of part `part` (or beyond), then ask it."""
        while part < len(flow.steps):
            current = flow.steps[part]
            if isinstance(current, Repeat):
                queue = await self._repeat_queue(ctx, flow, current)
                if queue:
                    conv.cursor["queue"] = queue
                    conv.cursor["index"] = 0
                    return await self._enter_item_step(ctx, conv, flow, current, 0)
            else:
                conv.step = current.id
                data = await self._data_for(ctx, conv, flow, current)
                prefilled = conv.cursor.get("prefilled") and data.get(current.target) not in (
                    None,
                    "",
                    [],
                )
                if self._applies(current, data) and not prefilled:
                    await ctx.tx.conversations.save(conv)
                    return [*self._notes(ctx), await self.prompt(ctx, conv, flow)]
            part += 1
        return await self._complete(ctx, conv, flow)

    async def _enter_item_step(
        self, ctx: Context, conv: Conversation, flow: Flow, repeat: Repeat, start: int
    ) -> list[Reply]:
        """Ask the first applicable step of the current item from `start`, or move on."""
        while True:
            item = await self._current_item(ctx, conv)
            if item is not None and start == 0 and not self._incomplete(repeat, item.data):
                # A teammate completed it since this walk began: don't ask again.
                if item.updated_by != ctx.person.id:
                    name = item.data.get(repeat.label_field, "")
                    ctx.notes.append(
                        str(ctx.t("item-done-by-other", name=name, who=item.updated_by_name))
                    )
                item = None
            if item is not None:
                for step in repeat.steps[start:]:
                    if self._applies(step, item.data):
                        conv.step = step.id
                        await ctx.tx.conversations.save(conv)
                        return [*self._notes(ctx), await self.prompt(ctx, conv, flow)]
                if start > 0 or any(self._applies(s, item.data) for s in repeat.steps):
                    self._feedback(ctx, flow, item)
            # This item is done (or was deleted meanwhile): go to the next one.
            conv.cursor["index"] = conv.cursor.get("index", 0) + 1
            start = 0
            if conv.cursor["index"] >= len(conv.cursor.get("queue", [])):
                conv.cursor.pop("queue", None)
                conv.cursor.pop("index", None)
                return await self._enter(ctx, conv, flow, flow.steps.index(repeat) + 1)

    def _feedback(self, ctx: Context, flow: Flow, item: Item) -> None:
        if flow.item_feedback:
            ctx.notes.append(self.registry.feedback[flow.item_feedback](item, ctx))

    async def _repeat_queue(self, ctx: Context, flow: Flow, repeat: Repeat) -> list[int]:
        """Items that still miss a required answer of the repeat."""
        assert ctx.project is not None
        items = await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
        return [item.id for item in items if self._incomplete(repeat, item.data)]

    def _incomplete(self, repeat: Repeat, data: dict[str, Any]) -> bool:
        """Whether a required question of the repeat is still unanswered for this item."""
        return any(
            data.get(s.target) in (None, "", []) and self._applies(s, data)
            for s in repeat.steps
            if not s.optional
        )

    def _applies(self, step: Step, data: dict[str, Any]) -> bool:
        return step.when is None or self.registry.conditions[step.when](data)

    def _notes(self, ctx: Context) -> list[Reply]:
        if not ctx.notes:
            return []
        notes, ctx.notes[:] = list(ctx.notes), []
        return [Reply("\n\n".join(notes))]

    async def _advance(self, ctx: Context, conv: Conversation, flow: Flow) -> list[Reply]:
        """Move past the current step."""
        history: list[list[Any]] = conv.cursor.setdefault("history", [])
        history.append([conv.step, conv.cursor.get("index", 0)])
        del history[:-50]  # bounded: back beyond fifty steps is never needed
        conv.cursor.pop("multi", None)
        repeat = flow.repeat_of(conv.step)
        if repeat is not None:
            position = [s.id for s in repeat.steps].index(conv.step)
            return await self._enter_item_step(ctx, conv, flow, repeat, position + 1)
        part = next(
            i for i, p in enumerate(flow.steps) if isinstance(p, Step) and p.id == conv.step
        )
        return await self._enter(ctx, conv, flow, part + 1)

    async def _back(self, ctx: Context, conv: Conversation, flow: Flow) -> list[Reply]:
        history: list[list[Any]] = conv.cursor.get("history", [])
        if not history:
            return [Reply(ctx.t("back-at-start")), await self.prompt(ctx, conv, flow)]
        step_id, index = history.pop()
        conv.step = step_id
        conv.cursor.pop("multi", None)
        if flow.repeat_of(step_id) is not None:
            conv.cursor["index"] = index
            if not conv.cursor.get("queue"):
                # Back from after the repeat: rebuild the walk over all the items again.
                assert ctx.project is not None
                items = await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
                conv.cursor["queue"] = [i.id for i in items]
                conv.cursor["index"] = max(0, len(items) - 1)
        else:
            conv.cursor.pop("queue", None)
            conv.cursor.pop("index", None)
        await ctx.tx.conversations.save(conv)
        return [await self.prompt(ctx, conv, flow)]

    async def _complete(self, ctx: Context, conv: Conversation, flow: Flow) -> list[Reply]:
        conv.status = ConversationStatus.DONE
        conv.step = "_done"
        await ctx.tx.conversations.save(conv)
        notes = self._notes(ctx)
        if flow.store == "draft":
            assert flow.on_complete is not None
            replies: list[Reply] = await self.registry.actions[flow.on_complete](conv.draft, ctx)
            return [*notes, *replies]
        replies = [Reply(ctx.t("flow-done", flow=ctx.plain(flow.title)))]
        replies.extend(await self.summary(ctx, flow))
        replies[-1].choices = commands.after_flow_menu(ctx, flow)
        replies.extend(await commands.announce(ctx, flow))
        return [*notes, *replies]

    async def summary(self, ctx: Context, flow: Flow, *, chat_id: str | None = None) -> list[Reply]:
        """The flow's summary text (from its template) and its picture."""
        if ctx.project is None or not flow.summary:
            return []
        items = await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
        extra: dict[str, Any] = {}
        builder = self.registry.contexts.get(flow.id)
        if builder is not None:
            extra = builder(items, ctx)
        html = self.render(
            flow.summary,
            items=items,
            project=ctx.project,
            team=ctx.team,
            lang=ctx.lang,
            t=ctx.t,
            **extra,
        )
        replies = [Reply(html, chat_id=chat_id)]
        if flow.picture and items:
            picture = await self.registry.pictures[flow.picture](items, ctx)
            if picture is not None:
                filename, data = picture
                caption = ctx.t("picture-caption", flow=ctx.plain(flow.title))
                if callable(data):  # drawn once the transaction has committed
                    replies.append(Reply(caption, drawing=Drawing(filename, data), chat_id=chat_id))
                else:
                    replies.append(
                        Reply(
                            caption,
                            image=Attachment(filename, data, "image/png"),
                            chat_id=chat_id,
                        )
                    )
        return replies

    # ----------------------------------------------------------------------------------------
    # asking

    def _item_answers(self, ctx: Context, repeat: Repeat | None, step: Step, item: Item) -> str:
        """The item's answers to the questions before this one, as one short line."""
        if repeat is None:
            return ""
        shown: list[str] = []
        for earlier in repeat.steps:
            if earlier.id == step.id:
                break
            value = item.data.get(earlier.target)
            if value in (None, "", []) or not self._applies(earlier, item.data):
                continue
            text = shorten(commands.show_value(ctx, earlier, value), ITEM_ANSWER_LENGTH)
            shown.append(f"{commands.field_label(ctx, earlier)}: {text}")
        return " · ".join(shown)

    def _labels(self, ctx: Context, step: Step) -> dict[str, str]:
        return {option.value: ctx.plain(option.label) for option in step.options}

    async def prompt(
        self,
        ctx: Context,
        conv: Conversation,
        flow: Flow,
        *,
        again: bool = False,
        short: bool = False,
    ) -> Reply:
        """The question of the current step, with progress, options and navigation."""
        if conv.step in EDITOR_SCREENS:
            return await commands.edit_prompt(ctx, conv, flow, self)
        step = self._step(flow, conv.step)
        lines: list[str] = []
        if again:
            lines.append(str(ctx.t("you-are-here")))
        repeat = flow.repeat_of(step.id)
        item = (
            await self._current_item(ctx, conv) if repeat or conv.cursor.get("edit_item") else None
        )
        if conv.cursor.get("mode") == "edit":
            label = item.data.get("name", "") if item else ctx.plain(flow.title)
            lines.append(str(ctx.t("progress-edit", name=label)))
        else:
            position, total = self.progress(flow, step.id)
            lines.append(
                str(ctx.t("progress", flow=ctx.plain(flow.title), step=position, total=total))
            )
            if item is not None:
                queue = conv.cursor.get("queue", [])
                lines.append(
                    str(
                        ctx.t(
                            "progress-item",
                            name=item.data.get("name", ""),
                            number=conv.cursor.get("index", 0) + 1,
                            count=len(queue),
                        )
                    )
                )
                answered = self._item_answers(ctx, repeat, step, item)
                if answered:
                    lines.append(str(ctx.t("progress-answers", answers=answered)))
        if short:
            lines.append(str(ctx.t("list-more")))
        elif step.prompt_args:
            data = await self._data_for(ctx, conv, flow, step)
            args = await self.registry.prompt_args[step.prompt_args](ctx, data)
            lines.append(str(ctx.t(step.text, **args)))
        else:
            lines.append(str(ctx.t(step.text)))
        if step.kind == Kind.LIST and ctx.project is not None:
            count = await ctx.tx.items.count(ctx.project.id, flow.tool)
            if count:
                lines.append(str(ctx.t("list-count", count=count)))
        if step.kind == Kind.MULTI:
            chosen = conv.cursor.get("multi", [])
            if chosen:
                labels = self._labels(ctx, step)
                lines.append(
                    str(ctx.t("multi-chosen", chosen=", ".join(labels[c] for c in chosen)))
                )
        return Reply("\n".join(lines), choices=await self._step_choices(ctx, conv, flow, step))

    async def _step_choices(
        self, ctx: Context, conv: Conversation, flow: Flow, step: Step
    ) -> list[list[Choice]]:
        rows: list[list[Choice]] = []
        if step.kind in (Kind.CHOICE, Kind.MULTI):
            chosen = set(conv.cursor.get("multi", []))
            action = "toggle" if step.kind == Kind.MULTI else "opt"
            buttons = [
                Choice(
                    ("✓ " if option.value in chosen else "") + ctx.plain(option.label),
                    step_button(conv, action, option.value),
                )
                for option in step.options
            ]
            width = 3 if all(len(b.label) <= 10 for b in buttons) else 1
            rows.extend(buttons[i : i + width] for i in range(0, len(buttons), width))
        elif step.kind == Kind.SCALE:
            low = 1 if step.minimum is None else int(step.minimum)
            high = 5 if step.maximum is None else int(step.maximum)
            rows.append(
                [Choice(str(n), step_button(conv, "opt", str(n))) for n in range(low, high + 1)]
            )
        elif step.kind == Kind.TEXT and step.offers:
            offers = await self._offers(ctx, conv, flow, step)
            rows.extend(
                [Choice(label, step_button(conv, "offer", str(number)))]
                for number, label in enumerate(offers)
            )
        elif step.kind == Kind.LIST and step.suggestions and ctx.project is not None:
            items = await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
            have = {fold(i.data.get("name", "")) for i in items}
            open_ = [s for s in step.suggestions if fold(ctx.plain(s.label)) not in have][:8]
            rows.extend(
                [Choice("+ " + ctx.plain(s.label), step_button(conv, "suggest", s.value))]
                for s in open_
            )
        nav: list[Choice] = []
        if conv.cursor.get("history") and conv.cursor.get("mode") != "edit":
            nav.append(Choice(ctx.plain("button-back"), step_button(conv, "back")))
        if step.kind in (Kind.LIST, Kind.MULTI):
            nav.append(Choice(ctx.plain("button-done"), step_button(conv, "done")))
        if step.optional:
            nav.append(Choice(ctx.plain("button-skip"), step_button(conv, "skip")))
        attributes = self.translator.bundles[ctx.lang].get_message(step.text).attributes
        if "hint" in attributes or "example" in attributes:
            nav.append(Choice(ctx.plain("button-hint"), step_button(conv, "hint")))
        nav.append(Choice(ctx.plain("button-stop"), step_button(conv, "stop")))
        rows.append(nav)
        return rows

    async def _offers(self, ctx: Context, conv: Conversation, flow: Flow, step: Step) -> list[str]:
        """The tappable answers of a text step (at most twelve, each fitting the step)."""
        assert step.offers is not None
        data = await self._data_for(ctx, conv, flow, step)
        offers = await self.registry.offers[step.offers](ctx, data)
        return [label for label in offers if 0 < len(label) <= step.max_length][:12]

    def _step(self, flow: Flow, step_id: str) -> Step:
        return NAME_STEP if step_id == NAME_STEP.id else flow.step(step_id)

    def _hint(self, ctx: Context, step: Step) -> Reply:
        message = self.translator.bundles[ctx.lang].get_message(step.text)
        parts: list[str] = []
        if "hint" in message.attributes:
            parts.append(
                str(ctx.t("hint-label"))
                + " "
                + str(self.translator.attribute(ctx.lang, step.text, "hint"))
            )
        if "example" in message.attributes:
            parts.append(
                str(ctx.t("example-label"))
                + " "
                + str(self.translator.attribute(ctx.lang, step.text, "example"))
            )
        if not parts:
            parts.append(str(ctx.t("hint-none")))
        return Reply("\n\n".join(parts))

    # ----------------------------------------------------------------------------------------
    # answering

    async def _answer(self, ctx: Context, conv: Conversation, text: str) -> list[Reply]:
        flow = self.flow(conv.flow_id)
        keyword = KEYWORDS.get(fold(text).rstrip(".!"))
        if keyword is not None:
            return await self._step_action(ctx, conv, keyword, "")
        if conv.step in EDITOR_SCREENS:
            return await commands.edit_answer(ctx, conv, flow, text, self)
        step = self._step(flow, conv.step)
        if step.kind == Kind.LIST:
            parsed = parse_list(text, step)
            if isinstance(parsed, Problem):
                return [self._problem(ctx, parsed), await self.prompt(ctx, conv, flow)]
            return await self._add_items(ctx, conv, flow, parsed)
        value = parse_answer(text, step, self._labels(ctx, step), ctx.today)
        if isinstance(value, Problem):
            return [self._problem(ctx, value), await self.prompt(ctx, conv, flow)]
        if step.check:
            issue = self.registry.checks[step.check](value, ctx)
            if inspect.isawaitable(issue):
                issue = await issue
            if issue:
                return [Reply(ctx.t(issue)), await self.prompt(ctx, conv, flow)]
        return await self.store_answer(ctx, conv, flow, step, value)

    def _problem(self, ctx: Context, problem: Problem) -> Reply:
        args = {
            name: format_date(value, ctx.lang) if isinstance(value, date) else value
            for name, value in problem.args.items()
        }
        return Reply(ctx.t(problem.key, **args))

    async def _step_action(
        self, ctx: Context, conv: Conversation, action: str, payload: str
    ) -> list[Reply]:
        flow = self.flow(conv.flow_id)
        if action == "stop":
            if conv.cursor.get("mode") == "edit":
                return await commands.edit_finish(ctx, conv, flow, self)
            return await self.stop(ctx)
        if conv.step in EDITOR_SCREENS:
            return await commands.edit_action(ctx, conv, flow, action, payload, self)
        step = self._step(flow, conv.step)
        if action == "back":
            if conv.cursor.get("mode") == "edit":
                return await commands.edit_back(ctx, conv, flow, self)
            return await self._back(ctx, conv, flow)
        if action in ("hint", "example"):
            return [self._hint(ctx, step)]
        if action == "skip":
            if not step.optional:
                return [Reply(ctx.t("skip-not-allowed")), await self.prompt(ctx, conv, flow)]
            return await self.store_answer(ctx, conv, flow, step, None)
        if action == "opt" and step.kind in (Kind.CHOICE, Kind.SCALE):
            value: Any = payload
            if step.kind == Kind.SCALE:
                value = parse_scale(payload, step)
                if isinstance(value, Problem):
                    return [commands.expired(ctx)]
            elif payload not in {o.value for o in step.options}:
                return [commands.expired(ctx)]
            return await self.store_answer(ctx, conv, flow, step, value)
        if action == "offer" and step.offers and payload.isdigit():
            offers = await self._offers(ctx, conv, flow, step)
            if int(payload) >= len(offers):
                return [commands.expired(ctx)]
            return await self.store_answer(ctx, conv, flow, step, offers[int(payload)])
        if action == "toggle" and step.kind == Kind.MULTI:
            if payload not in {o.value for o in step.options}:
                return [commands.expired(ctx)]
            chosen: list[str] = conv.cursor.setdefault("multi", [])
            if payload in chosen:
                chosen.remove(payload)
            else:
                chosen.append(payload)
            await ctx.tx.conversations.save(conv)
            reply = await self.prompt(ctx, conv, flow)
            reply.replace = True
            return [reply]
        if action == "done" and step.kind == Kind.MULTI:
            chosen = conv.cursor.get("multi", [])
            if not chosen and not step.optional:
                return [Reply(ctx.t("multi-none")), await self.prompt(ctx, conv, flow)]
            return await self.store_answer(ctx, conv, flow, step, chosen or None)
        if action == "done" and step.kind == Kind.LIST:
            assert ctx.project is not None
            if await ctx.tx.items.count(ctx.project.id, flow.tool) == 0:
                return [Reply(ctx.t("list-empty")), await self.prompt(ctx, conv, flow)]
            return await self._advance(ctx, conv, flow)
        if action == "suggest" and step.kind == Kind.LIST:
            option = next((s for s in step.suggestions if s.value == payload), None)
            if option is None:
                return [commands.expired(ctx)]
            return await self._add_items(ctx, conv, flow, [ctx.plain(option.label)])
        if action == "done":
            return [Reply(ctx.t("done-not-here")), await self.prompt(ctx, conv, flow)]
        return [commands.expired(ctx)]

    async def _add_items(
        self, ctx: Context, conv: Conversation, flow: Flow, names: list[str]
    ) -> list[Reply]:
        assert ctx.project is not None
        # Two members typing the same name at the same moment must not both add it.
        await ctx.tx.projects.lock(ctx.project.id, ctx.person.id)
        existing = {
            fold(i.data.get("name", "")): i
            for i in await ctx.tx.items.list(ctx.project.id, flow.tool, ctx.person.id)
        }
        added: list[str] = []
        known: list[str] = []
        for name in names:
            if fold(name) in existing:
                other = existing[fold(name)]
                known.append(f"{name} ({other.created_by_name})")
                continue
            item = await ctx.tx.items.add(ctx.project.id, flow.tool, {"name": name}, ctx.person.id)
            existing[fold(name)] = item
            added.append(name)
        lines = []
        if added:
            lines.append(str(ctx.t("list-added", count=len(added), names=", ".join(added))))
        if known:
            lines.append(str(ctx.t("list-known", count=len(known), names=", ".join(known))))
        await ctx.tx.conversations.save(conv)
        reply = await self.prompt(ctx, conv, flow, short=True)
        reply.html = "\n".join([*lines, reply.html])
        return [reply]

    async def store_answer(
        self, ctx: Context, conv: Conversation, flow: Flow, step: Step, value: Any
    ) -> list[Reply]:
        """Store a valid answer where the flow keeps it, then move on."""
        if flow.store == "draft":
            conv.draft[step.target] = value
        else:
            repeat = flow.repeat_of(step.id)
            if repeat is not None or conv.cursor.get("edit_item"):
                item = await self._current_item(ctx, conv)
                if item is None:
                    # A teammate deleted it while this person was answering: move on.
                    ctx.notes.append(str(ctx.t("item-gone")))
                    if conv.cursor.get("mode") == "edit" or repeat is None:
                        return await commands.edit_finish(ctx, conv, flow, self)
                    return await self._enter_item_step(ctx, conv, flow, repeat, len(repeat.steps))
                if step.id == NAME_STEP.id:
                    clash = await commands.name_clash(ctx, flow, item, str(value))
                    if clash is not None:
                        return [clash, await self.prompt(ctx, conv, flow)]
                target_id = item.id
            else:
                assert ctx.project is not None
                main = await ctx.tx.items.singleton(
                    ctx.project.id, flow.tool, "main", ctx.person.id
                )
                target_id = main.id
            _, previous = await ctx.tx.items.set_field(target_id, step.target, value, ctx.person.id)
            self._overlap_note(ctx, previous, step, value)
        if conv.cursor.get("mode") == "edit":
            return await commands.edit_saved(ctx, conv, flow, self)
        return await self._advance(ctx, conv, flow)

    def _overlap_note(self, ctx: Context, previous: Any, step: Step, value: Any) -> None:
        """Tell the person when a teammate answered the same question moments ago."""
        if previous is None or previous.changed_by == ctx.person.id:
            return
        if self.clock() - previous.changed_at > RECENT or previous.new == value:
            return
        labels = {o.value: o.label for o in step.options}

        def show(raw: Any) -> str:
            if raw in labels:
                return ctx.plain(labels[raw])
            return "—" if raw in (None, "", []) else str(raw)

        ctx.notes.append(
            str(
                ctx.t(
                    "overlap",
                    name=previous.changed_by_name,
                    old=show(previous.new),
                    new=show(value),
                )
            )
        )


async def draw_pictures(replies: Sequence[Reply]) -> None:
    """Draw the pictures the replies still need, in the drawing process, outside the database.

    A picture that fails to draw is left out; its caption still goes, so nothing else is lost.
    """
    for reply in replies:
        pending = reply.drawing
        if pending is None:
            continue
        reply.drawing = None
        try:
            data = await drawing.draw(pending.draw)
        except Exception:
            logger.exception("drawing %s failed", pending.filename)
            continue
        reply.image = Attachment(pending.filename, data, pending.mime_type)
