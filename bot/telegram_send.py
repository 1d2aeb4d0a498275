"""Sending replies: plans of Bot API calls, per-chat ordered lanes, and Telegram's failures."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, replace
from typing import Any

from telegram import InputFile
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot
from telegram.warnings import PTBUserWarning

from bot.activity import Activity
from bot.telegram_http import AiohttpRequest
from bot.telegram_render import (
    CAPTION_LIMIT,
    MESSAGE_LIMIT,
    Keyboard,
    plain_text,
    split_html,
    telegram_length,
)
from flows.events import Attachment, Poll, Reply
from storage.json_codec import dumps_bytes, dumps_text

logger = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]
NETWORK_RETRIES = 3


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Bot API call that shows something: a text, a photo or a document, or an edit."""

    chat_id: int
    html: str
    keyboard: Keyboard | None = None
    photo: Attachment | None = None
    document: Attachment | None = None
    edit_message_id: int | None = None
    bulk: bool = False
    poll: Poll | None = None
    # The edit leads on (Reply.leads_on): sent as a new message when newer ones are below.
    edit_if_newest: bool = False


# Called with (poll id, Poll.value, chat id) once a native poll is shown, so its answers can
# be traced back to what the engine asked.
PollRecorder = Callable[[str, str, int], Awaitable[None]]


def plan_reply(
    reply: Reply,
    keyboard: Keyboard | None,
    chat_id: int,
    *,
    edit_message_id: int | None = None,
) -> list[Outgoing]:
    """The calls that show one reply: long texts in parts with the keyboard on the last one."""
    if reply.poll is not None:
        # A native poll replaces the reply's choices, which are the fallback for transports
        # without polls.
        texts = split_html(reply.html, MESSAGE_LIMIT) if reply.html.strip() else []
        shown = [Outgoing(chat_id, part, bulk=reply.bulk) for part in texts]
        return [*shown, Outgoing(chat_id, "", poll=reply.poll, bulk=reply.bulk)]
    attachments = [a for a in (reply.image, reply.document) if a is not None]
    calls: list[Outgoing] = []
    if attachments:
        caption = reply.html
        if telegram_length(reply.html) > CAPTION_LIMIT:
            calls.extend(
                Outgoing(chat_id, part, bulk=reply.bulk) for part in split_html(reply.html)
            )
            caption = ""
        for number, attachment in enumerate(attachments):
            is_image = attachment is reply.image
            calls.append(
                Outgoing(
                    chat_id,
                    caption if number == 0 else "",
                    photo=attachment if is_image else None,
                    document=None if is_image else attachment,
                    bulk=reply.bulk,
                )
            )
    else:
        parts = split_html(reply.html, MESSAGE_LIMIT)
        if len(parts) == 1 and edit_message_id is not None:
            return [
                Outgoing(
                    chat_id,
                    parts[0],
                    keyboard,
                    edit_message_id=edit_message_id,
                    edit_if_newest=reply.leads_on,
                )
            ]
        calls.extend(Outgoing(chat_id, part, bulk=reply.bulk) for part in parts)
    if keyboard is not None:
        if not calls:  # buttons need a message to hang under
            calls.append(Outgoing(chat_id, "👇", bulk=reply.bulk))
        calls[-1] = replace(calls[-1], keyboard=keyboard)
    return calls


