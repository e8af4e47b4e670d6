"""A restore whose TRUNCATE deadlocks with a reader of the tables tries again, and lands."""

import asyncio

from backend.backup.restore import restore_backup
from db.pool import connect
from tests.database_state import dbo_contents
from tests.waiting import eventually


async def test_a_restore_deadlocked_with_a_reader_tries_again_and_lands(
    loaded, backup, migrated_database_url
):
    folder, _ = backup
    backed_up = await dbo_contents(loaded)
    reader = await connect(migrated_database_url)
    try:
        # A reader holding the table the TRUNCATE locks last...
        await reader.execute("BEGIN; LOCK TABLE dbo.employee_leaves IN ACCESS SHARE MODE")
        restoring = asyncio.create_task(restore_backup(loaded, folder))
        await eventually(lambda: restore_waits_for_a_lock(reader, loaded.get_server_pid()))
        # ... then asking for one the TRUNCATE holds already: each waits for the other.
        await reader.execute("LOCK TABLE dbo.departments IN ACCESS SHARE MODE")
        await reader.execute("COMMIT")

        await restoring
    finally:
        await reader.close()

    assert await dbo_contents(loaded) == backed_up


async def restore_waits_for_a_lock(reader, pid: int) -> bool:
    return await reader.fetchval(
        "SELECT count(*) > 0 FROM pg_locks WHERE pid = $1 AND NOT granted", pid
    )
