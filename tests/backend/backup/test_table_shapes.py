"""What a backup accepts of the dbo tables, and the Avro types it stores their columns as."""

import pytest

from backend.backup.avro_schemas import avro_schema_of
from backend.backup.create import create_backup
from backend.backup.errors import BackupError
from backend.backup.tables import Column, TableShape


def test_each_column_type_maps_to_an_exact_avro_type_and_nullable_ones_allow_null():
    shape = TableShape(
        "example",
        (
            Column("id", "integer", not_null=True, identity=True),
            Column("big", "bigint", not_null=True, identity=False),
            Column("note", "text", not_null=False, identity=False),
            Column("flag", "boolean", not_null=True, identity=False),
            Column("day", "date", not_null=True, identity=False),
            Column("at", "timestamp with time zone", not_null=False, identity=False),
            Column("days", "numeric(6,2)", not_null=True, identity=False),
        ),
    )

    fields = {field["name"]: field["type"] for field in avro_schema_of(shape)["fields"]}

    assert fields == {
        "id": "int",
        "big": "long",
        "note": ["null", "string"],
        "flag": "boolean",
        "day": {"type": "int", "logicalType": "date"},
        "at": ["null", {"type": "long", "logicalType": "timestamp-micros"}],
        "days": {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2},
    }


async def test_a_column_type_backups_cannot_hold_is_refused(connection, tmp_path):
    await connection.execute("ALTER TABLE dbo.departments ADD COLUMN extra jsonb")

    with pytest.raises(BackupError) as refused:
        await create_backup(connection, tmp_path / "backup")

    assert str(refused.value) == (
        "dbo.departments.extra is of type jsonb, which backups cannot hold yet"
    )
    assert list((tmp_path / "backup").iterdir()) == []


async def test_a_dbo_table_backups_do_not_know_is_refused(connection, tmp_path):
    await connection.execute("CREATE TABLE dbo.notes (id bigint)")

    with pytest.raises(BackupError) as refused:
        await create_backup(connection, tmp_path / "backup")

    assert str(refused.value) == (
        "the dbo tables differ from those backups know (unknown: ['notes'], missing: none); "
        "update backend/backup/tables.py"
    )
