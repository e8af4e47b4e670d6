"""A run's record tells what happened to its data, even when the service stops at the worst
moment: just as the run's transaction commits."""

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest
import pytest_asyncio

from backend.ingest.upstream import DateWindow
from backend.repositories.sync_runs import RunCounts, finish_run, get_run
from backend.services.runs import run_exclusively
from db.pool import create_pool

WHOLE_RANGE = DateWindow(None, None)


@pytest_asyncio.fixture
async def pool(migrated_database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(migrated_database_url, max_size=4)
    yield pool
    await pool.close()


async def land(connection: asyncpg.Connection, run_id: int) -> str:
    await finish_run(connection, run_id, "succeeded", RunCounts(fetched=1, inserted=1))
    return "succeeded"


@pytest.fixture
def stopped_right_after_the_commit(monkeypatch) -> None:
    """The server has committed; the service is told to stop before the client hears back."""
    commit = asyncpg.transaction.Transaction.commit

    async def commit_then_stop(transaction) -> None:
        await commit(transaction)
        raise asyncio.CancelledError

    monkeypatch.setattr(asyncpg.transaction.Transaction, "commit", commit_then_stop)


async def test_a_run_stopped_after_its_commit_stays_recorded_as_succeeded(
    pool, stopped_right_after_the_commit
):
    with pytest.raises(asyncio.CancelledError):
        await run_exclusively(pool, "poller", "full", WHOLE_RANGE, land)

    run_id = await pool.fetchval("SELECT max(id) FROM ops.sync_runs")
    assert (await get_run(pool, run_id))["status"] == "succeeded"


async def test_a_run_stopped_before_its_commit_is_recorded_as_interrupted(pool):
    async def stopped_midway(connection: asyncpg.Connection, run_id: int) -> str:
        raise asyncio.CancelledError

    with pytest.raises(asyncio.CancelledError):
        await run_exclusively(pool, "poller", "full", WHOLE_RANGE, stopped_midway)

    run = await get_run(pool, await pool.fetchval("SELECT max(id) FROM ops.sync_runs"))
    assert (run["status"], run["error"].split(":")[0]) == ("failed", "interrupted")
