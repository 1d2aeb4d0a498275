"""Building the engine and its store from the settings, shared by every transport."""

from __future__ import annotations

from datetime import timedelta

from bot.settings import Settings
from flows.context import Links
from flows.engine import Engine
from storage.db import Store


async def open_engine(settings: Settings, links: Links | None = None) -> Engine:
    """Open (and migrate) the database and build the engine on it."""
    store = Store(settings.database_url, schema=settings.database_schema)
    await store.open()
    return Engine(
        store,
        default_language=settings.default_language,
        timezone=settings.timezone,
        invite_ttl=timedelta(hours=settings.invite_ttl_hours),
        links=links,
    )
