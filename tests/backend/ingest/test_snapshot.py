"""Loading a snapshot of which only some records changed: what raw receives, and that the MERGE
then leaves dbo exactly as a load of every record would."""

from collections.abc import AsyncIterator

import asyncpg
import orjson
import pytest
import pytest_asyncio

from backend.ingest.envelopes import parse_page
from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.pages import FetchedPage, RepeatedPage
from backend.ingest.remembered_pages import PageSummary
from backend.ingest.snapshot import LoadedSnapshot, copy_latest_unchanged_records, load_snapshot
from backend.ingest.upstream import DateWindow, UpstreamError, read_page
from backend.repositories.sync_runs import insert_running_run
from backend.services.upload import upload_records
from db.pool import create_pool
from db.sql_files import query
from tests.database_state import TABLE_SHAPE, dbo_contents, live_leave_ids
from tests.records import leave_record

PAGE_SIZE = 2


@pytest_asyncio.fixture
async def pool(migrated_database_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(migrated_database_url, min_size=1, max_size=3)
    yield pool
    await pool.close()


async def pages_of(records: list) -> AsyncIterator[FetchedPage]:
    for start in range(0, len(records), PAGE_SIZE):
        page = records[start : start + PAGE_SIZE]
        body = orjson.dumps({"data": page, "meta": {"total": len(records)}})
        yield FetchedPage(start // PAGE_SIZE + 1, parse_page(body), body_hash=0)


async def sync_records(pool: asyncpg.Pool, records: list) -> LoadedSnapshot:
    """What a sync does with `records` as the upstream's answer, committed."""
    return await sync_pages(pool, pages_of(records))


async def sync_pages(
    pool: asyncpg.Pool, pages: AsyncIterator[FetchedPage | RepeatedPage]
) -> LoadedSnapshot:
    run_id = await insert_running_run(pool, "manual", "full", DateWindow(None, None))
    async with pool.acquire() as connection, connection.transaction():
        loaded = await load_snapshot(connection, pool, pages, run_id=run_id)
        await copy_latest_unchanged_records(connection, loaded.latest, run_id)
        await connection.fetchrow(query("sync/merge_snapshot"), None, None)
        await connection.execute(query("sync/refresh_reporting"))
    return loaded


async def raw_ids(pool: asyncpg.Pool) -> list[int]:
    rows = await pool.fetch("SELECT id::bigint FROM raw.imported_leave_information ORDER BY 1")
    return [row["id"] for row in rows]


def three_leaves() -> list[dict]:
    """On two pages."""
    return [
        *leaves_of_employee_11(),
        leave_record(id=3, userId=12, startDate="2024-10-01", endDate="2024-10-01"),
    ]


async def failing_after_two_pages(records: list) -> AsyncIterator[FetchedPage]:
    """The first page is loaded (and its leaves sent to dbo) once the second arrives."""
    async for page in pages_of(records):
        if page.number > 2:
            raise UpstreamError("page 3: upstream answered 404")
        yield page


def leaves_of_employee_11() -> list[dict]:
    return [
        leave_record(id=1, email="old@example.com", startDate="2024-08-05", endDate="2024-08-05"),
        leave_record(id=2, email="new@example.com", startDate="2024-09-02", endDate="2024-09-02"),
    ]


async def test_a_first_load_takes_every_record_as_changed(pool):
    loaded = await sync_records(pool, leaves_of_employee_11())

    assert (loaded.fetched, loaded.changed, loaded.unchanged) == (2, 2, 0)
    assert await live_leave_ids(pool) == {1, 2}


async def test_a_first_loads_leaves_are_in_dbo_before_the_merge(pool):
    run_id = await insert_running_run(pool, "manual", "full", DateWindow(None, None))
    async with pool.acquire() as connection, connection.transaction():
        await load_snapshot(connection, pool, pages_of(three_leaves()), run_id=run_id)

        loaded_ids = await connection.fetchval(
            "SELECT array_agg(id ORDER BY id) FROM dbo.employee_leaves"
        )

    assert loaded_ids == [1, 2, 3]


async def test_a_first_load_leaves_every_index_and_foreign_key_as_migrated(pool):
    migrated = await pool.fetchval(TABLE_SHAPE, "dbo.employee_leaves")

    await sync_records(pool, three_leaves())

    assert await pool.fetchval(TABLE_SHAPE, "dbo.employee_leaves") == migrated
    assert await live_leave_ids(pool) == {1, 2, 3}


async def test_a_first_load_that_fails_leaves_the_empty_table_as_migrated(pool):
    migrated = await pool.fetchval(TABLE_SHAPE, "dbo.employee_leaves")

    with pytest.raises(UpstreamError):
        await sync_pages(pool, failing_after_two_pages([*three_leaves(), *three_leaves()]))

    assert await pool.fetchval(TABLE_SHAPE, "dbo.employee_leaves") == migrated
    assert await live_leave_ids(pool) == set()
    assert await pool.fetchval("SELECT count(*) FROM raw.deferred_leave_definitions") == 0


async def test_of_an_id_sent_twice_on_one_page_of_a_first_load_the_later_copy_lands(pool):
    record = leave_record(id=1)

    await sync_records(pool, [record, {**record, "status": "CANCELLED"}])

    assert await pool.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = 1") == (
        "CANCELLED"
    )


async def test_of_an_id_sent_again_on_a_later_page_of_a_first_load_the_later_copy_lands(pool):
    record = leave_record(id=1)
    later_page = [{**record, "status": "CANCELLED"}]

    await sync_records(pool, [record, leave_record(id=2, userId=12), *later_page])

    assert await pool.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = 1") == (
        "CANCELLED"
    )


