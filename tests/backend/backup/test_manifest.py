"""What a backup's manifest records: every table's rows and checksum, and the schema version."""

import hashlib
import json

import pytest

from backend.backup.create import create_backup
from backend.backup.errors import BackupExists
from backend.backup.tables import TABLES
from db.migration_files import read_migrations


async def test_the_manifest_lists_every_table_with_its_row_count_and_checksum(loaded, backup):
    folder, _ = backup
    written = json.loads((folder / "manifest.json").read_text())

    expected = [
        {
            "table": table,
            "file": f"{table}.avro",
            "rows": await loaded.fetchval(f"SELECT count(*) FROM dbo.{table}"),
            "sha256": hashlib.sha256((folder / f"{table}.avro").read_bytes()).hexdigest(),
        }
        for table in TABLES
    ]
    assert written["tables"] == expected


async def test_the_manifest_records_the_latest_applied_migration(backup):
    folder, _ = backup
    written = json.loads((folder / "manifest.json").read_text())

    assert written["schema_version"] == read_migrations()[-1].version


async def test_the_folder_holds_the_manifest_and_one_file_per_table(backup):
    folder, _ = backup

    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["manifest.json", *(f"{table}.avro" for table in TABLES)]
    )


async def test_a_backup_into_a_folder_that_is_not_empty_is_refused(connection, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")

    with pytest.raises(BackupExists, match="is not empty; back up into a new folder"):
        await create_backup(connection, tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]
