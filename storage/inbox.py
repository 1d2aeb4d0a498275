"""Received updates, stored before they are confirmed to Telegram and kept until processed.

Telegram forgets an update once getUpdates asks for a later offset. Storing each batch first
lets polling confirm it, and fetch the next one, while the batch is still being processed;
after a crash the bot processes what is left here (the engine's processed-event records make
a repeat harmless).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Delete, Insert, Select, bindparam, delete, insert, select

from storage.repositories import run_statement
from storage.statements import table_of
from storage.tables import InboxRow

if TYPE_CHECKING:
    from storage.db import Store


class UpdateInbox:
    """The batches of updates one bot received, oldest first."""

    def __init__(self, store: Store, consumer: str) -> None:
        """`consumer` names the receiving bot, so bots sharing a database keep apart."""
        self.store = store
        self.consumer = consumer

    async def keep(self, body: bytes, *, done_below: int | None = None) -> int:
        """Store a batch (its updates as JSON) and return its id, which orders batches.

        In the same transaction, forget the batches before `done_below` (all processed).
        """
        async with self.store.transaction() as tx:
            if done_below is not None:
                await run_statement(
                    tx.session, _forget(), {"consumer": self.consumer, "below": done_below}
                )
            found = await run_statement(
                tx.session,
                _keep(),
                {"consumer": self.consumer, "body": body, "received_at": tx.clock()},
            )
            return int(found.scalar_one())

    async def waiting(self) -> list[tuple[int, bytes]]:
        """The batches still kept: (id, body), oldest first."""
        async with self.store.transaction() as tx:
            found = await run_statement(tx.session, _waiting(), {"consumer": self.consumer})
            return [(int(row.id), bytes(row.body)) for row in found]

    async def forget(self, below: int) -> None:
        """Forget the batches before `below`: every update in them was processed."""
        async with self.store.transaction() as tx:
            await run_statement(tx.session, _forget(), {"consumer": self.consumer, "below": below})


@cache
def _keep() -> Insert:
    table = table_of(InboxRow)
    return (
        insert(table)
        .values(
            consumer=bindparam("consumer"),
            body=bindparam("body"),
            received_at=bindparam("received_at"),
        )
        .returning(table.c.id)
    )


@cache
def _waiting() -> Select[tuple[int, bytes]]:
    table = table_of(InboxRow)
    return (
        select(table.c.id, table.c.body)
        .where(table.c.consumer == bindparam("consumer"))
        .order_by(table.c.id)
    )


@cache
def _forget() -> Delete:
    table = table_of(InboxRow)
    return delete(table).where(
        table.c.consumer == bindparam("consumer"), table.c.id < bindparam("below")
    )
