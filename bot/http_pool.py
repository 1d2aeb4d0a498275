"""Keep-alive HTTP/1.1 connections for the Bot API's JSON calls, on asyncio's own transports.

Every call the bot makes with a JSON body (sending, editing, answering taps, getUpdates) is a
small POST to one origin. aiohttp spent ≈200 µs of CPU on each (request and response objects,
header multidicts, URL parsing, tracing hooks, a task to write the body); a request written as
bytes onto a pooled asyncio connection, its response read by httptools (llhttp, the parser
behind uvicorn and, in its C form, aiohttp itself), costs ≈80 µs. Uploads (multipart) and
anything else stay on aiohttp (bot/telegram_http.py).

What this does not do, because the Bot API does not need it: redirects, cookies, proxies,
compression, request bodies other than bytes, responses other than Content-Length or chunked.
Nothing here logs a URL: the Bot API's carries the token.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from dataclasses import dataclass
from typing import Final, cast
from urllib.parse import urlsplit

import httptools

_CRLF: Final = b"\r\n"


class HttpFailure(Exception):
    """The connection failed or the answer was not HTTP: nothing usable came back."""


class NotSent(TimeoutError):
    """No connection was free or could be opened in time: the request was *not* sent."""


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds allowed (None: no limit): `pool` for a free connection, `connect` for opening
    one, `read` from the request written to its answer, `total` for all of it."""

    pool: float | None
    connect: float | None
    read: float | None
    total: float | None


@dataclass(frozen=True, slots=True)
class _Target:
    """Where a URL's requests go, and the start of each request, up to its body's length."""

    origin: tuple[str, int, bool]  # host, port, TLS
    head: bytes


class _Connection(asyncio.Protocol):
    """One connection: a request is written, its answer parsed as it arrives."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.body: list[bytes] = []
        self.closed = False
        self.idle_since = 0.0

    # asyncio.Protocol ---------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport to write requests on."""
        # A stream connection's transport is a full Transport (uvloop's does not subclass it).
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        """Feed the answer to the parser; a malformed one fails the request and the
        connection."""
        if self.waiter is None:
            self._fail(HttpFailure("data from the server while no request was waiting"))
            return
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(HttpFailure(f"malformed HTTP answer: {error}"))

    def connection_lost(self, exc: Exception | None) -> None:
        """A request still waiting fails; the pool never hands this connection out again."""
        self.closed = True
        reason = f": {exc}" if exc is not None else ""
        self._resolve(error=HttpFailure(f"the server closed the connection{reason}"))

    # httptools callbacks ------------------------------------------------------------------

    def on_body(self, body: bytes) -> None:
        """A piece of the body (chunked bodies arrive decoded)."""
        self.body.append(body)

    def on_message_complete(self) -> None:
        """The whole answer is in: hand it over; close unless the server keeps it open."""
        status = self.parser.get_status_code()
        payload = b"".join(self.body)
        self.body = []
        if not self.parser.should_keep_alive():
            self.close()
        self._resolve((status, payload))

    # ours -------------------------------------------------------------------------------

    def send(self, request: bytes) -> asyncio.Future[tuple[int, bytes]]:
        """Write one request; the future gets (status, body)."""
        assert self.transport is not None and self.waiter is None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.waiter

    def close(self) -> None:
        """Close at once (what is in flight is abandoned)."""
        self.closed = True
        if self.transport is not None:
            self.transport.abort()

    def _fail(self, error: HttpFailure) -> None:
        self.close()
        self._resolve(error=error)

    def _resolve(
        self, result: tuple[int, bytes] | None = None, error: HttpFailure | None = None
    ) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is None or waiter.done():
            return
        if error is not None:
            waiter.set_exception(error)
        else:
            assert result is not None
            waiter.set_result(result)


