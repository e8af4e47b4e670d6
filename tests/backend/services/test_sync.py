"""A sync run against the demo upstream: what lands, what is refused, and what is left alone."""

import asyncio
import re
from dataclasses import replace

import pytest

from backend.repositories.sync_runs import get_run
from backend.services.runs import SyncAlreadyRunning, SyncFailed
from backend.services.sync import run_sync
from tests.database_state import TABLE_SHAPE, dbo_contents, live_leave_ids


async def failed_run(pool, client, options) -> dict:
    with pytest.raises(SyncFailed) as failure:
        await run_sync(pool, client, options, trigger="manual")
    return failure.value.run


async def test_a_first_sync_lands_every_record(pool, client, options, upstream):
    served = upstream.stats()["records"]
    run = await run_sync(pool, client, options, trigger="manual")

    assert run["status"] == "succeeded"
    assert (run["fetched"], run["inserted"], run["rejected"]) == (served, served, 0)
    assert len(await live_leave_ids(pool)) == served


async def test_the_same_snapshot_again_is_skipped_and_writes_nothing(pool, client, options):
    await run_sync(pool, client, options, trigger="manual")
    before = await dbo_contents(pool)

    run = await run_sync(pool, client, options, trigger="poller")

    assert run["status"] == "skipped"
    assert (run["inserted"], run["updated"], run["deleted"]) == (0, 0, 0)
    assert await dbo_contents(pool) == before


async def test_live_changes_upstream_update_exactly_those_leaves(pool, client, options, upstream):
    served = upstream.stats()["records"]
    await run_sync(pool, client, options, trigger="manual")
    changes = upstream.live_tick()

    run = await run_sync(pool, client, options, trigger="poller")

    assert run["status"] == "succeeded"
    assert run["inserted"] == len(changes["created"])
    assert run["updated"] == len(changes["updated"])
    assert run["fetched"] == served + len(changes["created"])


@pytest.mark.parametrize(
    ("faults", "reason"),
    [
        ({"unauthorized": True}, "upstream 401: bad token"),
        ({"fail_pages": [2], "fail_status": 503}, "page 2: 503 after 3 tries"),
        ({"fail_pages": [3], "fail_status": 500}, "page 3: 500 after 3 tries"),
        ({"timeout_pages": [2], "hang_seconds": 5}, "page 2: timeout after 3 tries"),
        ({"html_error": 200, "html_error_pages": [2]}, "page 2: HTML page instead of JSON"),
        ({"html_error": 502, "html_error_pages": [2]}, "page 2: 502 after 3 tries"),
        ({"fail_pages": [2], "fail_status": 404}, "page 2: upstream answered 404"),
    ],
)
async def test_an_upstream_fault_fails_the_run_and_changes_nothing(
    pool, client, options, upstream, faults, reason
):
    await run_sync(pool, client, options, trigger="manual")
    upstream.live_tick()
    before = await dbo_contents(pool)
    upstream.set_faults(**faults)

    run = await failed_run(pool, client, options)

    assert run["status"] == "failed"
    assert run["error"] == reason
    assert await dbo_contents(pool) == before


async def test_a_first_sync_that_fails_leaves_the_leaves_table_empty_and_as_migrated(
    pool, client, options, upstream
):
    migrated = await pool.fetchval(TABLE_SHAPE, "dbo.employee_leaves")
    upstream.set_faults(fail_pages=[4], fail_status=404)

    run = await failed_run(pool, client, options)

    assert run["error"] == "page 4: upstream answered 404"
    assert await live_leave_ids(pool) == set()
    assert await pool.fetchval(TABLE_SHAPE, "dbo.employee_leaves") == migrated


async def test_a_truncated_page_fails_the_run_as_invalid_json(pool, client, options, upstream):
    upstream.set_faults(truncate_pages=[4])

    run = await failed_run(pool, client, options)

    assert run["error"].startswith("page 4: invalid JSON")
    assert await live_leave_ids(pool) == set()


async def test_transient_failures_are_retried_until_the_page_comes(pool, client, options, upstream):
    served = upstream.stats()["records"]
    upstream.set_faults(fail_first_n=2)

    run = await run_sync(pool, client, options, trigger="manual")

    assert run["status"] == "succeeded"
    assert run["inserted"] == served


async def test_a_429_is_retried_after_the_delay_it_asks_for(pool, client, options, upstream):
    upstream.set_faults(error_rate=0.3, retry_after=0)

    run = await run_sync(pool, client, options, trigger="manual")

    assert run["status"] == "succeeded"
    assert upstream.stats()["responses"].get("429", 0) > 0


