"""Alembic migrations on SQLite and PostgreSQL: upgrade, no drift from the models, downgrade."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from storage.db import SCHEMA_HEAD, Store, alembic_config
from storage.tables import Base
from tests.conftest import POSTGRES_URL

ROOT = Path(__file__).resolve().parent.parent
TABLES = set(Base.metadata.tables)


@pytest.fixture
async def fresh(db_kind: str, tmp_path: Path) -> AsyncIterator[Store]:
    """An empty database of the requested kind, opened without migrating."""
    if db_kind == "sqlite":
        db = Store(f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}")
        await db.open(migrate=False)
        yield db
        await db.close()
        return
    schema = f"m_{uuid.uuid4().hex[:12]}"
    admin = Store(POSTGRES_URL)
    await admin.open(migrate=False)
    async with admin.engine.begin() as connection:
        await connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    db = Store(POSTGRES_URL, schema=schema)
    await db.open(migrate=False)
    yield db
    await db.close()
    async with admin.engine.begin() as connection:
        await connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    await admin.close()


def head(store: Store) -> str:
    """The head revision of our migration scripts."""
    found = ScriptDirectory.from_config(alembic_config(store.url)).get_current_head()
    assert found is not None
    return found


async def current(store: Store) -> str | None:
    """The revision the database is at (None before the first migration)."""

    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with store.engine.connect() as connection:
        return await connection.run_sync(read)


async def tables(store: Store) -> set[str]:
    """The tables in the database (in the store's schema on PostgreSQL)."""
    async with store.engine.connect() as connection:
        return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))


async def drift(store: Store) -> list[Any]:
    """What `alembic check` would report: differences between the models and the schema."""

    def compare(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "target_metadata": Base.metadata}
        )
        return list(compare_metadata(context, Base.metadata))

    async with store.engine.connect() as connection:
        return await connection.run_sync(compare)


async def downgrade(store: Store, revision: str) -> None:
    """Run Alembic's downgrade on the store's own connection, as Store.upgrade does."""
    config = alembic_config(store.url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    async with store.engine.begin() as connection:
        await connection.run_sync(run)


async def test_a_fresh_database_upgrades_to_head(fresh: Store) -> None:
    assert await tables(fresh) == set()
    assert await current(fresh) is None
    await fresh.upgrade()
    assert await current(fresh) == head(fresh)
    assert await tables(fresh) == TABLES | {"alembic_version"}


async def test_the_migrated_schema_matches_the_models(fresh: Store) -> None:
    await fresh.upgrade()
    assert await drift(fresh) == []


async def test_upgrading_twice_is_a_no_op(fresh: Store) -> None:
    await fresh.upgrade()
    async with fresh.transaction() as tx:
        an, _ = await tx.people.get_or_create("test:An", "An", "nl")
        assert await tx.events.claim("update:1")
    await fresh.upgrade()
    restarted = Store(fresh.url, schema=fresh.schema)  # every start of the app upgrades too
    await restarted.open()
    await restarted.close()
    assert await current(fresh) == head(fresh)
    assert await tables(fresh) == TABLES | {"alembic_version"}
    assert await drift(fresh) == []
    async with fresh.transaction() as tx:
        again, created = await tx.people.get_or_create("test:An", "An", None)
        assert not created and again.id == an.id and again.language == "nl"
        assert not await tx.events.claim("update:1")


async def test_two_processes_starting_at_once_on_an_empty_database_both_come_up(
    fresh: Store, tmp_path: Path
) -> None:
    # Two bot processes deployed together: each upgrades the schema when it starts.
    env = {
        **os.environ,
        "KRINGKOERS_DATABASE_URL": fresh.url,
        "KRINGKOERS_DATABASE_SCHEMA": fresh.schema or "",
        "PYTHONPATH": str(ROOT),
    }
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "migrate",
            cwd=tmp_path,  # no .env there: only the settings above apply
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outcomes = [await asyncio.wait_for(p.communicate(), 60) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], [err.decode()[-800:] for _, err in outcomes]
    assert await current(fresh) == head(fresh)
    assert await drift(fresh) == []


async def test_downgrade_to_base_and_upgrade_again(fresh: Store) -> None:
    await fresh.upgrade()
    async with fresh.transaction() as tx:
        await tx.people.get_or_create("test:An", "An", None)
    await downgrade(fresh, "base")
    assert await current(fresh) is None
    assert await tables(fresh) <= {"alembic_version"}  # every table of ours is gone
    await fresh.upgrade()
    assert await current(fresh) == head(fresh)
    assert await tables(fresh) == TABLES | {"alembic_version"}
    assert await drift(fresh) == []
    async with fresh.transaction() as tx:
        assert (await tx.people.get_or_create("test:An", "An", None))[1] is True  # data is gone


async def test_every_revision_downgrades_one_step_and_back(fresh: Store) -> None:
    await fresh.upgrade()
    scripts = ScriptDirectory.from_config(alembic_config(fresh.url))
    revisions = [script.revision for script in scripts.walk_revisions()]  # newest first
    for revision in revisions:
        await downgrade(fresh, "-1")
        assert await current(fresh) == scripts.get_revision(revision).down_revision
    for revision in reversed(revisions):
        await fresh.upgrade("+1")
        assert await current(fresh) == revision
    assert await drift(fresh) == []


async def test_the_schema_head_the_store_knows_is_alembics_head(fresh: Store) -> None:
    assert head(fresh) == SCHEMA_HEAD
    assert await fresh.revision() is None
    await fresh.upgrade()
    assert await fresh.revision() == SCHEMA_HEAD
    await downgrade(fresh, "-1")
    assert await fresh.revision() not in (None, SCHEMA_HEAD)
    await fresh.upgrade()  # one behind is migrated, not taken for the head
    assert await current(fresh) == head(fresh)
    assert await drift(fresh) == []


async def test_opening_a_database_at_head_does_not_load_alembic(fresh: Store) -> None:
    await fresh.upgrade()
    code = (
        "import asyncio, sys\n"
        "from storage.db import Store\n"
        "async def main():\n"
        f"    store = Store({fresh.url!r}, schema={fresh.schema!r})\n"
        "    await store.open()\n"
        "    async with store.transaction() as tx:\n"
        "        await tx.people.get_or_create('test:Bo', 'Bo', None)\n"
        "    await store.close()\n"
        "asyncio.run(main())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    done = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    output, _ = await asyncio.wait_for(done.communicate(), 60)
    assert done.returncode == 0
    assert output.decode().strip() == "[]"