async def test_the_earlier_copy_of_an_id_sent_on_two_pages_of_a_first_load_names_nothing(pool):
    record = leave_record(id=1, departmentDescription="Old department")
    later_page = [{**record, "departmentDescription": "New department"}]

    await sync_records(pool, [record, leave_record(id=2, userId=12), *later_page])

    assert "Old department" not in await pool.fetchval(
        "SELECT array_agg(name) FROM dbo.departments"
    )


async def test_a_first_load_remembers_the_later_copy_of_an_id_sent_twice(pool):
    record = leave_record(id=1)
    later = {**record, "status": "CANCELLED"}
    await sync_records(pool, [record, later, leave_record(id=2, userId=12)])

    loaded = await sync_records(pool, [later, leave_record(id=2, userId=12)])

    assert (loaded.changed, loaded.unchanged) == (0, 2)


async def test_only_a_changed_record_is_loaded_again(pool):
    records = [*leaves_of_employee_11(), leave_record(id=3, startDate="2024-10-01")]
    records[2]["endDate"] = "2024-10-01"
    await sync_records(pool, records)
    records[2]["status"] = "CANCELLED"

    loaded = await sync_records(pool, records)

    assert (loaded.changed, loaded.unchanged) == (1, 2)
    assert await raw_ids(pool) == [3]


async def test_the_latest_record_of_each_entity_is_loaded_with_any_change(pool):
    records = [*leaves_of_employee_11(), leave_record(id=3, userId=12, startDate="2024-10-01")]
    records[2]["endDate"] = "2024-10-01"
    await sync_records(pool, records)
    records[0]["status"] = "CANCELLED"

    await sync_records(pool, records)

    assert await raw_ids(pool) == [1, 2, 3]


async def test_an_older_record_changing_keeps_the_employee_as_their_latest_record_says(pool):
    records = leaves_of_employee_11()
    await sync_records(pool, records)
    records[0]["status"] = "CANCELLED"

    await sync_records(pool, records)

    assert await raw_ids(pool) == [1, 2]
    assert await pool.fetchval("SELECT email FROM dbo.employees WHERE id = 11") == (
        "new@example.com"
    )


