"""The benchmark's databases: a fresh SQLite file or a fresh PostgreSQL database per run,
seeded through the storage layer, and their size on disk."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from flows.domain import Track
from storage.db import Store

POSTGRES_SERVER = os.environ.get(
    "KRINGKOERS_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)


class Database:
    """A database the bot runs on during one benchmark mode; dropped afterwards."""

    def __init__(self, kind: str, workdir: Path) -> None:
        self.kind = kind  # "sqlite" or "postgres"
        self.workdir = workdir
        self.name = f"kringkoers_bench_{secrets.token_hex(4)}"
        if kind == "sqlite":
            self.url = f"sqlite+aiosqlite:///{workdir / 'kringkoers.db'}"
        else:
            self.url = str(
                make_url(POSTGRES_SERVER).set(database=self.name).render_as_string(False)
            )

    async def _admin(self, statement: str) -> None:
        """Run CREATE/DROP DATABASE on the server's own database (outside a transaction)."""
        store = Store(POSTGRES_SERVER)
        await store.open(migrate=False)
        try:
            async with store.engine.connect() as connection:
                autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
                await autocommit.execute(text(statement))
        finally:
            await store.close()

    async def create(self) -> None:
        """Make the empty database and bring its schema up to date."""
        if self.kind == "postgres":
            await self._admin(f'CREATE DATABASE "{self.name}"')
        store = Store(self.url)
        await store.open()
        await store.close()

    async def drop(self) -> None:
        """Remove the database (PostgreSQL; the SQLite file goes with the work directory)."""
        if self.kind == "postgres":
            await self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    async def size_bytes(self) -> int:
        """The database's size on disk (SQLite: the file with its WAL)."""
        if self.kind == "sqlite":
            base = self.workdir / "kringkoers.db"
            return sum(
                p.stat().st_size for p in (base, base.with_name(base.name + "-wal")) if p.exists()
            )
        store = Store(self.url)
        await store.open(migrate=False)
        try:
            async with store.engine.connect() as connection:
                size = await connection.scalar(text("SELECT pg_database_size(current_database())"))
            return int(size or 0)
        finally:
            await store.close()

    async def seed(self, users: int, teams: int) -> None:
        """`users` people in `teams` teams, each with a strategy project, through storage."""
        store = Store(self.url)
        await store.open(migrate=False)
        per_team = max(1, users // max(1, teams))
        made = 0
        try:
            for team_number in range(teams):
                size = min(per_team, users - made) if team_number < teams - 1 else users - made
                if size <= 0:
                    break
                async with store.transaction() as tx:
                    ids = []
                    for k in range(size):
                        person, _ = await tx.people.get_or_create(
                            f"seed:{made + k}", f"Seed {made + k}", "nl"
                        )
                        ids.append(person.id)
                    team = await tx.teams.create(f"Seed team {team_number}", ids[0])
                    project = await tx.projects.create(
                        team.id, ids[0], f"Seed project {team_number}", Track.STRATEGY
                    )
                    await tx.people.set_active_project(ids[0], project.id)
                    invite = await tx.teams.create_invite(team.id, ids[0], timedelta(days=7))
                    for member in ids[1:]:
                        await tx.teams.redeem_invite(invite.token, member)
                        await tx.people.set_active_project(member, project.id)
                made += size
        finally:
            await store.close()
