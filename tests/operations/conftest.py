"""Fixtures of the operations tests: a database per scenario, with a password in its URL; the
API in this process."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest_asyncio

from db.dsn import with_database
from tests.backend.conftest import running_api
from tests.conftest import create_database, drop_database
from tests.operations.credentials import with_a_password
from tests.operations.in_process import in_process_settings


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def scenario_database_url(postgres_url: str, template_database: str) -> AsyncIterator[str]:
    """A migrated database of its own for the module's scenario."""
    name = f"operations_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    yield with_a_password(with_database(postgres_url, name))
    await drop_database(postgres_url, name)


@pytest_asyncio.fixture
async def api(scenario_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """A fresh app (and so fresh sign-in counts) on the module's database."""
    async with running_api(in_process_settings(scenario_database_url)) as (_, http):
        yield http
