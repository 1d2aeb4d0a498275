"""PTB's HTTP transport, in place of its default httpx client: JSON calls on our own
keep-alive connections (bot/http_pool.py), uploads and the rest on aiohttp.

httpx's connection pool (httpcore) checks every pooled connection on each request, which
made it the bot's largest CPU cost under load; aiohttp's connector hands out an idle
connection without scanning the pool, and learns of closed ones from the event loop. Its
per-request objects still cost ≈200 µs of CPU a call; the JSON calls, nearly all of the
bot's, now cost ≈80 µs on bot/http_pool.py's connections.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any, Final

import aiohttp
import certifi
import orjson
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import JSONDict, ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.http_pool import HttpFailure, HttpPool, NotSent, Timeouts

_JSON: Final = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """A `telegram.request.BaseRequest`: POSTs with a JSON body on an `HttpPool`, the rest
    (uploads, calls without parameters) on one aiohttp session; each keeps up to
    `connection_pool_size` connections.

    The timeouts mean what they mean for PTB's HTTPXRequest (same defaults), with one
    difference: neither has a timeout per socket write. The write timeout therefore bounds the
    request as a whole (pool + connect + write + read), so a stalled upload still ends.
    """

    __slots__ = (
        "_connect_timeout",
        "_default_timeout",
        "_keepalive_timeout",
        "_media_write_timeout",
        "_pool",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
        keepalive_timeout: float = 30.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._keepalive_timeout = keepalive_timeout
        # Built once: almost every call uses the defaults.
        self._default_timeout = _client_timeout(
            read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        self._session: aiohttp.ClientSession | None = None
        self._pool: HttpPool | None = None

    @property
    def read_timeout(self) -> float | None:
        """The read timeout used when a call does not pass one (PTB adds it to long polls)."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (needs the running event loop, hence not in __init__)."""
        if self._session is not None and not self._session.closed and self._pool is not None:
            return
        # certifi's CAs, as httpx used: the same servers are trusted as before, also where
        # the system has no CA bundle (slim container images).
        context = ssl.create_default_context(cafile=certifi.where())
        connector = aiohttp.TCPConnector(
            ssl=context,
            limit=self._pool_size,
            limit_per_host=0,  # one host (the Bot API): `limit` is the bound
            keepalive_timeout=self._keepalive_timeout,
            ttl_dns_cache=300,
        )
        self._pool = HttpPool(
            limit=self._pool_size,
            keepalive=self._keepalive_timeout,
            user_agent=self.USER_AGENT,
            ssl_context=context,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": self.USER_AGENT},
            cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets no cookies
            timeout=self._default_timeout,
            raise_for_status=False,  # PTB turns statuses into its errors
        )

    async def shutdown(self) -> None:
        """Close the session and its connections; initialize() may open a new one."""
        session, self._session = self._session, None
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()
        if session is not None and not session.closed:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One HTTP request: (status, body); timeouts raise TimedOut, other failures
        NetworkError, like PTB's HTTPXRequest."""
        files = request_data is not None and request_data.contains_files
        timeout = self._timeout(read_timeout, write_timeout, connect_timeout, pool_timeout, files)
        body: aiohttp.FormData | bytes | None = None
        headers = None
        if request_data is not None:
            if files:
                body = _multipart(request_data)
            else:
                # A JSON object of PTB's form values (nested ones JSON-encoded, strings bare):
                # the Bot API reads its strings as it reads form fields, and json.dumps is far
                # cheaper than urlencode's quoting, which was a large part of each call's CPU.
                body = request_data.json_payload
                headers = _JSON
        return await self._send(method, url, body, headers, timeout)

    @staticmethod
    def parse_json_payload(payload: bytes) -> JSONDict:
        """The Bot API's answer, decoded by orjson (the answers to every call and the
        updates come through here); what orjson refuses, PTB's own decoding decides."""
        try:
            decoded: JSONDict = orjson.loads(payload)
        except orjson.JSONDecodeError:
            # Invalid UTF-8 (PTB replaces it), a lone surrogate escape, no JSON at all (PTB
            # raises its TelegramError): exactly as without this override.
            return BaseRequest.parse_json_payload(payload)
        return decoded

    async def post_json(
        self, url: str, body: bytes, read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE
    ) -> Any:
        """POST a JSON body encoded by the caller (PTB's form values, as `do_request` sends
        them): the call's result, as `BaseRequest.post` returns it. Timeouts are this
        instance's, the read timeout unless given.

        Failures raise what `post` raises, mapped by PTB's own code, so callers see the same
        errors without PTB's per-call parameter objects.
        """
        timeouts = self._default_timeout
        if not isinstance(read_timeout, DefaultValue):
            default = BaseRequest.DEFAULT_NONE
            timeouts = self._timeout(read_timeout, default, default, default, False)
        try:
            status, payload = await self._send("POST", url, body, _JSON, timeouts)
        except Exception as error:  # PTB wraps what is not a TelegramError in NetworkError
            return await _Answered(error=error).post(url)
        if 200 <= status <= 299:
            return self.parse_json_payload(payload)["result"]
        return await _Answered(status, payload).post(url)  # raises the matching TelegramError

    async def _send(
        self,
        method: str,
        url: str,
        body: aiohttp.FormData | bytes | None,
        headers: Mapping[str, str] | None,
        timeouts: aiohttp.ClientTimeout,
    ) -> tuple[int, bytes]:
        session, pool = self._session, self._pool
        if session is None or session.closed or pool is None:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        if method == "POST" and isinstance(body, bytes) and headers is _JSON:
            # A JSON body (post_json's, or do_request's for a call without files): nearly
            # every call the bot makes, on the lighter connections.
            return await self._post_pooled(pool, url, body, timeouts)
        try:
            async with session.request(
                method, url, data=body, headers=headers, timeout=timeouts
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as error:
            raise TimedOut(
                "Timed out waiting for a free connection or connecting; the request was *not* "
                "sent to Telegram"
            ) from error
        except TimeoutError as error:  # aiohttp's read timeout, or the overall bound
            raise TimedOut from error
        except aiohttp.ClientError as error:
            # The class name says most when the message is empty (e.g. a dropped connection).
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error

    async def _post_pooled(
        self, pool: HttpPool, url: str, body: bytes, timeouts: aiohttp.ClientTimeout
    ) -> tuple[int, bytes]:
        """A JSON POST on our own keep-alive connections (bot/http_pool.py), its failures
        raised as `_send` raises aiohttp's."""
        try:
            return await pool.post(url, body, _pool_timeouts(timeouts))
        except NotSent as error:
            raise TimedOut(
                "Timed out waiting for a free connection or connecting; the request was *not* "
                "sent to Telegram"
            ) from error
        except TimeoutError as error:
            raise TimedOut from error
        except (HttpFailure, OSError) as error:
            raise NetworkError(f"{type(error).__name__}: {error}") from error

    def _timeout(
        self,
        read: ODVInput[float],
        write: ODVInput[float],
        connect: ODVInput[float],
        pool: ODVInput[float],
        files: bool,
    ) -> aiohttp.ClientTimeout:
        """The call's timeouts; DEFAULT_NONE means this instance's value (the media write
        timeout when files are uploaded)."""
        plain = isinstance(write, DefaultValue) and not files
        if plain and all(isinstance(value, DefaultValue) for value in (read, connect, pool)):
            return self._default_timeout
        if isinstance(write, DefaultValue):
            write = self._media_write_timeout if files else self._write_timeout
        return _client_timeout(
            self._read_timeout if isinstance(read, DefaultValue) else read,
            write,
            self._connect_timeout if isinstance(connect, DefaultValue) else connect,
            self._pool_timeout if isinstance(pool, DefaultValue) else pool,
        )


def _client_timeout(
    read: float | None, write: float | None, connect: float | None, pool: float | None
) -> aiohttp.ClientTimeout:
    """PTB's four timeouts as aiohttp's: `connect` covers waiting for a pooled connection and
    opening a new one, `sock_connect` only the latter, `sock_read` each wait for response data
    (it starts once the body is sent)."""
    total = None
    if read is not None and write is not None and connect is not None and pool is not None:
        total = read + write + connect + pool
    return aiohttp.ClientTimeout(
        total=total,
        connect=None if pool is None or connect is None else pool + connect,
        sock_connect=connect,
        sock_read=read,
    )


def _pool_timeouts(timeouts: aiohttp.ClientTimeout) -> Timeouts:
    """aiohttp's timeouts as `_client_timeout` set them, in HttpPool's terms."""
    connect, pool = timeouts.sock_connect, timeouts.connect
    if pool is not None and connect is not None:
        pool -= connect  # `connect` covers waiting for a pooled connection and opening one
    return Timeouts(pool=pool, connect=connect, read=timeouts.sock_read, total=timeouts.total)


def _multipart(request_data: RequestData) -> aiohttp.FormData:
    """Parameters and files as multipart/form-data, the way the Bot API expects uploads."""
    # quote_fields=False: file names go out as UTF-8 (what Telegram reads), not %-escaped.
    form = aiohttp.FormData(quote_fields=False, default_to_multipart=True)
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form


class _Answered(BaseRequest):
    """An answer already received (or the failure to get one), handed to PTB's
    `BaseRequest.post`, which turns statuses and failures into its errors."""

    __slots__ = ("_error", "_payload", "_status")

    def __init__(
        self, status: int = 0, payload: bytes = b"", *, error: Exception | None = None
    ) -> None:
        self._status = status
        self._payload = payload
        self._error = error

    @property
    def read_timeout(self) -> float | None:
        """None: nothing is read here."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """The answer, or the failure raised again."""
        if self._error is not None:
            raise self._error
        return self._status, self._payload
