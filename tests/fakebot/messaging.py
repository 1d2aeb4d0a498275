"""Bot API methods about messages: sending, editing, deleting, polls, callbacks, chat actions.

Checks run in the order the real stack applies them, because the first failure decides the
error: the Bot API server parses parameters (empty text, HTML, keyboard JSON), then TDLib
resolves the chat and checks content (trimming, lengths, URLs), then Telegram's servers
refuse (``BUTTON_DATA_INVALID``, blocked users, flood control).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Awaitable, Callable
from typing import Any

from tests.fakebot.errors import ApiError, bad_request, forbidden
from tests.fakebot.keyboards import ReplyMarkup, parse_reply_markup
from tests.fakebot.objects import ChatState, FakeMessage, FakePoll, StoredFile, image_size
from tests.fakebot.params import Params, UploadedFile
from tests.fakebot.records import CallbackAnswer, ChatAction
from tests.fakebot.state import World
from tests.fakebot.text_rules import (
    CAPTION_LIMIT,
    MESSAGE_LIMIT,
    FormattedText,
    format_text,
    measure,
)

Handler = Callable[[Params], Awaitable[Any]]

CALLBACK_ANSWER_LIMIT = 200
POLL_QUESTION_LIMIT = 300
POLL_OPTION_LIMIT = 100
POLL_MAX_OPTIONS = 12
DOCUMENT_MAX_BYTES = 50 * 1024 * 1024
PHOTO_MAX_BYTES = 10 * 1024 * 1024
CHAT_ACTIONS = frozenset(
    {
        "cancel",
        "typing",
        "record_video",
        "upload_video",
        "record_audio",
        "record_voice",
        "upload_audio",
        "upload_voice",
        "upload_photo",
        "upload_document",
        "choose_sticker",
        "pick_up_location",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"


class Messaging:
    """sendMessage, sendPhoto, sendDocument, sendPoll, stopPoll, edits, deletes, callbacks."""

    def __init__(self, world: World) -> None:
        self.world = world

    def handlers(self) -> dict[str, Handler]:
        """Bot API method name -> implementation."""
        return {
            "sendMessage": self.send_message,
            "sendPhoto": self.send_photo,
            "sendDocument": self.send_document,
            "sendPoll": self.send_poll,
            "stopPoll": self.stop_poll,
            "editMessageText": self.edit_message_text,
            "editMessageCaption": self.edit_message_caption,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "answerCallbackQuery": self.answer_callback_query,
            "sendChatAction": self.send_chat_action,
            "getFile": self.get_file,
        }

    # -- shared steps -----------------------------------------------------------------------

    def _markup(self, params: Params, *, inline_only: bool = False) -> ReplyMarkup | None:
        markup = parse_reply_markup(params.values.get("reply_markup"), strict=self.world.strict)
        if inline_only and markup is not None and markup.kind != "inline_keyboard":
            raise bad_request("Inline keyboard expected")  # edits keep only inline keyboards
        return markup

    def _text(
        self, params: Params, name: str, mode: str, entities: str, *, empty: bool
    ) -> FormattedText:
        return format_text(
            params.text(name),
            params.text(mode) or None,
            params.json(entities, "Can't parse entities JSON object"),
            allow_empty=empty,
            strict_html=self.world.strict,
        )

    def _check_length(self, text: str, limit: int, detail: str) -> None:
        if measure(text, self.world.length_unit) > limit:
            raise bad_request(detail)

    @staticmethod
    def _reachable(chat: ChatState) -> None:
        """Telegram's servers refuse messages to people who blocked or never started the bot."""
        person = chat.person
        if person is not None:
            if person.blocked:
                raise forbidden("bot was blocked by the user")
            if not person.started:
                raise forbidden("bot can't initiate conversation with a user")

    def _reply_target(self, params: Params, chat: ChatState) -> FakeMessage | None:
        wanted: int | None = None
        allow_missing = params.boolean("allow_sending_without_reply")
        reply = params.json("reply_parameters", "Can't parse reply parameters JSON object")
        if isinstance(reply, dict) and reply.get("message_id") is not None:
            wanted = int(reply["message_id"])
            allow_missing = bool(reply.get("allow_sending_without_reply", allow_missing))
        elif params.has("reply_to_message_id"):
            wanted = params.integer("reply_to_message_id")
        if wanted is None:
            return None
        target = chat.messages.get(wanted)
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        return target

    def _new_message(
        self, method: str, chat: ChatState, params: Params, **content: Any
    ) -> dict[str, Any]:
        """Final server-side steps shared by every send: reachability, flood control, storing."""
        self._reachable(chat)
        reply_to = self._reply_target(params, chat)
        self.world.admit_message(method, chat)
        message = FakeMessage(
            chat_id=chat.id,
            message_id=chat.allocate_message_id(),
            date=self.world.now(),
            sender=self.world.bot_user(),
            from_bot=True,
            reply_to=reply_to,
            **content,
        )
        self.world.store(chat, message)
        return self.world.message_dict(message)

    def _message_to_change(self, params: Params, what: str) -> tuple[ChatState, FakeMessage]:
        if params.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")  # the fake sends no inline messages
        chat = self.world.find_chat(params)
        if not params.has("message_id"):
            raise bad_request("Message identifier is not specified")
        message = chat.messages.get(params.integer("message_id"))
        if message is None or message.deleted:
            raise bad_request(f"{what} not found")
        return chat, message

    def _store_file(
        self, upload: UploadedFile, kind: str, width: int = 0, height: int = 0
    ) -> StoredFile:
        number = self.world.next_number()
        prefix = "AgACAgQAAxkDAAI" if kind == "photo" else "BQACAgQAAxkDAAI"
        stored = StoredFile(
            file_id=f"{prefix}{number:08d}",
            file_unique_id=f"AQAD{number:08d}",
            kind=kind,
            data=upload.data,
            filename=upload.filename or None,
            mime_type=upload.content_type or None,
            width=width,
            height=height,
            number=number,
        )
        self.world.files[stored.file_id] = stored
        self.world.files_by_path[stored.file_path] = stored
        return stored

    def _existing_file(self, value: str, kind: str) -> StoredFile:
        """A file_id the fake handed out before, reused as Telegram allows."""
        if value.lower().startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")  # the fake downloads nothing
        stored = self.world.files.get(value)
        if stored is None or stored.kind != kind:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return stored

    # -- sending ----------------------------------------------------------------------------

    async def send_message(self, params: Params) -> dict[str, Any]:
        """sendMessage."""
        if not params.text("text"):
            raise bad_request("Message text is empty")
        formatted = self._text(params, "text", "parse_mode", "entities", empty=False)
        markup = self._markup(params)
        chat = self.world.find_chat(params)
        self._check_length(formatted.text, MESSAGE_LIMIT, "message is too long")
        return self._new_message(
            "sendMessage",
            chat,
            params,
            text=formatted.text,
            html=params.text("text"),
            parse_mode=params.text("parse_mode") or None,
            entities=formatted.entities,
            markup=markup,
        )

    async def send_photo(self, params: Params) -> dict[str, Any]:
        """sendPhoto: the image must really be one, like Telegram's IMAGE_PROCESS_FAILED."""
        value = params.upload("photo")
        if value is None:
            raise bad_request("There is no photo in the request")
        caption = self._text(params, "caption", "parse_mode", "caption_entities", empty=True)
        markup = self._markup(params)
        chat = self.world.find_chat(params)
        self._check_length(caption.text, CAPTION_LIMIT, "message caption is too long")
        if isinstance(value, str):
            photo = self._existing_file(value, "photo")
        else:
            if not value.data:
                raise bad_request("file must be non-empty")
            if len(value.data) > PHOTO_MAX_BYTES:
                raise bad_request("PHOTO_SAVE_FILE_INVALID")
            size = image_size(value.data)
            if size is None:
                raise bad_request("IMAGE_PROCESS_FAILED")
            width, height = size
            if width + height > 10000 or max(width, height) > 20 * max(1, min(width, height)):
                raise bad_request("PHOTO_INVALID_DIMENSIONS")
            photo = self._store_file(value, "photo", width, height)
        return self._new_message(
            "sendPhoto",
            chat,
            params,
            text=caption.text,
            html=params.text("caption"),
            parse_mode=params.text("parse_mode") or None,
            entities=caption.entities,
            markup=markup,
            photo=photo,
        )

    async def send_document(self, params: Params) -> dict[str, Any]:
        """sendDocument."""
        value = params.upload("document")
        if value is None:
            raise bad_request("There is no document in the request")
        caption = self._text(params, "caption", "parse_mode", "caption_entities", empty=True)
        markup = self._markup(params)
        chat = self.world.find_chat(params)
        self._check_length(caption.text, CAPTION_LIMIT, "message caption is too long")
        if isinstance(value, str):
            document = self._existing_file(value, "document")
        else:
            if not value.data:
                raise bad_request("file must be non-empty")
            if len(value.data) > DOCUMENT_MAX_BYTES:
                raise ApiError(413, "Request Entity Too Large")
            document = self._store_file(value, "document")
        return self._new_message(
            "sendDocument",
            chat,
            params,
            text=caption.text,
            html=params.text("caption"),
            parse_mode=params.text("parse_mode") or None,
            entities=caption.entities,
            markup=markup,
            document=document,
        )

    def _poll_options(self, params: Params) -> list[FormattedText]:
        raw = params.json("options", "Can't parse options JSON object")
        if raw is None:
            raise bad_request("Can't parse options JSON object")
        if not isinstance(raw, list):
            raise bad_request("Expected an Array of String as options")
        entries: list[tuple[str, str | None, Any]] = []
        for item in raw:
            if isinstance(item, str):
                entries.append((item, None, None))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                mode = item.get("text_parse_mode")
                entries.append(
                    (item["text"], str(mode) if mode else None, item.get("text_entities"))
                )
            elif isinstance(item, dict):
                raise bad_request('Can\'t find field "text"')
            else:
                raise bad_request("Expected an option to be of type String")
        # Options are checked like any text after all were parsed (TDLib's get_poll_option).
        return [
            format_text(text, mode, entities, allow_empty=False, strict_html=self.world.strict)
            for text, mode, entities in entries
        ]

    async def send_poll(self, params: Params) -> dict[str, Any]:
        """sendPoll: 1-300 character question, 1-12 options of 1-100 characters (Bot API 10)."""
        question = self._text(
            params, "question", "question_parse_mode", "question_entities", empty=False
        )
        options = self._poll_options(params)
        kind = params.text("type") or "regular"
        if kind not in ("regular", "quiz"):
            raise bad_request("Unsupported poll type specified")
        correct: list[int] = []
        if kind == "quiz":
            ids = params.json(
                "correct_option_ids", "Can't parse correct option identifiers JSON object"
            )
            if isinstance(ids, list):
                correct = [int(i) for i in ids]
            elif params.has("correct_option_id"):
                correct = [params.integer("correct_option_id", -1)]
        markup = self._markup(params)
        chat = self.world.find_chat(params)
        if measure(question.text, self.world.length_unit) > POLL_QUESTION_LIMIT:
            raise bad_request(f"Poll question length must not exceed {POLL_QUESTION_LIMIT}")
        if not options:
            raise bad_request("Poll must have at least one answer option")
        if self.world.strict and len(options) < 2:
            raise ApiError(
                400,
                "Bad Request: poll must have at least 2 option "
                "(fake strict mode: Bot API 10 allows one)",
            )
        if len(options) > POLL_MAX_OPTIONS:
            raise bad_request(f"Poll can't have more than {POLL_MAX_OPTIONS} options")
        for option in options:
            if measure(option.text, self.world.length_unit) > POLL_OPTION_LIMIT:
                raise bad_request(f"Poll options length must not exceed {POLL_OPTION_LIMIT}")
        if kind == "quiz":
            if not correct:
                raise bad_request("Correct quiz option list must be non-empty")
            if any(b <= a for a, b in itertools.pairwise(correct)):
                raise bad_request("Correct quiz option list must be increasing")
            if any(not 0 <= i < len(options) for i in correct):
                raise bad_request("Wrong quiz correct_option_id")
        is_anonymous = params.boolean("is_anonymous", True)
        poll = FakePoll(
            id=str(5_000_000_000_000_000_000 + self.world.next_number()),
            question=question.text,
            question_entities=question.entities,
            options=[o.text for o in options],
            is_anonymous=is_anonymous,
            type=kind,
            allows_multiple_answers=params.boolean("allows_multiple_answers"),
            allows_revoting=params.boolean("allows_revoting", kind != "quiz"),
            correct_option_ids=tuple(correct),
            is_closed=params.boolean("is_closed"),
            chat_id=chat.id,
        )
        result = self._new_message("sendPoll", chat, params, poll=poll, markup=markup)
        poll.message_id = int(result["message_id"])
        self.world.polls[poll.id] = poll
        return result

    async def stop_poll(self, params: Params) -> dict[str, Any]:
        """stopPoll: closes the poll and tells the bot (Telegram sends a poll update)."""
        markup = self._markup(params, inline_only=True)
        _, message = self._message_to_change(params, "message with poll to stop")
        if not message.from_bot:
            raise bad_request("Message can't be edited")
        poll = message.poll
        if poll is None:
            raise bad_request("message with poll to stop not found")
        if poll.is_closed:
            raise bad_request("poll has already been closed")
        poll.is_closed = True
        if markup is not None or message.markup is not None:
            message.markup = markup
        self.world.push_update({"poll": poll.to_dict()})
        return poll.to_dict()

    # -- changing ---------------------------------------------------------------------------

    def _apply_edit(
        self,
        message: FakeMessage,
        formatted: FormattedText | None,
        html: str | None,
        parse_mode: str | None,
        markup: ReplyMarkup | None,
    ) -> dict[str, Any]:
        new_text = message.text if formatted is None else formatted.text
        new_entities = message.entities if formatted is None else formatted.entities
        old_markup = message.markup.to_dict() if message.markup else None
        new_markup = markup.to_dict() if markup else None
        if (new_text, new_entities, new_markup) == (message.text, message.entities, old_markup):
            raise bad_request(NOT_MODIFIED)
        message.history.append(message.html or message.text)
        message.text = new_text
        message.entities = new_entities
        if html is not None:
            message.html = html
            message.parse_mode = parse_mode
        message.markup = markup  # an edit without reply_markup removes the inline keyboard
        message.edit_date = self.world.now()
        self.world.signal.notify()
        return self.world.message_dict(message)

    async def edit_message_text(self, params: Params) -> dict[str, Any]:
        """editMessageText."""
        if not params.text("text"):
            raise bad_request("Message text is empty")
        formatted = self._text(params, "text", "parse_mode", "entities", empty=False)
        markup = self._markup(params, inline_only=True)
        _, message = self._message_to_change(params, "message to edit")
        if not message.from_bot:
            raise bad_request("Message can't be edited")
        if message.kind != "text":
            raise bad_request("There is no text in the message to edit")
        self._check_length(formatted.text, MESSAGE_LIMIT, "message is too long")
        return self._apply_edit(
            message, formatted, params.text("text"), params.text("parse_mode") or None, markup
        )

    async def edit_message_caption(self, params: Params) -> dict[str, Any]:
        """editMessageCaption."""
        formatted = self._text(params, "caption", "parse_mode", "caption_entities", empty=True)
        markup = self._markup(params, inline_only=True)
        _, message = self._message_to_change(params, "message to edit")
        if not message.from_bot:
            raise bad_request("Message can't be edited")
        if message.kind not in ("photo", "document"):
            raise bad_request("There is no caption in the message to edit")
        self._check_length(formatted.text, CAPTION_LIMIT, "message caption is too long")
        return self._apply_edit(
            message, formatted, params.text("caption"), params.text("parse_mode") or None, markup
        )

    async def edit_message_reply_markup(self, params: Params) -> dict[str, Any]:
        """editMessageReplyMarkup (no reply_markup removes the keyboard)."""
        markup = self._markup(params, inline_only=True)
        _, message = self._message_to_change(params, "message to edit")
        if not message.from_bot:
            raise bad_request("Message can't be edited")
        return self._apply_edit(message, None, None, None, markup)

    async def delete_message(self, params: Params) -> bool:
        """deleteMessage."""
        chat, message = self._message_to_change(params, "message to delete")
        if chat.is_group and not message.from_bot and not chat.bot_is_admin:
            raise bad_request("message can't be deleted")
        message.deleted = True
        self.world.signal.notify()
        return True

    # -- the rest ---------------------------------------------------------------------------

    async def answer_callback_query(self, params: Params) -> bool:
        """answerCallbackQuery: once per query, text up to 200 characters."""
        query_id = params.text("callback_query_id")
        state = self.world.callback_queries.get(query_id)
        if state is None or state.answered:
            raise bad_request(QUERY_INVALID)
        text = params.text("text")
        if measure(text, self.world.length_unit) > CALLBACK_ANSWER_LIMIT:
            raise bad_request("MESSAGE_TOO_LONG")
        state.answered = True
        self.world.callback_answers.append(
            CallbackAnswer(
                query_id=query_id,
                text=text or None,
                show_alert=params.boolean("show_alert"),
                url=params.text("url") or None,
                cache_time=params.integer("cache_time"),
                at=time.time(),
            )
        )
        self.world.signal.notify()
        return True

    async def send_chat_action(self, params: Params) -> bool:
        """sendChatAction."""
        action = params.text("action")
        if action not in CHAT_ACTIONS:
            raise bad_request("Wrong parameter action in request")
        chat = self.world.find_chat(params)
        self._reachable(chat)
        self.world.chat_actions.append(ChatAction(chat.id, action, time.time()))
        return True

    async def get_file(self, params: Params) -> dict[str, Any]:
        """getFile, for files the bot uploaded (download from /file/bot<token>/<file_path>)."""
        stored = self.world.files.get(params.text("file_id"))
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.file_dict()
