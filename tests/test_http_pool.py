"""bot/http_pool.py against a raw HTTP server: what goes on the wire, keep-alive, answers of
each framing, and every way a connection can fail; on asyncio's loop and on uvloop's."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
import uvloop

from bot.http_pool import HttpFailure, HttpPool, NotSent, Timeouts
from bot.telegram_app import event_loop_factory

SHORT = Timeouts(pool=1.0, connect=1.0, read=1.0, total=5.0)
OK = b'HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{"ok":true}'

Answer = Callable[[bytes], bytes | None]  # the request's bytes -> raw answer, None: none


@dataclass
class Server:
    """Answers each request with `answer(request)`; counts connections and keeps requests."""

    answer: Answer
    port: int = 0
    connections: int = 0
    requests: list[bytes] = field(default_factory=list)
    writers: list[asyncio.StreamWriter] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def received(self, count: int) -> None:
        """Return once `count` requests have come in."""
        while len(self.requests) < count:
            self.arrived.clear()
            await self.arrived.wait()

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One connection: read requests (Content-Length bodies), write the answers."""
        self.connections += 1
        self.writers.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                request = head + await reader.readexactly(length)
                self.requests.append(request)
                self.arrived.set()
                answer = self.answer(request)
                if answer is None:
                    continue
                if answer == b"CLOSE":
                    break
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def url(self, path: str = "/bot1:x/sendMessage") -> str:
        """A URL on this server."""
        return f"http://127.0.0.1:{self.port}{path}"


Serve = Callable[[Answer], Awaitable[Server]]


@asynccontextmanager
async def servers_started() -> AsyncIterator[Serve]:
    """Start listening servers with given answers; all are closed at the end."""
    listeners: list[asyncio.Server] = []
    servers: list[Server] = []

    async def start(answer: Answer) -> Server:
        server = Server(answer)
        listener = await asyncio.start_server(server.serve, "127.0.0.1", 0)
        server.port = listener.sockets[0].getsockname()[1]
        listeners.append(listener)
        servers.append(server)
        return server

    yield start
    for server in servers:
        for writer in server.writers:
            writer.close()
    for listener in listeners:
        listener.close()


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    """Servers for one test (see servers_started)."""
    async with servers_started() as start:
        yield start


def pool(limit: int = 4, keepalive: float = 30.0) -> HttpPool:
    """A pool as the bot makes one."""
    return HttpPool(limit=limit, keepalive=keepalive, user_agent="kringkoers-test")


async def test_a_post_goes_out_as_http_1_1_with_its_body_and_the_answer_comes_back(
    serve: Serve,
) -> None:
    server = await serve(lambda _: OK)
    connections = pool()
    body = '{"text":"Gent ♻ café"}'.encode()
    status, answer = await connections.post(server.url(), body, SHORT)
    assert (status, answer) == (200, b'{"ok":true}')
    head, _, sent = server.requests[0].partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    assert lines[0] == b"POST /bot1:x/sendMessage HTTP/1.1"
    assert f"Host: 127.0.0.1:{server.port}".encode() in lines
    assert b"Content-Type: application/json" in lines
    assert f"Content-Length: {len(body)}".encode() in lines
    assert b"User-Agent: kringkoers-test" in lines
    assert sent == body
    await connections.close()


async def test_calls_one_after_another_share_one_connection(
    serve: Serve,
) -> None:
    server = await serve(lambda _: OK)
    connections = pool()
    for _ in range(5):
        assert (await connections.post(server.url(), b"{}", SHORT))[0] == 200
    assert server.connections == 1 and len(server.requests) == 5
    await connections.close()


async def test_calls_side_by_side_open_connections_up_to_the_limit_and_then_wait(
    serve: Serve,
) -> None:
    # The first two are answered by hand below; the third at once.
    server = await serve(lambda _: OK if len(server.requests) > 2 else None)
    connections = pool(limit=2)
    calls = [asyncio.ensure_future(connections.post(server.url(), b"{}", SHORT)) for _ in range(3)]
    await server.received(2)
    await asyncio.sleep(0.05)
    assert server.connections == 2 and len(server.requests) == 2  # the third waits
    for writer in server.writers:
        writer.write(OK)
    answers = await asyncio.wait_for(asyncio.gather(*calls), 2.0)
    assert [status for status, _ in answers] == [200, 200, 200]
    assert server.connections == 2  # the third went on a connection given back
    await connections.close()


async def test_no_free_connection_in_time_is_not_sent(serve: Serve) -> None:
    server = await serve(lambda _: None)  # never answers
    connections = pool(limit=1)
    quick = Timeouts(pool=0.1, connect=1.0, read=5.0, total=None)
    first = asyncio.ensure_future(connections.post(server.url(), b"{}", quick))
    await server.received(1)
    with pytest.raises(NotSent):
        await connections.post(server.url(), b"{}", quick)
    assert len(server.requests) == 1  # the second never reached the server
    first.cancel()
    await connections.close()


async def test_an_answer_too_late_times_out_and_the_next_call_gets_a_new_connection(
    serve: Serve,
) -> None:
    answers = iter([None, OK])
    server = await serve(lambda _: next(answers))
    connections = pool()
    late = Timeouts(pool=1.0, connect=1.0, read=0.1, total=5.0)
    with pytest.raises(TimeoutError) as timed_out:
        await connections.post(server.url(), b"{}", late)
    assert not isinstance(timed_out.value, NotSent)  # it was sent
    # The first connection is out of step (an answer may still come): never reused.
    assert (await connections.post(server.url(), b"{}", SHORT))[0] == 200
    assert server.connections == 2
    await connections.close()


