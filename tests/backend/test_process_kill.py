"""Kill the API with SIGKILL in the middle of a sync: the database stays as it was."""

import asyncio
import os
import signal
import socket
import subprocess
import sys

from backend.repositories.sync_runs import get_run
from backend.services.sync import run_sync
from tests.backend.conftest import ADMIN_PASSWORD
from tests.database_state import dbo_contents
from tests.waiting import eventually


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_api(database_url: str, upstream) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "VYAGUTA_API_URL": upstream.leaves_url,
        "VYAGUTA_BEARER_TOKEN": upstream.token,
        "VYAGUTA_PAGE_SIZE": "50",
        "POLL_INTERVAL_SECONDS": "3600",
        "SYNC_HOT_DAYS": "0",  # its first poll fetches everything, slowly enough to be killed
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
        "APP_ENV": "test",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "backend.main:app", "--port", str(free_port())],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def sync_is_midway(pool) -> bool:
    """The killed process's sync is running and has loaded pages into its transaction."""
    running = await pool.fetchval("SELECT count(*) FROM ops.sync_runs WHERE status = 'running'")
    loading = await pool.fetchval(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE state = 'idle in transaction' OR query ILIKE 'COPY%'"
    )
    return bool(running and loading)


async def test_a_sync_killed_midway_changes_nothing_and_the_next_one_succeeds(
    migrated_database_url, pool, client, options, upstream
):
    await run_sync(pool, client, options, trigger="manual")
    upstream.live_tick()
    before = await dbo_contents(pool)
    upstream.set_faults(latency_ms=150)

    api = start_api(migrated_database_url, upstream)
    try:
        await eventually(lambda: sync_is_midway(pool), within=60)
        await asyncio.sleep(0.5)
        api.send_signal(signal.SIGKILL)
        api.wait(10)
    finally:
        if api.poll() is None:
            api.kill()

    orphan = await pool.fetchval("SELECT id FROM ops.sync_runs WHERE status = 'running'")
    assert orphan is not None
    assert await dbo_contents(pool) == before

    upstream.reset_faults()
    run = await run_sync(pool, client, options, trigger="manual")

    assert run["status"] == "succeeded"
    assert run["inserted"] + run["updated"] > 0
    assert (await get_run(pool, orphan))["status"] == "failed"
