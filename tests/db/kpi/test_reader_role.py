"""The dashboard's read-only role can read every reporting object and every KPI."""

import asyncpg
import pytest

from db.dsn import with_user
from db.kpi.catalogue import KPI_NAMES
from db.kpi.fetch import fetch_kpi
from db.pool import connect
from db.sql_files import query

REPORTING_RELATIONS = (
    "leave_facts",
    "employee_facts",
    "leave_balances",
    "sync_runs",
    "rejected_leaves",
)


@pytest.fixture
async def reader(seeded_database_url):
    connection = await connect(with_user(seeded_database_url, "leave_reader"))
    yield connection
    await connection.close()


@pytest.mark.parametrize("relation", REPORTING_RELATIONS)
async def test_the_reader_can_read_a_reporting_relation(reader, relation):
    assert await reader.fetchval(f"SELECT count(*) >= 0 FROM reporting.{relation}")


@pytest.mark.parametrize("name", KPI_NAMES)
async def test_the_reader_can_fetch_a_kpi(reader, seeded, name):
    assert await fetch_kpi(reader, name) == await fetch_kpi(seeded, name)


async def test_the_reader_cannot_refresh_the_reporting_objects(reader):
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await reader.execute(query("sync/refresh_reporting"))
