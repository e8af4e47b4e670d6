"""The one-shot step of docker-compose.yml gives the dashboard's role its password, on a server
that asks for one."""

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio

from db.dsn import with_database, with_user
from db.embedded import embedded_postgres
from db.schema import migrate_to_latest
from tests.conftest import create_database

READER_PASSWORD = "reader-password-for-the-dashboard"
# The superuser keeps local trust; every other role must bring its password.
PASSWORDS_REQUIRED = "local all postgres trust\nlocal all all scram-sha-256\n"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def owner_url(tmp_path_factory) -> AsyncIterator[str]:
    data_dir: Path = tmp_path_factory.mktemp("reader") / "postgres"
    with embedded_postgres(data_dir) as server_url:
        (data_dir / "pg_hba.conf").write_text(PASSWORDS_REQUIRED)
        admin = await asyncpg.connect(server_url)
        try:
            await admin.execute("SELECT pg_reload_conf()")
        finally:
            await admin.close()
        await create_database(server_url, "leave_analytics")
        url = with_database(server_url, "leave_analytics")
        await migrate_to_latest(url)
        yield url


def give_the_reader_its_password(owner_url: str, reader_url: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": owner_url, "DASHBOARD_DATABASE_URL": reader_url}
    return subprocess.run(
        [sys.executable, "-m", "backend.reader_password"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


async def can_read(url: str) -> bool:
    connection = await asyncpg.connect(url)
    try:
        return await connection.fetchval("SELECT count(*) FROM reporting.sync_runs") == 0
    finally:
        await connection.close()


async def test_the_server_refuses_a_role_that_has_no_password(owner_url):
    owner = await asyncpg.connect(owner_url)
    try:
        await owner.execute("CREATE ROLE reader_without_password LOGIN")
    finally:
        await owner.close()

    with pytest.raises(asyncpg.InvalidPasswordError):
        await can_read(with_user(owner_url, "reader_without_password", READER_PASSWORD))


async def test_after_the_step_the_reader_logs_in_with_the_urls_password(owner_url):
    reader_url = with_user(owner_url, "leave_reader", READER_PASSWORD)

    assert give_the_reader_its_password(owner_url, reader_url).returncode == 0
    assert await can_read(reader_url)


async def test_after_the_step_another_password_is_refused(owner_url):
    give_the_reader_its_password(owner_url, with_user(owner_url, "leave_reader", READER_PASSWORD))

    with pytest.raises(asyncpg.InvalidPasswordError):
        await can_read(with_user(owner_url, "leave_reader", "not-the-password"))


def test_a_url_without_a_password_is_refused_with_a_reason(owner_url):
    finished = give_the_reader_its_password(owner_url, with_user(owner_url, "leave_reader"))

    assert finished.returncode == 2
    assert "password" in finished.stderr
