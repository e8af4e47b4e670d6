"""The upstream is stopped for many poll intervals, then started again on the same address.

Intervals are shortened (0.5 s, backoff capped at 2 s). One scenario runs for the module; each
test checks one promise against what it recorded.
"""

import re
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest_asyncio

from tests.operations.api_process import ApiProcess, api_process, free_port
from tests.operations.credentials import UPSTREAM_TOKEN
from tests.operations.environment import api_environment
from tests.waiting import eventually
from vyaguta_demo.process import run_demo_upstream

INTERVAL_SECONDS = 0.5
BACKOFF_CAP_SECONDS = 2
# Enough failures in a row to see the wait reach its cap and stay there.
FAILURES_TO_SEE = 6
BACKOFF_LINE = re.compile(r"(\d+) consecutive failed poll\(s\); next try in (\d+) s")


@dataclass
class Observations:
    announced_waits: list[tuple[int, int]] = field(default_factory=list)
    ready_during_outage: list[int] = field(default_factory=list)
    staleness_during_outage: list[float] = field(default_factory=list)
    staleness_after_recovery: float = 0.0
    back_at: float = 0.0
    runs: list[asyncpg.Record] = field(default_factory=list)

    @property
    def runs_after_recovery(self) -> list[asyncpg.Record]:
        return [run for run in self.runs if run["started_at"].timestamp() > self.back_at]

    @property
    def runs_during_outage(self) -> list[asyncpg.Record]:
        return [run for run in self.runs if run["status"] == "failed"]


def announced_waits(api: ApiProcess) -> list[tuple[int, int]]:
    """(consecutive failures, announced wait in seconds), from the poller's warnings."""
    found = (BACKOFF_LINE.search(record["message"]) for record in api.log_records())
    return [(int(match[1]), int(match[2])) for match in found if match]


async def a_run_succeeded(url: str, after: float = 0.0) -> bool:
    """A run that ended well: it wrote, or found nothing to write ('skipped')."""
    connection = await asyncpg.connect(url)
    try:
        return bool(
            await connection.fetchval(
                "SELECT count(*) FROM ops.sync_runs"
                " WHERE status IN ('succeeded', 'skipped') AND started_at > to_timestamp($1)",
                after,
            )
        )
    finally:
        await connection.close()


async def watch_the_outage(api: ApiProcess, http: httpx.AsyncClient, seen: Observations) -> None:
    """Reads /ready until the poller has failed FAILURES_TO_SEE times in a row."""

    async def enough_failures() -> bool:
        ready = await http.get(f"{api.base_url}/ready")
        seen.ready_during_outage.append(ready.status_code)
        seen.staleness_during_outage.append(ready.json()["seconds_since_last_sync"])
        waits = announced_waits(api)
        return bool(waits) and waits[-1][0] >= FAILURES_TO_SEE

    await eventually(enough_failures, within=60)


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def observations(scenario_database_url: str, tmp_path_factory) -> Observations:
    folder: Path = tmp_path_factory.mktemp("outage")
    seen = Observations()
    upstream_options = {"records": 600, "seed": 17, "token": UPSTREAM_TOKEN, "port": free_port()}
    with ExitStack() as first_upstream:
        upstream = first_upstream.enter_context(run_demo_upstream(**upstream_options))
        environment = api_environment(
            scenario_database_url,
            upstream,
            POLL_INTERVAL_SECONDS=INTERVAL_SECONDS,
            POLL_MAX_BACKOFF_SECONDS=BACKOFF_CAP_SECONDS,
            VYAGUTA_MAX_TRIES=1,
        )
        with api_process(environment, folder / "api.log") as api:
            async with httpx.AsyncClient(timeout=10) as http:
                await eventually(lambda: a_run_succeeded(scenario_database_url), within=60)
                first_upstream.close()
                await watch_the_outage(api, http, seen)
                with run_demo_upstream(**upstream_options):
                    seen.back_at = time.time()
                    await eventually(
                        lambda: a_run_succeeded(scenario_database_url, seen.back_at), within=30
                    )
                    ready = await http.get(f"{api.base_url}/ready")
                    seen.staleness_after_recovery = ready.json()["seconds_since_last_sync"]
            seen.announced_waits = announced_waits(api)
    connection = await asyncpg.connect(scenario_database_url)
    try:
        seen.runs = await connection.fetch("SELECT * FROM ops.sync_runs ORDER BY id")
    finally:
        await connection.close()
    return seen


def expected_wait(failures: int) -> int:
    return round(min(INTERVAL_SECONDS * 2**failures, BACKOFF_CAP_SECONDS))


def test_the_wait_doubles_after_each_failure_up_to_its_cap(observations):
    assert observations.announced_waits[:FAILURES_TO_SEE] == [
        (failures, expected_wait(failures)) for failures in range(1, FAILURES_TO_SEE + 1)
    ]


def test_the_wait_stays_at_its_cap_while_the_outage_lasts(observations):
    waits = [wait for _, wait in observations.announced_waits]

    assert max(waits) == BACKOFF_CAP_SECONDS
    assert waits[-3:] == [BACKOFF_CAP_SECONDS] * 3


def test_every_run_during_the_outage_failed_saying_the_upstream_was_unreachable(observations):
    failed = observations.runs_during_outage

    assert len(failed) >= FAILURES_TO_SEE
    assert all("connection failed" in run["error"] for run in failed), failed


def test_the_first_poll_after_the_upstream_is_back_completes(observations):
    # The upstream's data did not change meanwhile, so the run finds nothing to write.
    assert observations.runs_after_recovery[0]["status"] in ("succeeded", "skipped")


def test_no_run_fails_once_the_upstream_is_back(observations):
    assert {run["status"] for run in observations.runs_after_recovery} <= {"succeeded", "skipped"}


def test_the_api_stays_ready_while_only_the_upstream_is_down(observations):
    assert set(observations.ready_during_outage) == {200}


def test_the_data_grows_staler_throughout_the_outage(observations):
    staleness = observations.staleness_during_outage

    assert staleness == sorted(staleness)
    assert staleness[-1] > BACKOFF_CAP_SECONDS


def test_the_data_is_fresh_again_after_recovery(observations):
    assert observations.staleness_after_recovery < observations.staleness_during_outage[-1]
