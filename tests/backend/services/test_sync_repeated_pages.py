"""A sync remembers the pages it read; a page answered byte for byte as before is not read
again, and whatever else writes to dbo makes the remembered pages no guide."""

from dataclasses import replace

import pytest

from backend.services.sync import run_sync
from backend.services.upload import upload_records
from tests.records import leave_record


@pytest.fixture
def hot_options(options):
    return replace(options, hot_days=90)


async def remembered_page_count(pool, kind: str) -> int:
    return await pool.fetchval(
        "SELECT count(*) FROM raw.remembered_pages WHERE run_kind = $1", kind
    )


async def test_a_sync_remembers_each_page_it_read(pool, client, options, upstream):
    await run_sync(pool, client, options, "manual", "full")

    pages = -(-upstream.stats()["records"] // options.page_size)
    assert await remembered_page_count(pool, "full") in (pages, pages + 1)


async def test_an_upload_forgets_every_remembered_page(pool, client, options):
    await run_sync(pool, client, options, "manual", "full")

    await upload_records(pool, [leave_record(id=999000002)])

    assert await pool.fetchval("SELECT count(*) FROM raw.remembered_pages") == 0


async def test_a_run_that_writes_forgets_the_pages_another_kind_read(
    pool, client, hot_options, upstream
):
    await run_sync(pool, client, hot_options, "manual", "full")
    upstream.live_tick()

    hot = await run_sync(pool, client, hot_options, "poller", "hot")

    assert hot["status"] == "succeeded"
    assert await remembered_page_count(pool, "full") == 0
    assert await remembered_page_count(pool, "hot") > 0


async def test_a_run_with_nothing_to_write_keeps_the_pages_another_kind_read(
    pool, client, hot_options
):
    await run_sync(pool, client, hot_options, "manual", "full")
    full_pages = await remembered_page_count(pool, "full")

    hot = await run_sync(pool, client, hot_options, "poller", "hot")

    assert hot["status"] == "skipped"
    assert await remembered_page_count(pool, "full") == full_pages
    assert await remembered_page_count(pool, "hot") > 0


async def test_a_leave_dbo_gained_other_than_by_a_sync_is_marked_deleted_all_the_same(
    pool, client, options
):
    await run_sync(pool, client, options, "manual", "full")
    await pool.execute(
        "INSERT INTO dbo.employee_leaves SELECT 999000001, employee_id, leave_type_id,"
        " fiscal_year_id, leave_issuer_id, current_leave_issuer_id, start_date, end_date,"
        " leave_days, reason, status, remarks, is_consecutive, is_converted, created_at,"
        " updated_at, NULL, 'upstream' FROM dbo.employee_leaves ORDER BY id LIMIT 1"
    )

    run = await run_sync(pool, client, options, "manual", "full")

    assert (run["status"], run["deleted"]) == ("succeeded", 1)


async def test_a_repeated_snapshot_is_skipped_with_every_record_counted(pool, client, options):
    first = await run_sync(pool, client, options, "manual", "full")

    again = await run_sync(pool, client, options, "manual", "full")

    assert again["status"] == "skipped"
    assert (again["fetched"], again["unchanged"]) == (first["fetched"], first["inserted"])
