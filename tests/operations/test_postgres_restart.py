"""PostgreSQL is stopped and started again while the API's poller is in the middle of a sync.

The API process keeps running throughout. One scenario runs for the module; each test checks
one promise against what it recorded.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest_asyncio

from db.dsn import with_database
from db.embedded import embedded_postgres
from db.schema import migrate_to_latest
from tests.conftest import create_database
from tests.operations.api_process import ApiProcess, api_process
from tests.operations.credentials import UPSTREAM_TOKEN, with_a_password
from tests.operations.environment import api_environment
from tests.operations.restartable_postgres import RestartablePostgres
from tests.operations.signing_in import admin_headers
from tests.operations.upstream_snapshot import upstream_leave_ids
from tests.waiting import eventually
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

RECORDS = 20_000
# Slow enough that the restart lands in the middle of a run.
PAGE_LATENCY_MS = 150


@dataclass
class Observations:
    ready_while_down: list[int] = field(default_factory=list)
    ready_after_start: list[int] = field(default_factory=list)
    trigger_while_down: int = 0
    cut_run_id: int = 0
    runs: dict[int, asyncpg.Record] = field(default_factory=dict)
    api_kept_running: bool = False
    stored_ids: set[int] = field(default_factory=set)
    upstream_ids: set[int] = field(default_factory=set)

    @property
    def runs_after_the_cut(self) -> list[asyncpg.Record]:
        return [run for run_id, run in self.runs.items() if run_id > self.cut_run_id]


async def fetch(url: str, sql: str, *arguments: object) -> list[asyncpg.Record]:
    """On a connection of its own: the server may restart between two calls."""
    connection = await asyncpg.connect(url)
    try:
        return await connection.fetch(sql, *arguments)
    finally:
        await connection.close()


async def last_succeeded_run_id(url: str) -> int | None:
    rows = await fetch(url, "SELECT max(id) AS id FROM ops.sync_runs WHERE status = 'succeeded'")
    return rows[0]["id"]


async def run_loading_pages(url: str) -> int | None:
    """A run past its first pages, still inside its transaction."""
    rows = await fetch(
        url,
        "SELECT id FROM ops.sync_runs WHERE status = 'running'"
        " AND clock_timestamp() - started_at > interval '1 second'"
        " AND EXISTS (SELECT FROM pg_stat_activity WHERE application_name = 'leave-analytics'"
        "   AND (state = 'idle in transaction' OR query ILIKE 'COPY%'))",
    )
    return rows[0]["id"] if rows else None


async def first_value(produce: Callable[[], Awaitable[int | None]], within: float) -> int:
    found: list[int] = []

    async def produced() -> bool:
        if (value := await produce()) is not None:
            found.append(value)
        return bool(found)

    await eventually(produced, within=within)
    return found[0]


def answers(
    http: httpx.AsyncClient, url: str, wanted: int, seen: list[int]
) -> Callable[[], Awaitable[bool]]:
    """A check that GETs `url`, keeps the status in `seen`, and tells whether it is `wanted`."""

    async def check() -> bool:
        seen.append((await http.get(url)).status_code)
        return seen[-1] == wanted

    return check


async def restart_postgres_mid_sync(
    postgres: RestartablePostgres,
    url: str,
    upstream: DemoUpstream,
    api: ApiProcess,
    http: httpx.AsyncClient,
) -> Observations:
    seen = Observations()
    headers = await admin_headers(http, api.base_url)
    await first_value(lambda: last_succeeded_run_id(url), within=120)
    for _ in range(3):
        await asyncio.to_thread(upstream.live_tick)
    await asyncio.to_thread(upstream.set_faults, latency_ms=PAGE_LATENCY_MS)
    seen.cut_run_id = await first_value(lambda: run_loading_pages(url), within=60)

    await asyncio.to_thread(postgres.stop)
    await eventually(answers(http, f"{api.base_url}/ready", 503, seen.ready_while_down), 30)
    seen.trigger_while_down = (await http.post(f"{api.base_url}/sync", headers=headers)).status_code
    await asyncio.to_thread(postgres.start)
    await eventually(answers(http, f"{api.base_url}/ready", 200, seen.ready_after_start), 30)

    await asyncio.to_thread(upstream.reset_faults)

    async def a_run_after_the_cut_succeeded() -> bool:
        return (await last_succeeded_run_id(url) or 0) > seen.cut_run_id

    await eventually(a_run_after_the_cut_succeeded, within=120)
    return seen


async def record_the_end_state(url: str, upstream: DemoUpstream, seen: Observations) -> None:
    seen.runs = {run["id"]: run for run in await fetch(url, "SELECT * FROM ops.sync_runs")}
    rows = await fetch(url, "SELECT id FROM dbo.employee_leaves WHERE deleted_at IS NULL")
    seen.stored_ids = {row["id"] for row in rows}
    seen.upstream_ids = await asyncio.to_thread(upstream_leave_ids, upstream)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def observations(tmp_path_factory) -> Observations:
    folder: Path = tmp_path_factory.mktemp("restart")
    with embedded_postgres(folder / "postgres") as server_url:
        await create_database(server_url, "leave_analytics")
        url = with_a_password(with_database(server_url, "leave_analytics"))
        await migrate_to_latest(url)
        with run_demo_upstream(records=RECORDS, seed=13, token=UPSTREAM_TOKEN) as upstream:
            environment = api_environment(
                url,
                upstream,
                POLL_INTERVAL_SECONDS=1,
                POLL_MAX_BACKOFF_SECONDS=2,
                SYNC_HOT_DAYS=0,  # every poll fetches the whole large snapshot
            )
            with api_process(environment, folder / "api.log") as api:
                async with httpx.AsyncClient(timeout=30) as http:
                    postgres = RestartablePostgres(folder / "postgres")
                    seen = await restart_postgres_mid_sync(postgres, url, upstream, api, http)
                seen.api_kept_running = api.process.poll() is None
            await record_the_end_state(url, upstream, seen)
    return seen


def test_ready_answers_503_while_the_database_is_down(observations):
    assert observations.ready_while_down[-1] == 503


def test_ready_answers_200_again_once_the_database_is_back(observations):
    assert observations.ready_after_start[-1] == 200


def test_ready_never_answers_anything_but_200_or_503(observations):
    seen = observations.ready_while_down + observations.ready_after_start

    assert set(seen) <= {200, 503}


def test_a_manual_sync_while_the_database_is_down_answers_503(observations):
    assert observations.trigger_while_down == 503


def test_the_run_cut_by_the_restart_is_recorded_failed_for_losing_the_database(observations):
    cut = observations.runs[observations.cut_run_id]

    assert cut["status"] == "failed"
    assert "database" in cut["error"]


def test_a_run_after_the_restart_succeeds_without_restarting_the_api(observations):
    assert "succeeded" in {run["status"] for run in observations.runs_after_the_cut}
    assert observations.api_kept_running


def test_no_leave_is_lost_or_doubled(observations):
    assert observations.stored_ids == observations.upstream_ids
