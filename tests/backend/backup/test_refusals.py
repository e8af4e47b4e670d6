"""A restore that is refused, or fails, leaves every dbo row as it was."""

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import asyncpg
import fastavro
import pytest

from backend.backup.errors import BackupInvalid, SchemaMismatch, SyncRunning
from backend.backup.restore import restore_backup
from backend.services.runs import SYNC_LOCK_KEY
from db.migration_files import read_migrations
from db.pool import connect
from tests.backend.backup.conftest import OTHER_RECORDS, load
from tests.database_state import dbo_contents

LATEST = read_migrations()[-1].version


def edit_manifest(folder: Path, edit: Callable[[dict], None]) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text())
    edit(manifest)
    path.write_text(json.dumps(manifest))


def rewrite_last_leave(folder: Path, **changes) -> None:
    """A well-formed file with a consistent manifest, whose last row breaks a constraint."""
    path = folder / "employee_leaves.avro"
    with path.open("rb") as file:
        reader = fastavro.reader(file)
        schema, rows = reader.writer_schema, list(reader)
    rows[-1] |= changes
    with path.open("wb") as file:
        fastavro.writer(file, schema, rows)
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    edit_manifest(folder, lambda manifest: manifest["tables"][-1].update(sha256=checksum))


@pytest.fixture
async def changed(loaded, backup):
    """The database moved on after the backup; answers its rows as they are now."""
    await load(loaded, OTHER_RECORDS)
    return await dbo_contents(loaded)


async def test_a_tampered_file_is_refused_before_anything_changes(loaded, backup, changed):
    folder, _ = backup
    path = folder / "employee_leaves.avro"
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))

    with pytest.raises(BackupInvalid) as refused:
        await restore_backup(loaded, folder)

    assert (
        str(refused.value)
        == f"{folder}: employee_leaves.avro does not match its checksum; damaged?"
    )
    assert await dbo_contents(loaded) == changed


async def test_a_backup_of_another_schema_version_is_refused(loaded, backup, changed):
    folder, _ = backup
    edit_manifest(
        folder, lambda manifest: manifest.update(schema_version=3, schema_fingerprint="0" * 64)
    )

    with pytest.raises(SchemaMismatch) as refused:
        await restore_backup(loaded, folder)

    assert str(refused.value) == (
        "the backup is of schema version 3, whose dbo tables differ from this database's "
        f"(version {LATEST}); restore it into a database migrated to version 3"
    )
    assert await dbo_contents(loaded) == changed


async def test_a_later_schema_version_with_the_same_dbo_tables_restores(loaded, backup, empty):
    folder, _ = backup
    await empty.execute(
        "INSERT INTO public.schema_migrations (version, name, checksum, execution_ms) "
        "VALUES (9999, 'reporting_only', 'x', 0)"
    )

    await restore_backup(empty, folder)

    assert await dbo_contents(empty) == await dbo_contents(loaded)


async def test_a_failure_midway_leaves_the_data_as_before(loaded, backup, changed):
    folder, _ = backup
    rewrite_last_leave(folder, employee_id=-1)

    with pytest.raises(asyncpg.ForeignKeyViolationError):
        await restore_backup(loaded, folder)

    assert await dbo_contents(loaded) == changed


async def test_a_restore_is_refused_while_a_sync_runs(loaded, backup, migrated_database_url):
    folder, _ = backup
    sync = await connect(migrated_database_url)
    try:
        async with sync.transaction():
            await sync.execute("SELECT pg_advisory_xact_lock($1)", SYNC_LOCK_KEY)
            with pytest.raises(
                SyncRunning,
                match=r"^a sync or another restore is running; restore once it has finished$",
            ):
                await restore_backup(loaded, folder)
    finally:
        await sync.close()


async def test_a_folder_without_a_manifest_is_refused(connection, tmp_path):
    with pytest.raises(BackupInvalid) as refused:
        await restore_backup(connection, tmp_path)

    assert str(refused.value) == f"{tmp_path}: no manifest.json; not a backup, or an unfinished one"
