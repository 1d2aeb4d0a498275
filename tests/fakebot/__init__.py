"""A faithful local fake of the Telegram Bot API, for end-to-end tests and benchmarks.

The real python-telegram-bot ``Application``/``Bot`` talks to it over HTTP::

    fake = FakeTelegram(token="123456:TEST-token", bot_username="kringkoers_test_bot")
    await fake.start()                       # 127.0.0.1, random port
    app = (
        ApplicationBuilder()
        .token(fake.token)
        .base_url(f"{fake.base_url}/bot")            # == fake.api_url
        .base_file_url(f"{fake.base_url}/file/bot")  # == fake.file_url
        .build()
    )
    user = fake.user(1001, "An", language_code="nl")
    await user.send("/start abc")
    [reply] = await user.wait_for_messages(count=1, timeout=5.0)
    await user.press("Hoog")
    await fake.stop()

Test-facing API (all waiting is on one shared wake-up signal, never a sleep loop):

``FakeTelegram(token="123456:TEST-token", bot_username="kringkoers_test_bot", *,
bot_name="Kringkoers", enforce_rate_limits=False, rate_limits=None, strict=False,
first_update_id=1, poll_throttling=True, log_successes=True, webhook_timeout=10.0,
clock=time.monotonic)``
    ``await start()``, ``await stop()`` (or ``async with``); ``base_url``, ``api_url``,
    ``file_url``, ``token``, ``bot_id``, ``bot_username``.
    ``user(user_id, first_name, *, last_name=None, username=None, language_code=None,
    started=True) -> FakeUser``; ``group(chat_id, title, *, username=None, kind=None) ->
    FakeGroup``; ``block(user)``, ``unblock(user)`` (each sends a my_chat_member update).
    ``push_update(body) -> int | None`` queues any update (update_id is assigned);
    ``redeliver(update_id)`` hands an earlier update out again with the same id (re-POSTed in
    webhook mode); ``pending_update_count``; ``long_poll_active``;
    ``await wait_until(condition, timeout=5.0)``. ``poll_throttling=False`` switches off
    Telegram's getUpdates anti-busy-loop rules (see updates), e.g. the up to 3 s that PTB's
    ``Updater.stop()`` waits for its final getUpdates.
    ``fail_next(method, *, retry_after=1, times=1, status=429, description=None)``.
    Logs: ``requests`` (``RecordedRequest(method, params, status, description, at)``; only
    failures when ``log_successes=False``, which keeps long benchmarks lean),
    ``calls(method)``, ``callback_answers``, ``rate_violations``
    (``RateViolation(method, chat_id, kind, at)``), ``chat_actions``, ``webhook_deliveries``
    (``WebhookDelivery(update_id, url, status, error, at)``), ``webhook``, ``polls``,
    ``commands(*, scope=None, language_code="")``, ``messages_in(chat_id)``.

``FakeUser``
    ``id``, ``first_name``, ``language_code``, ``blocked``, ``as_dict()``;
    ``await send(text, *, chat=None, reply_to=None) -> FakeMessage`` (bot_command, mention,
    hashtag and URL entities are set like Telegram's clients do);
    ``await press(label, *, chat=None) -> str`` (callback query id; LookupError if no bot
    message has that button); ``await press_data(data, *, chat=None, message=None) -> str``;
    ``await vote(poll_message, option_ids)``;
    ``await wait_for_messages(count=1, timeout=5.0, *, chat=None) -> list[FakeMessage]``
    (bot messages since this person's last send/press/vote; TimeoutError lists what came);
    ``messages`` and ``last_message`` (the private chat, deleted messages left out).

``FakeGroup``: ``id``, ``title``, ``type``, ``add(*users)``, ``make_bot_admin()``,
``messages``, ``last_message``, ``as_dict()``.

``FakeMessage``: ``text`` (plain, what a person reads), ``html`` (as sent), ``parse_mode``,
``entities`` (``Entity`` objects; ``entity_dicts`` as JSON), ``buttons`` (rows of labels),
``markup``, ``photo``/``document`` (``StoredFile`` with ``data`` bytes, ``filename``,
``mime_type``, ``width``/``height``), ``poll`` (``FakePoll`` with ``votes`` and ``counts()``),
``caption``, ``kind``, ``message_id``, ``chat_id``, ``date``, ``edited``, ``edit_date``,
``history`` (earlier versions), ``deleted``, ``has_entity(type, covering=None)``.

Bot API methods: getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo, sendMessage,
editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage,
answerCallbackQuery, sendPhoto, sendDocument, sendChatAction, setMyCommands, getMyCommands,
deleteMyCommands, sendPoll, stopPoll, getChat, getFile, close, logOut. Anything else answers
404 "Not Found". Requests may be form-encoded, multipart (with ``attach://``) or JSON.

What is enforced, with Telegram's own descriptions (sources: telegram-bot-api's Client.cpp and
TDLib; see each module): HTML parsed exactly like TDLib (html_parser); texts cleaned and
trimmed, 1..4096 characters for messages and 0..1024 for captions, measured after parsing in
Unicode code points as TDLib does (text_rules); keyboards (keyboards, links); chats, blocked
and never-started people; edit/delete rules and "message is not modified"; callback answers
once per query, at most 200 characters; commands; polls; getUpdates offsets, long polling and
409 Conflicts (updates); webhooks with the secret header (webhook); flood limits measured or
enforced (limits).

Deliberate differences from Telegram: parse_mode Markdown/MarkdownV2 is refused (only HTML is
implemented); setWebhook accepts http and any port; files are never fetched from URLs; the
fake sends no inline messages. ``strict=True`` adds checks that are stricter than Telegram's:
lengths count UTF-16 code units (emoji outside the BMP count twice; Telegram's wording), and a
bare ``&`` in HTML, buttons without text or with several actions, and one-option polls are
refused with descriptions that say "fake strict mode".
"""

from tests.fakebot.errors import ApiError
from tests.fakebot.html_parser import Entity, HtmlParseError, parse_html, utf16_length
from tests.fakebot.keyboards import ReplyMarkup
from tests.fakebot.limits import RateLimits, RateViolation
from tests.fakebot.objects import FakeMessage, FakePoll, StoredFile
from tests.fakebot.people import FakeGroup, FakeUser
from tests.fakebot.records import CallbackAnswer, ChatAction, RecordedRequest
from tests.fakebot.server import FakeTelegram
from tests.fakebot.text_rules import LengthUnit, format_text
from tests.fakebot.webhook import WebhookConfig, WebhookDelivery

__all__ = [
    "ApiError",
    "CallbackAnswer",
    "ChatAction",
    "Entity",
    "FakeGroup",
    "FakeMessage",
    "FakePoll",
    "FakeTelegram",
    "FakeUser",
    "HtmlParseError",
    "LengthUnit",
    "RateLimits",
    "RateViolation",
    "RecordedRequest",
    "ReplyMarkup",
    "StoredFile",
    "WebhookConfig",
    "WebhookDelivery",
    "format_text",
    "parse_html",
    "utf16_length",
]
