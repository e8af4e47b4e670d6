"""Polls fetch only the hot window; a full run covers the rest; deletions stay inside the window."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from backend.services.sync import run_sync
from backend.services.sync_runner import SyncRunner

HOT_DAYS = 90


@pytest.fixture
def hot_options(options):
    return replace(options, hot_days=HOT_DAYS)


async def an_old_leave_id(pool) -> int:
    return await pool.fetchval(
        "SELECT id FROM dbo.employee_leaves WHERE end_date < $1 ORDER BY id LIMIT 1",
        date.today() - timedelta(days=HOT_DAYS + 30),
    )


async def test_a_hot_run_fetches_only_recent_and_upcoming_leaves(pool, client, hot_options):
    full = await run_sync(pool, client, hot_options, "manual", "full")

    hot = await run_sync(pool, client, hot_options, "poller", "hot")

    assert (hot["kind"], hot["window_start"]) == ("hot", date.today() - timedelta(days=HOT_DAYS))
    assert 0 < hot["fetched"] < full["fetched"]


async def hold_an_older_version_of(pool, leave_id: int) -> None:
    """As if the upstream had changed the record since dbo merged it: dbo holds another status,
    remembered under that other version's fingerprint, and the record's page read differently."""
    await pool.execute("UPDATE dbo.employee_leaves SET status = 'DRIFTED' WHERE id = $1", leave_id)
    await pool.execute("UPDATE raw.leave_fingerprints SET fingerprint = 0 WHERE id = $1", leave_id)
    await pool.execute("UPDATE raw.remembered_pages SET body_hash = 0")


async def test_a_change_outside_the_hot_window_waits_for_the_next_full_run(
    pool, client, hot_options
):
    await run_sync(pool, client, hot_options, "manual", "full")
    old = await an_old_leave_id(pool)
    await hold_an_older_version_of(pool, old)

    hot = await run_sync(pool, client, hot_options, "poller", "hot")
    after_hot = await pool.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = $1", old)
    full = await run_sync(pool, client, hot_options, "manual", "full")
    after_full = await pool.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = $1", old)

    assert (hot["updated"], after_hot) == (0, "DRIFTED")
    assert full["updated"] == 1 and after_full != "DRIFTED"


async def test_a_hot_run_never_marks_leaves_outside_its_window_deleted(pool, client, hot_options):
    await run_sync(pool, client, hot_options, "manual", "full")
    old = await an_old_leave_id(pool)
    await pool.execute(
        "INSERT INTO dbo.employee_leaves SELECT 999000001, employee_id, leave_type_id,"
        " fiscal_year_id, leave_issuer_id, current_leave_issuer_id, start_date, end_date,"
        " leave_days, reason, status, remarks, is_consecutive, is_converted, created_at,"
        " updated_at, NULL, 'upstream' FROM dbo.employee_leaves WHERE id = $1",
        old,
    )

    hot = await run_sync(pool, client, hot_options, "poller", "hot")
    full = await run_sync(pool, client, hot_options, "manual", "full")

    assert hot["deleted"] == 0
    assert full["deleted"] == 1
    assert await pool.fetchval(
        "SELECT deleted_at IS NOT NULL FROM dbo.employee_leaves WHERE id = 999000001"
    )


async def test_a_poll_runs_full_when_no_full_run_is_recent_and_hot_otherwise(
    pool, client, hot_options, app
):
    runner = SyncRunner(pool, client, hot_options, app.state.sync_metrics, 3600)

    first = await runner.sync("poller")
    second = await runner.sync("poller")
    manual = await runner.sync("manual")

    assert [first["kind"], second["kind"], manual["kind"]] == ["full", "hot", "full"]


async def test_with_hot_days_zero_every_poll_is_full(pool, client, options, app):
    runner = SyncRunner(pool, client, replace(options, hot_days=0), app.state.sync_metrics, 3600)

    await runner.sync("poller")

    assert (await runner.sync("poller"))["kind"] == "full"