async def test_the_total_bound_ends_a_call_that_never_finishes(
    serve: Serve,
) -> None:
    server = await serve(lambda _: None)
    connections = pool()
    bounded = Timeouts(pool=1.0, connect=1.0, read=None, total=0.1)
    with pytest.raises(TimeoutError):
        await connections.post(server.url(), b"{}", bounded)
    await connections.close()


@pytest.mark.parametrize(
    "answer",
    [
        # chunked, in three pieces
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'5\r\n{"ok"\r\n4\r\n:tru\r\n2\r\ne}\r\n0\r\n\r\n',
        # an error status with its body
        b'HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\n{"ok":true}',
    ],
)
async def test_answers_are_read_whatever_their_framing_and_status(
    serve: Serve, answer: bytes
) -> None:
    server = await serve(lambda _: answer)
    connections = pool()
    for _ in range(2):  # and the connection is good for the next one
        _, body = await connections.post(server.url(), b"{}", SHORT)
        assert body == b'{"ok":true}'
    assert server.connections == 1
    status, _ = await connections.post(server.url(), b"{}", SHORT)
    assert status == int(answer.split()[1])
    await connections.close()


async def test_a_server_that_says_close_gets_a_new_connection_next_time(
    serve: Serve,
) -> None:
    closing = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"
    server = await serve(lambda _: closing)
    connections = pool()
    for _ in range(3):
        assert await connections.post(server.url(), b"{}", SHORT) == (
            200,
            b"{}",
        )
    assert server.connections == 3
    await connections.close()


async def test_a_connection_the_server_closed_while_idle_is_not_used_again(
    serve: Serve,
) -> None:
    server = await serve(lambda _: OK)
    connections = pool()
    await connections.post(server.url(), b"{}", SHORT)
    server.writers[0].close()  # the server ends the idle connection
    await asyncio.sleep(0.05)
    assert (await connections.post(server.url(), b"{}", SHORT))[0] == 200
    assert server.connections == 2
    await connections.close()


async def test_an_idle_connection_older_than_the_keepalive_is_replaced(
    serve: Serve,
) -> None:
    server = await serve(lambda _: OK)
    connections = pool(keepalive=0.05)
    await connections.post(server.url(), b"{}", SHORT)
    await asyncio.sleep(0.1)
    await connections.post(server.url(), b"{}", SHORT)
    assert server.connections == 2
    await connections.close()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (b"CLOSE", "closed the connection"),  # closed with the request unanswered
        (b"HTTP/1.1 2x0 OK\r\n\r\n", "malformed"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{}", "closed the connection"),
    ],
)
async def test_a_broken_answer_fails_the_call_and_the_pool_goes_on(
    serve: Serve, answer: bytes, message: str
) -> None:
    answers = iter([answer, OK])
    server = await serve(lambda _: next(answers))
    if answer.startswith(b"HTTP/1.1 200 OK\r\nContent-Length: 50"):
        # A body cut short: the server writes part and closes.
        def cut(_: bytes) -> bytes | None:
            server.writers[-1].write(answer)
            return b"CLOSE"

        server.answer = cut
    connections = pool()
    with pytest.raises(HttpFailure) as failed:
        await connections.post(server.url(), b"{}", SHORT)
    assert message in str(failed.value)
    server.answer = lambda _: OK
    assert (await connections.post(server.url(), b"{}", SHORT))[0] == 200
    await connections.close()


async def test_a_refused_connection_raises_os_error_and_urls_are_checked() -> None:
    connections = pool()
    listener = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    listener.close()
    await listener.wait_closed()
    with pytest.raises(OSError):
        await connections.post(f"http://127.0.0.1:{port}/x", b"{}", SHORT)
    with pytest.raises(ValueError):
        await connections.post("ftp://example.org/x", b"{}", SHORT)
    await connections.close()


async def test_a_cancelled_call_leaves_no_connection_in_use(
    serve: Serve,
) -> None:
    answers = iter([None, OK])
    server = await serve(lambda _: next(answers))
    connections = pool(limit=1)
    call = asyncio.ensure_future(connections.post(server.url(), b"{}", SHORT))
    await server.received(1)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    # The only slot is free again, on a new connection (the old one was out of step).
    assert (await connections.post(server.url(), b"{}", SHORT))[0] == 200
    assert server.connections == 2
    await connections.close()


Scenario = Callable[[Serve], Awaitable[None]]


@pytest.mark.parametrize(
    "scenario",
    [
        test_a_post_goes_out_as_http_1_1_with_its_body_and_the_answer_comes_back,
        test_calls_one_after_another_share_one_connection,
        test_calls_side_by_side_open_connections_up_to_the_limit_and_then_wait,
        test_an_answer_too_late_times_out_and_the_next_call_gets_a_new_connection,
        test_a_server_that_says_close_gets_a_new_connection_next_time,
        test_a_connection_the_server_closed_while_idle_is_not_used_again,
        test_a_cancelled_call_leaves_no_connection_in_use,
    ],
    ids=lambda scenario: scenario.__name__.removeprefix("test_"),
)
def test_the_pool_behaves_the_same_on_uvloop(scenario: Scenario) -> None:
    """The bot runs on uvloop (bot/telegram_app.py), whose transports are not asyncio's."""

    async def run() -> None:
        assert isinstance(asyncio.get_running_loop(), uvloop.Loop)
        async with servers_started() as start:
            await scenario(start)

    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(run())


def test_the_bot_runs_on_uvloop_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert event_loop_factory() is uvloop.new_event_loop
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as on Windows: the import fails
    assert event_loop_factory() is None
