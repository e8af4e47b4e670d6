"""The dashboard under AppTest, reading a real migrated PostgreSQL: one database loaded with
demo data and a sync history, shared by the package, or a fresh empty one."""

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio
import streamlit as st
from streamlit.testing.v1 import AppTest

import visualization
from backend.settings import get_settings
from db.dsn import with_database
from db.pool import connect
from db.sql_files import query
from tests.conftest import create_database, drop_database
from tests.records import merge_records
from vyaguta_demo.dataset import generate

APP = Path(visualization.__file__).parent / "app.py"


def off_today(records: list[dict], today: date) -> dict:
    """A day of approved leave today, for the newest record's employee: on a working day,
    "who is off today" then always has someone to list."""
    newest = records[-1]
    return {
        **newest,
        "id": newest["id"] + 1,
        "startDate": today.isoformat(),
        "endDate": today.isoformat(),
        "leaveDays": 1,
        "status": "APPROVED",
    }


# Generated up to today, so that the current fiscal year holds leave.
GENERATED = generate(records=800, seed=11, today=date.today())
REJECTED_REASON = "endDate 2024-01-01 is before startDate 2024-02-01"
SETTINGS_TO_CLEAR = ("DASHBOARD_DATABASE_URL", "DASHBOARD_PASSWORD", "POLL_INTERVAL_SECONDS")


async def record_sync_history(connection: asyncpg.Connection, records: int) -> None:
    """A failed run that set a record aside, then a run that succeeded just now."""
    failed = await connection.fetchval(
        "INSERT INTO ops.sync_runs (trigger, status, started_at, finished_at, fetched, error) "
        "VALUES ('poller', 'failed', now() - interval '70 s', now() - interval '69 s', 10, "
        "'upstream answered 503') RETURNING id"
    )
    await connection.execute(
        "INSERT INTO raw.rejected_leaves (sync_run_id, payload, reason) VALUES ($1, $2, $3)",
        failed,
        {"id": 99},
        REJECTED_REASON,
    )
    await connection.execute(
        "INSERT INTO ops.sync_runs (trigger, status, started_at, finished_at, fetched, inserted) "
        "VALUES ('manual', 'succeeded', now() - interval '2 s', now(), $1, $1)",
        records,
    )


@pytest_asyncio.fixture(scope="package")
async def demo_database_url(postgres_url: str, template_database: str) -> AsyncIterator[str]:
    name = f"dashboard_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    url = with_database(postgres_url, name)
    connection = await connect(url)
    # Today as of this test, not of the session: a session may run past midnight.
    records = [*GENERATED, off_today(GENERATED, date.today())]
    try:
        await merge_records(connection, records)
        await connection.execute(query("sync/refresh_reporting"))
        await record_sync_history(connection, len(records))
    finally:
        await connection.close()
    yield url
    await drop_database(postgres_url, name)


@pytest_asyncio.fixture
async def demo(demo_database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """The demo database as its owner, to compute what the pages should show."""
    connection = await connect(demo_database_url)
    yield connection
    await connection.close()


@pytest.fixture
def open_dashboard(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., AppTest]]:
    """Runs the app on `database_url` (the owner's URL: the app reads as leave_reader), on
    one page, with a query string, and with any further settings given."""

    def open_page(
        database_url: str,
        page: str = "overview",
        query_params: dict | None = None,
        **settings: str,
    ) -> AppTest:
        monkeypatch.setenv("DATABASE_URL", database_url)
        for name, value in settings.items():
            monkeypatch.setenv(name.upper(), value)
        get_settings.cache_clear()
        app = AppTest.from_file(str(APP), default_timeout=60)
        app.query_params.update(query_params or {})
        app.switch_page(f"app_pages/{page}.py")
        return app.run()

    for name in SETTINGS_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    yield open_page
    # The caches outlive an AppTest; the next test may read another database.
    st.cache_data.clear()
    st.cache_resource.clear()
    get_settings.cache_clear()
