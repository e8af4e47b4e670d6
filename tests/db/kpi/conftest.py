"""One database loaded with the seeded data set, shared read-only by the KPI tests."""

import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest_asyncio

from db.dsn import with_database
from db.pool import connect
from db.sql_files import query
from tests.conftest import create_database, drop_database
from tests.db.kpi.dataset import FIRST_SNAPSHOT, SERVED
from tests.records import merge_records


@pytest_asyncio.fixture(scope="package")
async def seeded_database_url(postgres_url: str, template_database: str) -> AsyncIterator[str]:
    """Both snapshots merged (the second marks the left-out leaves deleted), then refreshed."""
    name = f"kpi_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    url = with_database(postgres_url, name)
    connection = await connect(url)
    try:
        await merge_records(connection, FIRST_SNAPSHOT)
        await merge_records(connection, SERVED)
        await connection.execute(query("sync/refresh_reporting"))
    finally:
        await connection.close()
    yield url
    await drop_database(postgres_url, name)


@pytest_asyncio.fixture
async def seeded(seeded_database_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await connect(seeded_database_url)
    yield connection
    await connection.close()