class Outbox:
    """Ordered lanes per chat (interactive jobs before bulk ones) and tracked background work."""

    def __init__(self) -> None:
        self._lanes: dict[int, tuple[deque[Job], deque[Job]]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        # Interactive jobs count as busy from posting until done: reminders wait for a lull.
        self.activity = Activity()

    def post(self, chat_id: int, job: Job, *, bulk: bool = False) -> None:
        """Queue work for a chat; a chat's jobs run one at a time, in order."""
        lane = self._lanes.get(chat_id)
        if lane is None:
            lane = self._lanes[chat_id] = (deque(), deque())
            self.spawn(self._drain_lane(chat_id, lane))
        if bulk:
            lane[1].append(job)
        else:
            self.activity.begin()
            lane[0].append(self._counted(job))

    def _counted(self, job: Job) -> Job:
        async def counted() -> None:
            try:
                await job()
            finally:
                self.activity.end()

        return counted

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run work in the background; drain() waits for it."""
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _drain_lane(self, chat_id: int, lane: tuple[deque[Job], deque[Job]]) -> None:
        try:
            while lane[0] or lane[1]:
                job = lane[0].popleft() if lane[0] else lane[1].popleft()
                try:
                    await job()
                except Exception:  # one failed job must not stop the chat's next messages
                    logger.exception("sending to chat %s failed", chat_id)
        finally:
            del self._lanes[chat_id]

    @property
    def busy(self) -> bool:
        """Whether anything is still queued or running."""
        return bool(self._tasks)

    async def drain(self) -> None:
        """Wait until every queued job and background task has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


class Delivery:
    """Performs planned calls, handling blocked users, stale edits and parse failures.

    In private chats only the newest buttons stay: when a reply brings buttons, those under
    earlier replies are taken away, so nobody taps an answer to a question already gone.
    (Tapping one anyway is harmless: the engine answers that the button has expired.)
    """

    def __init__(
        self,
        bot: ExtBot[Any],
        on_poll: PollRecorder | None = None,
        *,
        retire_buttons: bool = True,
        raise_unreachable: bool = False,
        newest: dict[int, int] | None = None,
    ) -> None:
        self.bot = bot
        self.on_poll = on_poll
        # Reminders keep their buttons: they are meant to be pressed whenever it suits.
        self.retire_buttons = retire_buttons
        # A reply that cannot reach Telegram is logged and dropped (the person will ask again);
        # a reminder must know, to be sent again in a later round.
        self.raise_unreachable = raise_unreachable
        self._buttons: dict[int, set[int]] = {}  # private chat -> messages showing buttons
        # chat -> id of the newest message sent there; shared by the Deliveries of one bot
        # (replies and reminders), so a reply knows of the reminders below the pressed message.
        self._newest: dict[int, int] = {} if newest is None else newest
        # Raw calls get no Defaults from PTB: texts keep the bot's link preview setting.
        defaults = bot.defaults
        self._link_preview = None if defaults is None else defaults.link_preview_options
        # Sent as PTB sends it (its to_dict, JSON-encoded), encoded once rather than per call.
        self._link_preview_json = (
            None if self._link_preview is None else dumps_text(self._link_preview.to_dict())
        )
        # Calls without files skip PTB's request objects: our transport sends a JSON body
        # encoded here, through the same rate limiter and with the same errors (see _raw).
        request = bot.request
        self._request = request if isinstance(request, AiohttpRequest) else None
        self._urls: dict[str, str] = {}
        # PTB warns when do_api_request is used for a method it has, asking for the method;
        # ours are deliberate (see _call). Set here, not on import, so it holds wherever a
        # Delivery works (test runners reset the filters between tests).
        warnings.filterwarnings(
            "ignore",
            message=r"Please use 'Bot\.\w+' instead of 'Bot\.do_api_request",
            category=PTBUserWarning,
            module=__name__,
        )

    async def send_all(
        self,
        calls: list[Outgoing],
        context: str,
        *,
        then: Callable[[], Awaitable[list[Outgoing]]] | None = None,
    ) -> bool:
        """Perform a chat's calls in order; False when the chat blocked the bot (skipped).

        `then` gives calls known only later (a picture still to draw): they follow the first
        ones as part of the same reply, once those are out.
        """
        shown: set[int] = set()
        cleared: set[int] = set()  # messages edited to carry no buttons
        try:
            if calls and not await self._send_all(calls, context, shown, cleared):
                return False
            later = await then() if then is not None else []
            if later:
                calls = [*calls, *later]
                return await self._send_all(later, context, shown, cleared)
            return True
        finally:
            if (shown or cleared) and self.retire_buttons:
                await self._retire_buttons(calls[0].chat_id, shown, cleared, context)

    async def _retire_buttons(
        self, chat_id: int, shown: set[int], cleared: set[int], context: str
    ) -> None:
        """Take the buttons off earlier messages of a private chat, now that newer ones came."""
        if chat_id < 0:
            return  # groups: buttons there (links to the private chat) stay useful
        known = self._buttons.get(chat_id, set())
        if not shown:
            # No new buttons: the older ones stay pressable (a hint leaves the question be),
            # but those an edit just took away are no longer there to retire.
            known -= cleared
            return
        earlier = known - shown - cleared
        self._buttons[chat_id] = shown
        for message_id in sorted(earlier):
            try:
                await self._raw(
                    "editMessageReplyMarkup", {"chat_id": chat_id, "message_id": message_id}
                )
            except TelegramError as error:  # gone, too old or unchanged: nothing to take away
                logger.debug("%s: buttons of message %s stay (%s)", context, message_id, error)

    async def _send_all(
        self, calls: list[Outgoing], context: str, shown: set[int], cleared: set[int]
    ) -> bool:
        """Perform the calls; False when the chat blocked or removed the bot."""
        for position, call in enumerate(calls):
            try:
                message_id = await self._with_network_retries(call, context)
                if message_id is not None and call.keyboard is not None:
                    shown.add(message_id)
                elif message_id is not None and message_id == call.edit_message_id:
                    cleared.add(message_id)  # the edit took its buttons away already
            except Forbidden as error:
                logger.info(
                    "%s: chat %s blocked or removed the bot (%s); skipping",
                    context,
                    call.chat_id,
                    error.message,
                )
                return False
            except ChatMigrated as error:
                logger.warning(
                    "%s: chat %s became supergroup %s", context, call.chat_id, error.new_chat_id
                )
                moved = [replace(c, chat_id=error.new_chat_id) for c in calls[position:]]
                return await self._send_all(moved, context, set(), set())
        return True

    async def _with_network_retries(self, call: Outgoing, context: str) -> int | None:
        """Perform one call; the id of the message it showed, if known."""
        for attempt in range(NETWORK_RETRIES):
            try:
                return await self._perform(call, context)
            except TimedOut:
                # The request may have arrived; sending again could show it twice.
                logger.warning("%s: timed out sending to chat %s", context, call.chat_id)
                return None
            except (Forbidden, ChatMigrated, BadRequest):
                raise
            except NetworkError as error:
                if attempt == NETWORK_RETRIES - 1:
                    logger.error(
                        "%s: could not reach Telegram for chat %s: %s",
                        context,
                        call.chat_id,
                        error.message,
                    )
                    if self.raise_unreachable:
                        raise
                    return None
                await asyncio.sleep(0.5 * 2**attempt)
        return None

    async def _perform(self, call: Outgoing, context: str) -> int | None:
        if (
            call.edit_if_newest
            and call.edit_message_id is not None
            and call.edit_message_id < self._newest.get(call.chat_id, 0)
        ):
            # Newer messages came below the pressed one: what it leads to goes at the bottom,
            # where the person is reading, and the pressed message loses its buttons as usual.
            call = replace(call, edit_message_id=None)
        limits = {"priority": "bulk"} if call.bulk else None
        try:
            return await self._call(call, call.html, "HTML", limits)
        except BadRequest as error:
            text = error.message.lower()
            if "not modified" in text:
                return call.edit_message_id  # the same option twice: it already shows it
            if call.edit_message_id is not None:
                logger.info(
                    "%s: cannot edit message %s in chat %s (%s); sending anew",
                    context,
                    call.edit_message_id,
                    call.chat_id,
                    error.message,
                )
                return await self._perform(replace(call, edit_message_id=None), context)
            if "can't parse" in text or "unsupported start tag" in text:
                # Our HTML should always parse; if it doesn't, the person still gets the words.
                logger.error("%s: Telegram could not parse our HTML (%s)", context, error.message)
                return await self._call(call, plain_text(call.html), None, limits)
            raise

    async def _call(
        self, call: Outgoing, text: str, parse_mode: str | None, limits: dict[str, str] | None
    ) -> int | None:
        if call.poll is not None:
            return await self._send_poll(call, call.poll, limits)
        # Sent as raw Bot API calls: PTB would turn each answer into a Message object (the
        # largest part of a reply's CPU) when all we need is its message_id. Parameters are
        # what PTB's send_message & co. would send, its Defaults included.
        params: dict[str, Any] = {
            "chat_id": call.chat_id,
            "parse_mode": parse_mode,
            "reply_markup": call.keyboard,
        }
        if call.edit_message_id is not None:
            endpoint = "editMessageText"
            params["message_id"] = call.edit_message_id
            params["text"] = text
            params["link_preview_options"] = self._link_preview
        elif call.photo is not None:
            endpoint = "sendPhoto"
            params["photo"] = InputFile(call.photo.data, filename=call.photo.filename)
            params["caption"] = text or None
        elif call.document is not None:
            endpoint = "sendDocument"
            params["document"] = InputFile(call.document.data, filename=call.document.filename)
            params["caption"] = text or None
        else:
            endpoint = "sendMessage"
            params["text"] = text
            params["link_preview_options"] = self._link_preview
        upload = call.photo is not None or call.document is not None
        shown = await self._raw(endpoint, params, limits, upload=upload)
        if call.edit_message_id is not None or not isinstance(shown, dict):
            return call.edit_message_id
        message_id: int = shown["message_id"]
        self._shown_new(call.chat_id, message_id)
        return message_id

    def _shown_new(self, chat_id: int, message_id: int) -> None:
        """Remember the newest message sent to a chat (see `_perform`)."""
        if message_id > self._newest.get(chat_id, 0):
            self._newest[chat_id] = message_id

    async def answer_callback(self, query_id: str, text: str | None) -> None:
        """Stop a tapped button's spinner, showing `text` on it if given (what PTB's
        CallbackQuery.answer sends, as a raw call)."""
        await self._raw("answerCallbackQuery", {"callback_query_id": query_id, "text": text})

    async def _send_poll(self, call: Outgoing, poll: Poll, limits: dict[str, str] | None) -> int:
        """A native poll, through PTB's send_poll (rare; its Defaults format the question)."""
        extra: dict[str, Any] = {} if limits is None else {"rate_limit_args": limits}
        shown = await self.bot.send_poll(
            call.chat_id,
            poll.question,
            list(poll.options),
            is_anonymous=False,  # answers must name the voter to count their dots
            allows_multiple_answers=poll.multiple,
            **extra,
        )
        if shown.poll is not None and self.on_poll is not None:
            await self.on_poll(shown.poll.id, poll.value, call.chat_id)
        self._shown_new(call.chat_id, shown.message_id)
        return shown.message_id

    async def _raw(
        self,
        endpoint: str,
        params: dict[str, Any],
        limits: dict[str, str] | None = None,
        *,
        upload: bool = False,
    ) -> Any:
        """A Bot API call whose result stays JSON; errors are raised as by PTB's own methods."""
        data = {name: value for name, value in params.items() if value is not None}
        body = None if upload else self._body(data)
        limiter = self.bot.rate_limiter
        if body is None or self._request is None or limiter is None:
            # Uploads (rare) and anything unforeseen take PTB's own path.
            return await self.bot.do_api_request(
                endpoint, api_kwargs=params, rate_limit_args=limits
            )
        # The limiter gets what PTB would hand it (endpoint, parameters, rate_limit_args); only
        # the callback that sends is ours.
        return await limiter.process_request(
            callback=self._post,
            args=(endpoint, body),
            kwargs={},
            endpoint=endpoint,
            data=data,
            rate_limit_args=limits,
        )

    def _body(self, data: dict[str, Any]) -> bytes | None:
        """The JSON body PTB would send for these parameters; None for a value it would
        encode in a way not mirrored here."""
        fields: dict[str, str] = {}
        for name, value in data.items():
            if isinstance(value, str):
                fields[name] = value
            elif type(value) is int:  # JSON of an int (not a bool) is its digits
                fields[name] = str(value)
            elif value is self._link_preview and self._link_preview_json is not None:
                fields[name] = self._link_preview_json
            else:
                return None
        return dumps_bytes(fields)

    async def _post(self, endpoint: str, body: bytes) -> Any:
        assert self._request is not None
        url = self._urls.get(endpoint)
        if url is None:
            url = self._urls[endpoint] = f"{self.bot.base_url}/{endpoint}"
        try:
            return await self._request.post_json(url, body)
        except InvalidToken as error:
            # What do_api_request makes of a 404 once the bot is initialized (it always is
            # here: Delivery sends only after getMe).
            raise EndPointNotFound(f"Endpoint '{endpoint}' not found in Bot API") from error
