"""The update inbox (storage/inbox.py) on both databases: batches kept in order of arrival."""

from __future__ import annotations

import pytest

from storage.db import Store
from storage.inbox import UpdateInbox

pytestmark = pytest.mark.asyncio


async def test_batches_come_back_oldest_first_until_forgotten(store: Store) -> None:
    inbox = UpdateInbox(store, "tg:1")
    first = await inbox.keep(b'[{"update_id": 1}]')
    second = await inbox.keep(b'[{"update_id": 2}, {"update_id": 3}]')
    assert first < second
    assert await inbox.waiting() == [
        (first, b'[{"update_id": 1}]'),
        (second, b'[{"update_id": 2}, {"update_id": 3}]'),
    ]
    await inbox.forget(second)  # the first batch is processed
    assert await inbox.waiting() == [(second, b'[{"update_id": 2}, {"update_id": 3}]')]


async def test_keeping_a_batch_can_forget_the_processed_ones_in_the_same_transaction(
    store: Store,
) -> None:
    inbox = UpdateInbox(store, "tg:1")
    first = await inbox.keep(b"[1]")
    second = await inbox.keep(b"[2]")
    third = await inbox.keep(b"[3]", done_below=second)
    assert [kept for kept, _ in await inbox.waiting()] == [second, third]
    await inbox.forget(third + 1)
    assert await inbox.waiting() == []
    assert first < second < third


async def test_ids_keep_growing_after_every_batch_was_forgotten(store: Store) -> None:
    # Processing stored batches again relies on their ids' order: an emptied table must not
    # hand out an old id again (SQLite would without AUTOINCREMENT).
    inbox = UpdateInbox(store, "tg:1")
    old = await inbox.keep(b"[1]")
    await inbox.forget(old + 1)
    assert await inbox.waiting() == []
    new = await inbox.keep(b"[2]")
    assert new > old


async def test_bots_sharing_a_database_keep_their_batches_apart(store: Store) -> None:
    ours, theirs = UpdateInbox(store, "tg:1"), UpdateInbox(store, "tg:2")
    kept = await ours.keep(b"[1]")
    other = await theirs.keep(b"[2]")
    await theirs.forget(other + 1)
    assert await ours.waiting() == [(kept, b"[1]")]
    await ours.forget(kept + 1)
    assert await theirs.waiting() == []
    assert await ours.waiting() == []


async def test_a_batch_of_any_bytes_comes_back_as_it_was_stored(store: Store) -> None:
    inbox = UpdateInbox(store, "tg:1")
    body = '[{"text": "Gent 🚲 \\u00e9\\ud800"}]'.encode() + bytes(range(256))
    kept = await inbox.keep(body)
    assert await inbox.waiting() == [(kept, body)]