async def test_a_few_invalid_records_are_set_aside_and_the_rest_land(
    pool, client, options, upstream
):
    upstream.set_faults(invalid_share=0.03)

    run = await run_sync(pool, client, options, trigger="manual")

    rejected = await pool.fetch(
        "SELECT reason, payload FROM raw.rejected_leaves WHERE sync_run_id = $1", run["id"]
    )
    assert run["status"] == "succeeded"
    assert run["rejected"] == len(rejected) > 0
    assert run["inserted"] == len(await live_leave_ids(pool))
    assert all(row["reason"] and row["payload"] is not None for row in rejected)


async def test_a_run_with_nothing_to_write_keeps_no_second_copy_of_the_invalid_records(
    pool, client, options, upstream
):
    upstream.set_faults(invalid_share=0.03)
    await run_sync(pool, client, options, trigger="manual")

    again = await run_sync(pool, client, options, trigger="poller")

    kept = await pool.fetchval(
        "SELECT count(*) FROM raw.rejected_leaves WHERE sync_run_id = $1", again["id"]
    )
    assert (again["status"], again["rejected"], kept) == ("skipped", 0, 0)


async def test_too_many_invalid_records_refuse_the_whole_run(pool, client, options, upstream):
    await run_sync(pool, client, options, trigger="manual")
    upstream.live_tick()
    before = await dbo_contents(pool)
    upstream.set_faults(invalid_share=0.4)

    run = await failed_run(pool, client, options)

    assert re.match(r"\d+% of records invalid \(\d+ of \d+; at most 5% allowed\)", run["error"])
    assert 0.3 < run["rejected"] / run["fetched"] < 0.5
    assert await dbo_contents(pool) == before
    assert (
        await pool.fetchval(
            "SELECT count(*) FROM raw.rejected_leaves WHERE sync_run_id = $1", run["id"]
        )
        == run["rejected"]
    )


async def test_records_sent_twice_land_once(pool, client, options, upstream):
    served = upstream.stats()["records"]
    upstream.set_faults(duplicate_share=0.05)

    run = await run_sync(pool, client, options, trigger="manual")

    assert run["status"] == "succeeded"
    assert run["fetched"] > served
    assert run["inserted"] == served


async def test_hostile_strings_are_stored_as_plain_text(pool, client, options, upstream):
    served = upstream.stats()["records"]
    upstream.set_faults(hostile_strings=True)

    run = await run_sync(pool, client, options, trigger="manual")

    assert run["status"] == "succeeded"
    assert (
        await pool.fetchval("SELECT count(*) FROM dbo.employee_leaves") == served - run["rejected"]
    )
    assert await pool.fetchval("SELECT max(length(reason)) FROM dbo.employee_leaves") >= 10_000


async def test_a_second_trigger_during_a_run_is_refused_with_the_running_id(
    pool, client, options, upstream
):
    upstream.set_faults(latency_ms=300)
    first = asyncio.create_task(run_sync(pool, client, options, trigger="poller"))
    await asyncio.sleep(0.5)

    with pytest.raises(SyncAlreadyRunning) as refused:
        await run_sync(pool, client, options, trigger="manual")
    run = await first

    assert refused.value.run_id == run["id"]
    assert run["status"] == "succeeded"


async def test_a_run_left_running_by_a_dead_process_is_marked_failed_by_the_next(
    pool, client, options
):
    orphan = await pool.fetchval(
        "INSERT INTO ops.sync_runs (trigger) VALUES ('poller') RETURNING id"
    )

    await run_sync(pool, client, options, trigger="manual")

    run = await get_run(pool, orphan)
    assert run["status"] == "failed"
    assert run["error"].startswith("interrupted")


async def test_a_cancelled_run_is_recorded_as_interrupted_and_changes_nothing(
    pool, client, options, upstream
):
    upstream.set_faults(latency_ms=200)
    task = asyncio.create_task(run_sync(pool, client, options, trigger="poller"))
    await asyncio.sleep(0.7)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    runs = await pool.fetch("SELECT status, error FROM ops.sync_runs")
    assert [(row["status"], row["error"].split(":")[0]) for row in runs] == [
        ("failed", "interrupted")
    ]
    assert await live_leave_ids(pool) == set()


async def test_a_snapshot_without_one_valid_record_never_deletes_what_is_stored(
    pool, client, options, upstream
):
    served = upstream.stats()["records"]
    await run_sync(pool, client, options, trigger="manual")
    upstream.set_faults(invalid_share=1.0)
    tolerant = replace(options, max_rejected_share=1.0)

    run = await failed_run(pool, client, tolerant)

    assert run["error"].startswith("the upstream sent no valid record for a window that holds")
    assert len(await live_leave_ids(pool)) == served


async def test_more_pages_than_the_cap_refuse_the_run(pool, client, options):
    capped = replace(options, max_pages=2)

    run = await failed_run(pool, client, capped)

    assert run["error"] == "still more pages after the cap of 2; refusing an incomplete snapshot"
    assert await live_leave_ids(pool) == set()
