"""Soak: the API against a live demo upstream, polling every 2 s, for SOAK_SECONDS (10 minutes
by default), read now and then like a dashboard would. `make soak` runs it; `make test` does not.

One scenario runs for the module; each test checks one promise against what it recorded.
"""

import asyncio
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import psutil
import pytest
import pytest_asyncio

from tests.operations.api_process import ApiProcess, api_process
from tests.operations.credentials import UPSTREAM_TOKEN
from tests.operations.environment import api_environment
from tests.operations.signing_in import admin_headers
from vyaguta_demo.process import run_demo_upstream

pytestmark = pytest.mark.slow

SOAK_SECONDS = float(os.environ.get("SOAK_SECONDS", 600))
POLL_SECONDS = 2
SAMPLE_SECONDS = 10
# Allocator pools and caches fill up during the first runs: the baseline is taken after them.
WARM_UP_SHARE = 0.2
# What "flat" allows: the late peak may exceed the early one by this share, or this many bytes.
RSS_GROWTH_SHARE = 0.10
RSS_GROWTH_BYTES = 16 * 1024 * 1024
POOL_MAX_SIZE = 10  # db.pool.create_pool's default
# A pool opens a connection or two more for a moment of more concurrent use: that is not a leak.
CONNECTION_SLACK = 2
# Every connection to the database but the sampler's own, pooled or not.
OTHER_CONNECTIONS = (
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)
READS = ("/ready", "/kpi/summary", "/kpi/monthly-trend/by-status", "/sync/runs?limit=5")


@dataclass
class Observations:
    rss: list[int] = field(default_factory=list)
    connections: list[int] = field(default_factory=list)
    read_statuses: set[int] = field(default_factory=set)
    runs: list[asyncpg.Record] = field(default_factory=list)

    def early_and_late(self, samples: list[int]) -> tuple[list[int], list[int]]:
        settled = samples[int(len(samples) * WARM_UP_SHARE) :]
        third = max(1, len(settled) // 3)
        return settled[:third], settled[-third:]


async def sample(api: ApiProcess, url: str, http: httpx.AsyncClient, seen: Observations) -> None:
    headers = await admin_headers(http, api.base_url)
    process = psutil.Process(api.process.pid)
    connection = await asyncpg.connect(url)
    try:
        deadline = time.monotonic() + SOAK_SECONDS
        while time.monotonic() < deadline:
            for path in READS:
                seen.read_statuses.add(
                    (await http.get(api.base_url + path, headers=headers)).status_code
                )
            seen.rss.append(process.memory_info().rss)
            seen.connections.append(await connection.fetchval(OTHER_CONNECTIONS))
            await asyncio.sleep(SAMPLE_SECONDS)
        seen.runs = await connection.fetch("SELECT * FROM ops.sync_runs ORDER BY id")
    finally:
        await connection.close()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def observations(scenario_database_url: str, tmp_path_factory) -> Observations:
    folder: Path = tmp_path_factory.mktemp("soak")
    seen = Observations()
    with run_demo_upstream(
        records=20_000, seed=23, token=UPSTREAM_TOKEN, live_interval=POLL_SECONDS
    ) as upstream:
        environment = api_environment(
            scenario_database_url, upstream, POLL_INTERVAL_SECONDS=POLL_SECONDS
        )
        with api_process(environment, folder / "api.log") as api:
            async with httpx.AsyncClient(timeout=60) as http:
                await sample(api, scenario_database_url, http, seen)
    return seen


def test_every_run_succeeded_or_was_skipped(observations):
    assert {run["status"] for run in observations.runs} <= {"succeeded", "skipped"}


def test_runs_kept_coming_at_the_poll_interval(observations):
    assert len(observations.runs) >= SOAK_SECONDS / POLL_SECONDS / 2


def test_every_read_during_the_soak_succeeded(observations):
    assert observations.read_statuses == {200}


def test_the_api_memory_stays_flat(observations):
    early, late = observations.early_and_late(observations.rss)

    assert max(late) <= max(early) * (1 + RSS_GROWTH_SHARE) + RSS_GROWTH_BYTES, (
        statistics.mean(early),
        statistics.mean(late),
    )


def test_database_connections_stay_within_the_pool(observations):
    assert max(observations.connections) <= POOL_MAX_SIZE


def test_database_connections_do_not_pile_up(observations):
    early, late = observations.early_and_late(observations.connections)

    assert max(late) <= max(early) + CONNECTION_SLACK