class HttpPool:
    """Keep-alive connections for POSTs with a JSON body, at most `limit` in use at once."""

    def __init__(
        self,
        limit: int,
        keepalive: float,
        user_agent: str,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._limit = asyncio.Semaphore(limit) if limit > 0 else None
        self._keepalive = keepalive
        self._user_agent = user_agent
        self._ssl = ssl_context
        self._idle: dict[tuple[str, int, bool], deque[_Connection]] = {}
        self._targets: dict[str, _Target] = {}
        self._open: set[_Connection] = set()

    async def post(self, url: str, body: bytes, timeouts: Timeouts) -> tuple[int, bytes]:
        """POST the JSON `body` to `url`: (status, body). Raises NotSent when no connection
        was had in time, TimeoutError when the answer did not come in time, HttpFailure or
        OSError when the connection failed."""
        target = self._targets.get(url)
        if target is None:
            # A few dozen URLs at most: one per Bot API method the bot calls.
            target = self._targets[url] = self._target(url)
        request = b"%s%d\r\n\r\n%s" % (target.head, len(body), body)
        if timeouts.total is None:
            return await self._exchange(target, request, timeouts)
        async with asyncio.timeout(timeouts.total):
            return await self._exchange(target, request, timeouts)

    async def close(self) -> None:
        """Close every connection; the pool may be used again afterwards."""
        for connection in list(self._open):
            connection.close()
        self._open.clear()
        self._idle.clear()

    async def _exchange(
        self, target: _Target, request: bytes, timeouts: Timeouts
    ) -> tuple[int, bytes]:
        limit = self._limit
        if limit is not None and limit.locked():
            try:
                async with asyncio.timeout(timeouts.pool):
                    await limit.acquire()
            except TimeoutError as error:
                raise NotSent("no connection was free in time") from error
        elif limit is not None:
            await limit.acquire()  # free: returns without waiting
        try:
            connection = self._idle_connection(target.origin) or await self._connect(
                target.origin, timeouts.connect
            )
            answer = connection.send(request)
            try:
                if timeouts.read is None:
                    result = await answer
                else:
                    async with asyncio.timeout(timeouts.read):
                        result = await answer
            except BaseException:
                # Timed out or cancelled half-way: the connection is out of step, never reused.
                connection.close()
                self._open.discard(connection)
                raise
            if connection.closed:
                self._open.discard(connection)
            else:
                connection.idle_since = time.monotonic()
                self._idle.setdefault(target.origin, deque()).append(connection)
            return result
        finally:
            if limit is not None:
                limit.release()

    def _idle_connection(self, origin: tuple[str, int, bool]) -> _Connection | None:
        """The most recently used idle connection still open and fresh, if any."""
        idle = self._idle.get(origin)
        if not idle:
            return None
        stale_before = time.monotonic() - self._keepalive
        while idle:
            connection = idle.pop()  # the newest: the least likely to be closed by the server
            if not connection.closed and connection.idle_since >= stale_before:
                return connection
            connection.close()
            self._open.discard(connection)
        return None

    async def _connect(self, origin: tuple[str, int, bool], within: float | None) -> _Connection:
        host, port, tls = origin
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(within):
                _, connection = await loop.create_connection(
                    _Connection,
                    host,
                    port,
                    ssl=(self._ssl or ssl.create_default_context()) if tls else None,
                )
        except TimeoutError as error:
            raise NotSent("could not connect in time") from error
        self._open.add(connection)
        return connection

    def _target(self, url: str) -> _Target:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("only http and https URLs with a host can be posted to")
        tls = parts.scheme == "https"
        port = parts.port or (443 if tls else 80)
        path = parts.path or "/"
        if parts.query:
            path = f"{path}?{parts.query}"
        name = parts.hostname.encode("idna")
        if b":" in name:  # an IPv6 literal goes in brackets in the Host header
            name = b"[%s]" % name
        host = name if port == (443 if tls else 80) else b"%s:%d" % (name, port)
        head = _CRLF.join(
            (
                f"POST {path} HTTP/1.1".encode("ascii"),
                b"Host: " + host,
                f"User-Agent: {self._user_agent}".encode("latin-1"),
                b"Content-Type: application/json",
                b"Connection: keep-alive",
                b"Content-Length: ",
            )
        )
        return _Target((parts.hostname, port, tls), head)
