"""A database holding a seeded demo data set, and a backup of it."""

import uuid
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import asyncpg
import pytest_asyncio

from backend.backup.create import create_backup
from backend.backup.manifest import Manifest
from db.dsn import with_database
from db.pool import connect
from db.sql_files import query
from tests.conftest import create_database, drop_database
from tests.records import merge_records
from vyaguta_demo.dataset import generate

RECORDS = generate(records=1500, seed=5, today=date(2025, 3, 1))
OTHER_RECORDS = generate(records=700, seed=6, today=date(2025, 3, 1))


async def load(connection: asyncpg.Connection, records: list[dict]) -> None:
    await merge_records(connection, records)
    await connection.execute(query("sync/refresh_reporting"))


@pytest_asyncio.fixture
async def loaded(connection: asyncpg.Connection) -> asyncpg.Connection:
    await load(connection, RECORDS)
    return connection


@pytest_asyncio.fixture
async def backup(loaded: asyncpg.Connection, tmp_path: Path) -> tuple[Path, Manifest]:
    folder = tmp_path / "backup"
    return folder, await create_backup(loaded, folder)


@pytest_asyncio.fixture
async def empty(postgres_url: str, template_database: str) -> AsyncIterator[asyncpg.Connection]:
    """A second migrated database, with nothing in it."""
    name = f"restore_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    connection = await connect(with_database(postgres_url, name))
    yield connection
    await connection.close()
    await drop_database(postgres_url, name)
