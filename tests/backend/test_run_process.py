"""Runs happen in a child process; its outcomes, failures and metrics reach the app."""

import asyncio

import pytest
from prometheus_client import CollectorRegistry

from backend.metrics import SyncMetrics
from backend.run_process import ProcessRunner, RunProcessDied
from backend.services.runs import SyncAlreadyRunning


@pytest.fixture
async def runner(settings, migrated_database_url):
    runner = ProcessRunner(settings, migrated_database_url, SyncMetrics(CollectorRegistry()))
    runner.start()
    yield runner
    await runner.stop()


async def test_a_sync_in_the_child_answers_its_run_and_counts_in_the_apps_metrics(runner):
    run = await runner.sync("manual")

    assert run["status"] == "succeeded"
    assert runner.metrics.runs.labels("manual", "succeeded")._value.get() == 1


async def test_of_two_syncs_at_once_one_runs_and_the_other_is_refused_naming_it(runner):
    outcomes = await asyncio.gather(
        runner.sync("manual"), runner.sync("manual"), return_exceptions=True
    )

    runs = [outcome for outcome in outcomes if isinstance(outcome, dict)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, SyncAlreadyRunning)]
    assert len(runs) == len(refused) == 1
    assert refused[0].run_id == runs[0]["id"]


async def test_a_child_that_dies_fails_its_run_and_the_next_run_starts_a_new_one(runner):
    asked = asyncio.create_task(runner.sync("manual"))
    await asyncio.sleep(0.1)
    runner.process.kill()

    with pytest.raises(RunProcessDied):
        await asked
    assert (await runner.sync("manual"))["status"] in ("succeeded", "skipped")
