"""Telegram updates in, engine events through, replies out; each update processed once.

An update counts as processed once the engine's transaction has committed (or the engine
failed for good and the person was told). Sending the replies happens afterwards in the
chat's outbox lane: a 429 for one chat then never holds up reading updates for the others,
and a crash can only lose replies, never an answer (the answer and the update id commit
together, and an update that did not commit is delivered again).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from telegram import (
    Bot,
    Chat,
    ChatMember,
    Update,
    User,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackContext,
    CallbackQueryHandler,
    ChatMemberHandler,
    ExtBot,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.activity import Activity
from bot.telegram_render import Keyboard, build_keyboards, plain_text
from bot.telegram_send import Delivery, Job, Outbox, Outgoing, plan_reply
from bot.telegram_taps import Pressed, Tap, read_tap, tap_of
from flows.engine import Engine, draw_pictures
from flows.events import ChatKind, Choice, Event, Outcome, PollAnswer, Reply, Sender
from flows.i18n import pick_language
from storage.repositories import Tx

logger = logging.getLogger(__name__)

ANY_MEMBER = "*"  # a button owner meaning "anyone in this group chat" (see bot/reminders.py)

App = Application[Any, Any, Any, Any, Any, Any]
Context = CallbackContext[Any, Any, Any, Any]

ALLOWED_UPDATES = ("message", "callback_query", "my_chat_member", "poll_answer")
POLL_OWNER = "poll"  # native polls are answered by whoever sees them; the tool checks who
MAX_ATTEMPTS = 5  # transient failures of one update before the person is told it failed
CALLBACK_TEXT_LIMIT = 200
# What the handlers read of the message under a pressed button: its chat and its id (the date
# tells PTB whether the message is still accessible).
PRESSED_FIELDS = ("message_id", "date", "chat")

RECENT_BUTTONS = 1000  # button references remembered after they were issued
RECENT_BUTTON_SECONDS = 24 * 3600.0  # far below the 60 days after which they are pruned


def lighten(data: Any) -> Any:
    """An update as Telegram sent it (a dict), less what no handler reads of the message under
    a pressed button: its text, entities and keyboard.

    PTB builds an object for each of those (every button of the keyboard included), which
    made up a third of parsing a tap. Anything that is not an update's shape is left as is,
    for PTB to reject.
    """
    query = data.get("callback_query") if isinstance(data, dict) else None
    if isinstance(query, dict) and isinstance(message := query.get("message"), dict):
        query["message"] = {key: message[key] for key in PRESSED_FIELDS if key in message}
    return data


def read_update(data: Any, bot: Bot) -> Update | Tap:
    """An update as the Bot API sent it (decoded JSON): a tap without PTB's objects (see
    bot/telegram_taps.py), anything else as PTB parses it (polling and webhook alike).

    `data` is lightened in place (see `lighten`): what polling stores of it stays small.
    """
    data = lighten(data)
    tap = read_tap(data)
    if tap is not None:
        return tap
    update = Update.de_json(data, bot)
    if isinstance(bot, ExtBot):
        bot.insert_callback_data(update)
    return update


class Redeliver(Exception):
    """Nothing was committed and the failure looks temporary: process this update again."""


def is_transient(error: BaseException) -> bool:
    """Database or network trouble that may be gone on the next attempt."""
    if isinstance(error, (OperationalError, InterfaceError, TimeoutError, ConnectionError)):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def external_id(user_id: int) -> str:
    """How the engine names a Telegram user (a person's transport identity)."""
    return f"tg:{user_id}"


def sender_of(user: User) -> Sender:
    """The engine's view of a Telegram user."""
    return Sender(external_id(user.id), user.full_name, user.language_code)


def chat_kind(chat: Chat) -> ChatKind | None:
    """Private chats run flows, groups get commands; channels are not for us."""
    return kind_of_chat(chat.type)


def kind_of_chat(chat_type: str | None) -> ChatKind | None:
    """`chat_kind` by the chat's type as the Bot API names it."""
    if chat_type == ChatType.PRIVATE:
        return ChatKind.PRIVATE
    if chat_type in (ChatType.GROUP, ChatType.SUPERGROUP):
        return ChatKind.GROUP
    return None


def chat_key(update: Update | Tap) -> int:
    """What orders updates: the chat, else the user, else nothing shared."""
    if isinstance(update, Tap):
        return update.chat_id if update.chat_id is not None else update.user_id
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return 0


class Attempts:
    """How often an update failed temporarily, so one poisoned update cannot loop forever."""

    def __init__(self, limit: int = MAX_ATTEMPTS) -> None:
        self.limit = limit
        self._counts: dict[int, int] = {}

    def again(self, update_id: int) -> bool:
        """Count a failure; True while another attempt is allowed."""
        count = self._counts.get(update_id, 0) + 1
        if count >= self.limit:
            self._counts.pop(update_id, None)
            return False
        self._counts[update_id] = count
        return True

    def forget(self, update_id: int) -> None:
        """The update went through."""
        self._counts.pop(update_id, None)


class RecentButtons:
    """Button references this process issued lately, once their transaction committed.

    Most taps are on the newest buttons, so they need no transaction of their own to look
    the reference up. A reference's row never changes once written and is pruned only after
    60 days (Engine.housekeeping), so what is kept here stays true far longer than it is kept.
    Anything else (older buttons, reminders', another process's) is looked up as before.
    """

    def __init__(
        self,
        size: int = RECENT_BUTTONS,
        seconds: float = RECENT_BUTTON_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.size = size
        self.seconds = seconds
        self.clock = clock
        self._known: dict[str, tuple[str, str, str, float]] = {}  # ref -> (..., issued at)

    def add(self, issued: Sequence[tuple[str, tuple[str, str, str]]]) -> None:
        """Remember committed references: (ref, (owner, chat id, value)) each."""
        now = self.clock()
        for ref, (owner, chat_id, value) in issued:
            self._known[ref] = (owner, chat_id, value, now)
        while len(self._known) > self.size:
            del self._known[next(iter(self._known))]  # the oldest first (insertion order)

    def get(self, ref: str) -> tuple[str, str, str] | None:
        """(owner, chat id, value) of a recent reference, or None when not known here."""
        entry = self._known.get(ref)
        if entry is None:
            return None
        owner, chat_id, value, issued_at = entry
        if self.clock() - issued_at > self.seconds:
            del self._known[ref]
            return None
        return owner, chat_id, value


class UpdateHandlers:
    """PTB handlers that turn updates into engine events and queue the replies."""

    def __init__(self, engine: Engine, outbox: Outbox, delivery: Delivery, username: str) -> None:
        self.engine = engine
        self.outbox = outbox
        self.delivery = delivery
        self.username = username.lower()
        self.attempts = Attempts()
        self.recent = RecentButtons()
        self.failed: set[int] = set()  # update ids to deliver again (read by the Dispatcher)

    def install(self, application: App) -> None:
        """Register the handlers on the application."""
        application.add_handler(MessageHandler(filters.TEXT, self.on_message, block=True))
        # A photo, sticker or voice note in the private chat is answered ("I read text
        # only"), never met with silence.
        application.add_handler(
            MessageHandler(
                filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
                self.on_message,
                block=True,
            )
        )
        application.add_handler(CallbackQueryHandler(self.on_callback, block=True))
        application.add_handler(PollAnswerHandler(self.on_poll_answer, block=True))
        application.add_handler(
            ChatMemberHandler(self.on_membership, ChatMemberHandler.MY_CHAT_MEMBER, block=True)
        )
        application.add_error_handler(self.on_error, block=True)

    # ----------------------------------------------------------------------------------------

    async def on_message(self, update: Update, _: Context) -> None:
        """A text message or a command."""
        message = update.message
        if message is None:
            return
        user = message.from_user
        kind = chat_kind(message.chat)
        if user is None or user.is_bot or kind is None:
            return
        text = message.text  # None for a photo, a sticker, a voice note …
        if kind == ChatKind.GROUP and (text is None or not self._for_us(text)):
            return  # in groups only our commands count; chatter costs no transaction
        logger.debug("update %s chat %s: text %r", update.update_id, message.chat.id, text)
        event = Event(
            sender=sender_of(user),
            chat_id=str(message.chat.id),
            chat_kind=kind,
            text=text,
            key=f"tg:{update.update_id}",
            chat_title=message.chat.title if kind == ChatKind.GROUP else None,
        )
        await self._run(update.update_id, event, pressed=None)

    async def on_membership(self, update: Update, _: Context) -> None:
        """Log when someone blocks the bot; greet a group the bot was just added to."""
        change = update.my_chat_member
        if change is None:
            return
        old, new = change.old_chat_member.status, change.new_chat_member.status
        logger.info(
            "chat %s: bot status %s -> %s (by user %s)",
            change.chat.id,
            old,
            new,
            change.from_user.id,
        )
        joined = new in (ChatMember.MEMBER, ChatMember.ADMINISTRATOR) and old in (
            ChatMember.LEFT,
            ChatMember.BANNED,
        )
        if joined and chat_kind(change.chat) == ChatKind.GROUP:
            welcome = self.engine.group_welcome()
            [keyboard] = await build_keyboards([welcome], _no_reference)
            calls = plan_reply(welcome, keyboard, change.chat.id)
            self.outbox.post(change.chat.id, _job(self.delivery, calls, "group welcome"))

    def _for_us(self, text: str) -> bool:
        if not text.startswith("/"):
            return False
        command = text.split(maxsplit=1)[0]
        _, at, mention = command.partition("@")
        return not at or mention.lower() == self.username

    async def on_callback(self, update: Update, _: Context) -> None:
        """A pressed inline button that PTB parsed (a tap of a shape `read_tap` leaves to it)."""
        tap = tap_of(update)
        if tap is not None:
            await self._tap(tap)

    async def on_tap(self, tap: Tap) -> None:
        """A pressed inline button read without PTB (`read_tap`): handled as `on_callback`,
        its failures as PTB would hand them to `on_error`."""
        try:
            await self._tap(tap)
        except Exception as error:
            self._failed(tap.update_id, tap.chat_id, error)

    async def _tap(self, tap: Tap) -> None:
        """Answered exactly once, unless it will be delivered again."""
        try:
            answer, text = await self._press(tap)
        except Redeliver:
            raise  # the next delivery answers it
        except Exception:
            self._answer(tap.query_id, None)
            raise
        if answer:
            self._answer(tap.query_id, text)

    async def _press(self, tap: Tap) -> tuple[bool, str | None]:
        """Check the button's reference, then hand its value to the engine.

        Returns whether to answer the query and with which text.
        """
        kind = kind_of_chat(tap.chat_type)
        person = external_id(tap.user_id)
        found = await self._lookup(tap.update_id, tap.data) if tap.data else None
        if (
            tap.chat_id is None
            or kind is None
            or found is None
            # Only the person the buttons were made for, except under a group digest, whose
            # buttons any member may press (the handler checks membership).
            or found[0] not in (person, ANY_MEMBER)
            or found[1] != str(tap.chat_id)
        ):
            logger.info(
                "update %s chat %s: unknown, foreign or stale button from user %s",
                tap.update_id,
                tap.chat_id if tap.chat_id is not None else "-",
                tap.user_id,
            )
            lang = pick_language(tap.language_code, self.engine.default_language)
            return True, self.engine.translator.plain(lang, "button-expired")
        event = Event(
            sender=Sender(person, tap.full_name, tap.language_code),
            chat_id=str(tap.chat_id),
            chat_kind=kind,
            button=found[2],
            key=f"tg:{tap.update_id}",
            chat_title=tap.chat_title if kind == ChatKind.GROUP else None,
        )
        outcome, notice = await self._run(tap.update_id, event, pressed=tap.pressed)
        return not outcome.duplicate, notice  # a duplicate was answered on its first delivery

    async def on_poll_answer(self, update: Update, _: Context) -> None:
        """A vote in a native poll the bot sent: handed to the engine as a poll answer."""
        answer = update.poll_answer
        if answer is None or answer.user is None:
            return  # a vote on behalf of a chat names no person whose dots it could be
        found = await self._lookup(update.update_id, poll_ref(answer.poll_id))
        if found is None or found[0] != POLL_OWNER:
            logger.info("update %s: answer to an unknown poll", update.update_id)
            return
        event = Event(
            sender=sender_of(answer.user),
            # Replies about a vote go to the voter's private chat, whatever chat the poll is in.
            chat_id=str(answer.user.id),
            chat_kind=ChatKind.PRIVATE,
            poll_answer=PollAnswer(found[2], tuple(answer.option_ids)),
            key=f"tg:{update.update_id}",
        )
        await self._run(update.update_id, event, pressed=None)

    async def _lookup(self, update_id: int, ref: str) -> tuple[str, str, str] | None:
        recent = self.recent.get(ref)
        if recent is not None:
            return recent
        try:
            async with self.engine.store.transaction() as tx:
                return await tx.buttons.get(ref)
        except Exception as error:
            if is_transient(error) and self.attempts.again(update_id):
                raise Redeliver(f"button lookup: {error!r}") from error
            raise

    def _answer(self, query_id: str, text: str | None) -> None:
        async def answer() -> None:
            try:
                await self.delivery.answer_callback(
                    query_id, text[:CALLBACK_TEXT_LIMIT] if text else None
                )
            except BadRequest as error:  # e.g. too old: the spinner stopped by itself
                logger.info("callback %s: not answered (%s)", query_id, error.message)
            except TelegramError as error:
                logger.warning("callback %s: not answered (%s)", query_id, error.message)

        self.outbox.spawn(answer())

    # ----------------------------------------------------------------------------------------

    async def _run(
        self, update_id: int, event: Event, *, pressed: Pressed | None
    ) -> tuple[Outcome, str | None]:
        """Let the engine handle the event, storing button references in its transaction.

        Returns the outcome and, for a pressed button, a notice to show on the button.
        """
        keyboards: list[Keyboard | None] = []
        issued: list[tuple[str, tuple[str, str, str]]] = []
        owner = event.sender.external_id

        async def within(tx: Tx, replies: list[Reply]) -> None:
            async def reference(reply: Reply, choice: Choice) -> str:
                chat = reply.chat_id or event.chat_id
                value = choice.value or ""
                ref = await tx.buttons.put(owner, chat, value)
                issued.append((ref, (owner, chat, value)))
                return ref

            issued.clear()
            keyboards[:] = await build_keyboards(replies, reference)

        try:
            # Pictures are drawn in the chat's send lane, so a slow one holds up neither this
            # update's confirmation nor the next batch of updates.
            outcome = await self.engine.handle(event, within=within, draw=False)
            self.recent.add(issued)  # committed by now
        except Exception as error:
            if is_transient(error) and self.attempts.again(update_id):
                raise Redeliver(f"engine: {error!r}") from error
            logger.exception("update %s chat %s: the engine failed", update_id, event.chat_id)
            outcome = Outcome([self.engine.error_reply(event)])
            keyboards = [None]
        self.attempts.forget(update_id)
        if outcome.duplicate:
            logger.info("update %s chat %s: already processed", update_id, event.chat_id)
            return outcome, None
        replies, notice = outcome.replies, None
        if event.button is not None:
            # A remark about the button itself shows on the button, not as a new message.
            notices = [plain_text(r.html) for r in replies if r.notice]
            if notices:
                notice = notices[0]
                kept = [(r, k) for r, k in zip(replies, keyboards, strict=True) if not r.notice]
                replies, keyboards = [r for r, _ in kept], [k for _, k in kept]
        self._queue(update_id, event, replies, keyboards, pressed)
        return outcome, notice

    def _queue(
        self,
        update_id: int,
        event: Event,
        replies: Sequence[Reply],
        keyboards: Sequence[Keyboard | None],
        pressed: Pressed | None,
    ) -> None:
        """Plan each reply's calls and post them to their chats' lanes, in order."""
        per_chat: dict[int, list[Planned]] = defaultdict(list)
        edited = False
        for reply, keyboard in zip(replies, keyboards, strict=True):
            target = reply.chat_id or event.chat_id
            try:
                chat_id = int(target)
            except ValueError:
                logger.error("update %s: reply for non-Telegram chat %r dropped", update_id, target)
                continue
            edit = None
            if reply.replace and not edited and pressed is not None and pressed.chat_id == chat_id:
                edit, edited = pressed.message_id, True
            per_chat[chat_id].append((reply, keyboard, edit))
        context = f"update {update_id}"
        for chat_id, planned in per_chat.items():
            self.outbox.post(
                chat_id,
                _drawn_job(self.delivery, chat_id, planned, context),
                # Bulk only if every call is (an edit answers a tap, so it never is).
                bulk=all(reply.bulk and edit is None for reply, _, edit in planned),
            )

    # ----------------------------------------------------------------------------------------

    async def on_error(self, update: object, context: Context) -> None:
        """Record updates to deliver again; log everything else with its context."""
        error = context.error
        if isinstance(update, Update):
            chat = update.effective_chat.id if update.effective_chat else None
            self._failed(update.update_id, chat, error)
            return
        logger.error("error outside an update", exc_info=error)

    def _failed(self, update_id: int, chat: int | None, error: BaseException | None) -> None:
        """An update's handler failed: deliver it again (Redeliver), else log it."""
        shown = chat if chat is not None else "-"
        if isinstance(error, Redeliver):
            self.failed.add(update_id)
            logger.warning(
                "update %s chat %s: not processed, will try again: %s", update_id, shown, error
            )
            return
        logger.error("update %s chat %s: handler failed", update_id, shown, exc_info=error)


def poll_ref(poll_id: str) -> str:
    """The stored reference of a native poll: its id, marked so it is never a button's."""
    return f"p:{poll_id}"[:24]


def poll_recorder(engine: Engine) -> Callable[[str, str, int], Awaitable[None]]:
    """What Delivery calls once a poll is shown: remember which value its answers carry."""

    async def record(poll_id: str, value: str, chat_id: int) -> None:
        async with engine.store.transaction() as tx:
            await tx.buttons.put_ref(poll_ref(poll_id), POLL_OWNER, str(chat_id), value)

    return record


async def _no_reference(_: Reply, choice: Choice) -> str:
    raise ValueError(f"the group welcome has only link buttons, not {choice.label!r}")


def _job(delivery: Delivery, calls: list[Outgoing], context: str) -> Job:
    async def job() -> None:
        await delivery.send_all(calls, context)

    return job


# A reply to one chat with its keyboard and the message it may edit.
Planned = tuple[Reply, Keyboard | None, int | None]


def _drawn_job(delivery: Delivery, chat_id: int, planned: list[Planned], context: str) -> Job:
    """Send the replies in order; a picture is drawn (after the transaction) once the replies
    before it are out, so the words never wait for the drawing."""
    first = next((n for n, (reply, _, _) in enumerate(planned) if reply.drawing), len(planned))

    def plan(part: list[Planned]) -> list[Outgoing]:
        return [
            call
            for reply, keyboard, edit in part
            for call in plan_reply(reply, keyboard, chat_id, edit_message_id=edit)
        ]

    async def rest() -> list[Outgoing]:
        await draw_pictures([reply for reply, _, _ in planned[first:]])
        return plan(planned[first:])

    async def job() -> None:
        later = rest if first < len(planned) else None
        await delivery.send_all(plan(planned[:first]), context, then=later)

    return job


class KeyedLocks:
    """One asyncio.Lock per key, dropped when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[int, tuple[asyncio.Lock, list[int]]] = {}

    @asynccontextmanager
    async def hold(self, key: int) -> AsyncIterator[None]:
        """Hold the key's lock."""
        entry = self._locks.get(key)
        if entry is None:
            entry = self._locks[key] = (asyncio.Lock(), [0])
        lock, users = entry
        users[0] += 1
        try:
            async with lock:
                yield
        finally:
            users[0] -= 1
            if users[0] == 0:
                del self._locks[key]


class Dispatcher:
    """Feeds updates to the application: one chat's in order, different chats concurrently."""

    def __init__(
        self,
        application: App,
        handlers: UpdateHandlers,
        memory: int = 10_000,
        *,
        activity: Activity | None = None,
    ) -> None:
        self.application = application
        self.handlers = handlers
        # Updates in progress count as interactive work: reminders wait for a lull.
        self.activity = activity or Activity()
        self.locks = KeyedLocks()
        self._done: OrderedDict[int, None] = OrderedDict()  # recently processed update ids
        self._memory = memory
        # Chats with an update to deliver again: their later updates wait for it, even those
        # of a batch that was already under way (see `release`).
        self.held: set[int] = set()

    async def process(self, update: Update | Tap) -> bool:
        """Process one update; False when it must be delivered again (also while its chat
        is held: an earlier update of that chat waits to be processed again)."""
        key = chat_key(update)
        async with self.locks.hold(key):
            return key not in self.held and await self._process(update)

    async def _process(self, update: Update | Tap) -> bool:
        update_id = update.update_id
        if update_id in self._done:
            return True  # redelivered while we still remember it; the engine would agree
        with self.activity.working():
            if isinstance(update, Tap):
                await self.handlers.on_tap(update)  # what PTB would route to on_callback
            else:
                await self.application.process_update(update)
        if update_id in self.handlers.failed:
            self.handlers.failed.discard(update_id)
            return False
        self._done[update_id] = None
        if len(self._done) > self._memory:
            self._done.popitem(last=False)
        return True

    async def process_batch(
        self, updates: Sequence[Update | Tap], *, again: bool = False
    ) -> list[int]:
        """Process a batch; the ids that must be delivered again (a chat stops at its first,
        and stays held until `release`). `again`: the batch brings held chats' updates again,
        so each chat is let in once this batch has its turn (an update of that chat that
        comes meanwhile from elsewhere, a webhook, is still refused), and a held chat with
        nothing in the batch (its update could no longer be read) is let go after it."""
        by_chat: dict[int, list[Update | Tap]] = defaultdict(list)
        for update in updates:
            by_chat[chat_key(update)].append(update)

        async def run_chat(key: int, queue: list[Update | Tap]) -> int | None:
            async with self.locks.hold(key):
                if again:
                    self.held.discard(key)
                for update in queue:
                    if key in self.held or not await self._process(update):
                        self.held.add(key)
                        return update.update_id  # later ones of this chat must wait for it
            return None

        results = await asyncio.gather(*(run_chat(k, q) for k, q in by_chat.items()))
        if again:
            self.release(self.held - by_chat.keys())
        return [update_id for update_id in results if update_id is not None]

    def release(self, chats: Collection[int] | None = None) -> None:
        """The held chats' updates (of all, or of `chats`) are about to be delivered again, in
        order: let them in."""
        if chats is None:
            self.held.clear()
        else:
            self.held.difference_update(chats)