async def test_dbo_ends_as_a_load_of_every_record_would_leave_it(pool, migrated_database_url):
    records = leaves_of_employee_11()
    await sync_records(pool, records)
    records[0].update(status="CANCELLED", designationName="Senior Engineer", leaveTypeName="Paid")
    await sync_records(pool, records)
    changed_only = await dbo_contents(pool)
    await pool.execute("TRUNCATE raw.leave_fingerprints")

    await sync_records(pool, records)

    assert await dbo_contents(pool) == changed_only


async def test_when_an_employees_latest_leave_is_gone_the_one_before_speaks_for_them(pool):
    records = leaves_of_employee_11()
    await sync_records(pool, records)

    await sync_records(pool, records[:1])

    assert await pool.fetchval("SELECT email FROM dbo.employees WHERE id = 11") == (
        "old@example.com"
    )


async def test_a_later_unchanged_copy_of_an_id_wins_over_an_earlier_changed_one(pool):
    record = leave_record(id=1)
    await sync_records(pool, [record])

    await sync_records(pool, [{**record, "status": "CANCELLED"}, record])

    assert await pool.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = 1") == (
        "APPROVED"
    )


async def test_a_deleted_leave_sent_again_unchanged_is_live_again(pool):
    records = leaves_of_employee_11()
    await sync_records(pool, records)
    await sync_records(pool, records[:1])
    assert await live_leave_ids(pool) == {1}

    await sync_records(pool, records)

    assert await live_leave_ids(pool) == {1, 2}


async def test_an_uploaded_leave_gives_way_to_the_upstream_record_on_the_next_sync(pool):
    record = leave_record(id=1)
    await sync_records(pool, [record])
    await upload_records(pool, [{**record, "status": "CANCELLED"}])

    loaded = await sync_records(pool, [record])

    assert loaded.changed == 1
    assert await pool.fetchrow("SELECT status, source FROM dbo.employee_leaves WHERE id = 1") == (
        "APPROVED",
        "upstream",
    )


async def test_an_invalid_record_is_validated_again_every_time(pool):
    records = [leave_record(id=1), leave_record(id=2, leaveDays=-1)]
    await sync_records(pool, records)

    loaded = await sync_records(pool, records)

    assert (loaded.rejected, loaded.unchanged, loaded.changed) == (1, 1, 0)


def page_from_body(number: int, records: list, *, repeated: bool) -> FetchedPage | RepeatedPage:
    """The page as the upstream sends it; `repeated`: byte for byte as the last run read it."""
    body = orjson.dumps({"data": records})
    body_hash = fingerprint_of(body)
    if repeated:
        return RepeatedPage(body, PageSummary(number, body_hash, len(records), len(records), None))
    return FetchedPage(number, read_page(number, body), body_hash)


async def pages_from_bodies(*pages: FetchedPage | RepeatedPage) -> AsyncIterator:
    for page in pages:
        yield page


async def test_a_snapshot_of_repeated_pages_only_reads_and_loads_nothing(pool):
    first = [leave_record(id=1), leave_record(id=2, userId=12)]
    await sync_records(pool, first)

    loaded = await sync_pages(pool, pages_from_bodies(page_from_body(1, first, repeated=True)))

    assert (loaded.repeated, loaded.fetched, loaded.unchanged, loaded.changed) == (True, 2, 2, 0)
    assert await raw_ids(pool) == []


async def test_repeated_pages_are_read_after_all_when_a_later_page_differs(pool):
    old, new = leaves_of_employee_11()
    first_page = [old, leave_record(id=3, userId=12)]
    await sync_records(pool, [*first_page, new])

    loaded = await sync_pages(
        pool,
        pages_from_bodies(
            page_from_body(1, first_page, repeated=True), page_from_body(2, [], repeated=False)
        ),
    )

    assert (loaded.repeated, loaded.fetched) == (False, 2)
    assert await live_leave_ids(pool) == {1, 3}
    assert await pool.fetchval("SELECT email FROM dbo.employees WHERE id = 11") == (
        "old@example.com"
    )
