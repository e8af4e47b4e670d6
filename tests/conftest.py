"""One real PostgreSQL per test session; a fresh database per test, cloned from a template."""

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio

from backend.settings import Settings
from db.dsn import database_url, with_database
from db.pool import connect
from db.schema import migrate_to_latest

TEMPLATE_DATABASE = f"leave_analytics_template_{os.getpid()}"

# Every log line and response of the whole session is searched for secrets at its end.
pytest_plugins = ["tests.operations.secret_watch"]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """DATABASE_URL when it is set, else an embedded server in a temporary directory."""
    with (
        tempfile.TemporaryDirectory(prefix="leave-analytics-test-") as folder,
        database_url(Settings().database_url, Path(folder) / "postgres") as url,
    ):
        yield url


async def create_database(server_url: str, name: str, template: str = "template1") -> None:
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await admin.close()


async def drop_database(server_url: str, name: str) -> None:
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest_asyncio.fixture(scope="session")
async def template_database(postgres_url: str) -> AsyncIterator[str]:
    await drop_database(postgres_url, TEMPLATE_DATABASE)
    await create_database(postgres_url, TEMPLATE_DATABASE)
    await migrate_to_latest(with_database(postgres_url, TEMPLATE_DATABASE))
    yield TEMPLATE_DATABASE
    await drop_database(postgres_url, TEMPLATE_DATABASE)


@pytest_asyncio.fixture
async def empty_database_url(postgres_url: str) -> AsyncIterator[str]:
    """A database with nothing applied, for tests of the migrations themselves."""
    name = f"test_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name)
    yield with_database(postgres_url, name)
    await drop_database(postgres_url, name)


@pytest_asyncio.fixture
async def migrated_database_url(postgres_url: str, template_database: str) -> AsyncIterator[str]:
    name = f"test_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    yield with_database(postgres_url, name)
    await drop_database(postgres_url, name)


@pytest_asyncio.fixture
async def connection(migrated_database_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await connect(migrated_database_url)
    yield conn
    await conn.close()
