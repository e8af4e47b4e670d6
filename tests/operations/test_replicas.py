"""Two API replicas on one database, both polling every second, triggered by hand on both.

One scenario runs for the module; each test checks one promise against what it recorded.
"""

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio

from backend.services.runs import SYNC_LOCK_KEY
from tests.operations.api_process import ApiProcess, api_process
from tests.operations.credentials import UPSTREAM_TOKEN
from tests.operations.environment import api_environment
from tests.operations.signing_in import admin_headers
from tests.operations.upstream_snapshot import upstream_leave_ids
from tests.waiting import eventually
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

OBSERVE_SECONDS = 20
SAMPLE_SECONDS = 0.1
TRIGGER_SECONDS = 1.5
TICK_SECONDS = 1.0
# Slow pages make each run last long enough for the triggers and polls to collide with it.
PAGE_LATENCY_MS = 100
# pg_locks shows a bigint advisory key as two 32-bit halves.
LOCK_HIGH, LOCK_LOW = SYNC_LOCK_KEY >> 32, SYNC_LOCK_KEY & 0xFFFFFFFF
SAMPLE = """
SELECT
    (SELECT count(*) FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2) AS lock_holders,
    (SELECT count(*) FROM ops.sync_runs WHERE status = 'running') AS running_runs
"""


@dataclass
class Observations:
    samples: list[asyncpg.Record] = field(default_factory=list)
    triggers: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)
    runs: list[asyncpg.Record] = field(default_factory=list)
    started_by: dict[str, set[int]] = field(default_factory=dict)
    deadlocks: int = 0
    stored_ids: set[int] = field(default_factory=set)
    upstream_ids: set[int] = field(default_factory=set)


async def sample_until(deadline: float, url: str, observations: Observations) -> None:
    connection = await asyncpg.connect(url)
    try:
        while time.monotonic() < deadline:
            observations.samples.append(await connection.fetchrow(SAMPLE, LOCK_HIGH, LOCK_LOW))
            await asyncio.sleep(SAMPLE_SECONDS)
    finally:
        await connection.close()


async def trigger_until(
    deadline: float, replicas: list[ApiProcess], http: httpx.AsyncClient, observations: Observations
) -> None:
    """Both replicas at once, again and again: one may run, the other must refuse."""
    headers = await admin_headers(http, replicas[0].base_url)

    async def trigger(replica: ApiProcess) -> None:
        answer = await http.post(f"{replica.base_url}/sync", headers=headers)
        observations.triggers.append((replica.base_url, answer.status_code, answer.json()))

    while time.monotonic() < deadline:
        await asyncio.gather(*(trigger(replica) for replica in replicas))
        await asyncio.sleep(TRIGGER_SECONDS)


async def tick_until(deadline: float, upstream: DemoUpstream) -> None:
    """Live changes upstream, so that runs have something to write."""
    while time.monotonic() < deadline:
        await asyncio.to_thread(upstream.live_tick)
        await asyncio.sleep(TICK_SECONDS)


async def a_run_after(connection: asyncpg.Connection, moment: float) -> bool:
    """A run that started after `moment` (epoch seconds) has landed."""
    return bool(
        await connection.fetchval(
            "SELECT count(*) FROM ops.sync_runs WHERE status IN ('succeeded', 'skipped')"
            " AND started_at > to_timestamp($1)",
            moment,
        )
    )


async def record_the_end_state(
    url: str, upstream: DemoUpstream, observations: Observations
) -> None:
    connection = await asyncpg.connect(url)
    try:
        observations.runs = await connection.fetch("SELECT * FROM ops.sync_runs ORDER BY id")
        observations.deadlocks = await connection.fetchval(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"
        )
        rows = await connection.fetch("SELECT id FROM dbo.employee_leaves WHERE deleted_at IS NULL")
        observations.stored_ids = {row["id"] for row in rows}
    finally:
        await connection.close()
    observations.upstream_ids = await asyncio.to_thread(upstream_leave_ids, upstream)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def observations(scenario_database_url: str, tmp_path_factory) -> Observations:
    folder: Path = tmp_path_factory.mktemp("replicas")
    observations = Observations()
    with run_demo_upstream(
        records=3000, seed=11, token=UPSTREAM_TOKEN, latency_ms=PAGE_LATENCY_MS
    ) as upstream:
        environment = api_environment(scenario_database_url, upstream, POLL_INTERVAL_SECONDS=1)
        with (
            api_process(environment, folder / "replica-a.log") as first,
            api_process(environment, folder / "replica-b.log") as second,
        ):
            replicas = [first, second]
            deadline = time.monotonic() + OBSERVE_SECONDS
            async with httpx.AsyncClient(timeout=60) as http:
                await asyncio.gather(
                    sample_until(deadline, scenario_database_url, observations),
                    trigger_until(deadline, replicas, http, observations),
                    tick_until(deadline, upstream),
                )
            quiet_since = time.time()
            connection = await asyncpg.connect(scenario_database_url)
            try:
                await eventually(lambda: a_run_after(connection, quiet_since), within=60)
            finally:
                await connection.close()
        observations.started_by = {api.base_url: api.started_run_ids() for api in replicas}
        await record_the_end_state(scenario_database_url, upstream, observations)
    return observations


def test_syncs_ran_while_the_scenario_watched(observations):
    assert any(sample["lock_holders"] for sample in observations.samples)
    assert len(observations.runs) >= OBSERVE_SECONDS // 2


def test_at_most_one_sync_holds_the_lock_at_any_moment(observations):
    assert max(sample["lock_holders"] for sample in observations.samples) == 1


def test_at_most_one_run_is_marked_running_at_any_moment(observations):
    assert max(sample["running_runs"] for sample in observations.samples) <= 1


def test_both_replicas_ran_syncs(observations):
    assert all(observations.started_by.values()), observations.started_by


def test_every_run_either_replica_started_is_recorded_exactly_once(observations):
    first, second = observations.started_by.values()

    assert not first & second
    assert first | second == {run["id"] for run in observations.runs}


def test_every_run_that_finished_while_both_ran_succeeded_or_was_skipped(observations):
    finished = [run for run in observations.runs if not is_stopped_by_shutdown(run)]

    assert {run["status"] for run in finished} <= {"succeeded", "skipped"}, [
        (run["id"], run["status"], run["error"]) for run in finished
    ]


def test_no_deadlock_happened(observations):
    assert observations.deadlocks == 0


@pytest.mark.parametrize("status", [200, 409])
def test_manual_triggers_got_each_expected_answer(observations, status):
    assert status in {code for _, code, _ in observations.triggers}


def test_manual_triggers_on_either_replica_got_200_or_409_only(observations):
    by_replica = {url for url, _, _ in observations.triggers}

    assert {code for _, code, _ in observations.triggers} <= {200, 409}
    assert len(by_replica) == 2


def test_every_run_a_409_names_is_a_recorded_run(observations):
    """A 409 names no run only when the run holding the lock ended before its id was read."""
    recorded = {run["id"] for run in observations.runs}
    refusals = [body for _, code, body in observations.triggers if code == 409]
    named = {body["error"]["details"]["run_id"] for body in refusals} - {None}

    assert named
    assert named <= recorded


def test_the_stored_leaves_are_the_upstreams_each_once(observations):
    assert observations.stored_ids == observations.upstream_ids


def is_stopped_by_shutdown(run: asyncpg.Record) -> bool:
    return run["status"] == "failed" and (run["error"] or "").startswith("interrupted")
