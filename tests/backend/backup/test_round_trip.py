"""Backup, then restore: every dbo row comes back exactly as it was."""

from backend.backup.create import create_backup
from backend.backup.restore import restore_backup
from db.sql_files import query as open_query
from tests.backend.backup.conftest import OTHER_RECORDS, load
from tests.database_state import dbo_contents
from tests.records import leave_record

BALANCES = "SELECT b::text FROM reporting.leave_balances b ORDER BY 1"


async def test_a_restore_into_an_empty_database_holds_every_row_backed_up(loaded, backup, empty):
    folder, _ = backup

    await restore_backup(empty, folder)

    assert await dbo_contents(empty) == await dbo_contents(loaded)


async def test_a_restore_replaces_rows_changed_since_the_backup(loaded, backup):
    folder, _ = backup
    backed_up = await dbo_contents(loaded)
    await load(loaded, OTHER_RECORDS)

    await restore_backup(loaded, folder)

    assert await dbo_contents(loaded) == backed_up


async def test_the_restore_refreshes_the_reporting_balances(loaded, backup, empty):
    folder, _ = backup

    await restore_backup(empty, folder)

    assert await empty.fetch(BALANCES) == await loaded.fetch(BALANCES)


async def test_new_departments_are_numbered_after_the_restored_ones(loaded, backup, empty):
    folder, _ = backup
    highest = await loaded.fetchval("SELECT max(id) FROM dbo.departments")
    await restore_backup(empty, folder)

    added = await empty.fetchval("INSERT INTO dbo.departments (name) VALUES ('New') RETURNING id")

    assert added == highest + 1


async def test_unusual_values_round_trip_unchanged(connection, empty, tmp_path):
    await load(
        connection,
        [
            leave_record(
                reason='नेपाल "quoted" \\ back\tslash\nnew line',
                remarks="",
                leaveDays=0.5,
                defaultDays=9999.99,
                middleName=None,
                createdAt="1999-12-31T23:59:59.999999Z",
                updatedAt=None,
                isConverted=None,
            )
        ],
    )
    await create_backup(connection, tmp_path / "backup")

    await restore_backup(empty, tmp_path / "backup")

    assert await dbo_contents(empty) == await dbo_contents(connection)


async def test_a_restore_is_on_record_as_a_run_of_its_own(loaded, backup):
    folder, manifest = backup

    await restore_backup(loaded, folder)

    latest = await loaded.fetchrow(
        "SELECT trigger, kind, status, inserted FROM ops.sync_runs ORDER BY id DESC LIMIT 1"
    )
    assert dict(latest) == {
        "trigger": "restore",
        "kind": "restore",
        "status": "succeeded",
        "inserted": manifest.rows_of("employee_leaves"),
    }


async def test_a_restore_forgets_the_fingerprints_so_the_next_sync_merges_every_record(
    loaded, backup
):
    folder, _ = backup
    assert await loaded.fetchval(open_query("sync/any_fingerprint_remembered"))

    await restore_backup(loaded, folder)

    assert not await loaded.fetchval(open_query("sync/any_fingerprint_remembered"))
