import asyncio
import shutil
from pathlib import Path

import asyncpg
import pytest

from db.migration_files import read_migrations
from db.migrator import MigrationError, Migrator
from db.sql_files import MIGRATIONS_DIR
from tests.catalog import catalog_snapshot


async def migrate_up(url: str, folder: Path = MIGRATIONS_DIR) -> list:
    connection = await asyncpg.connect(url)
    try:
        return await Migrator(connection, read_migrations(folder)).up()
    finally:
        await connection.close()


async def test_up_applies_every_migration_and_records_its_checksum(empty_database_url):
    applied = await migrate_up(empty_database_url)

    connection = await asyncpg.connect(empty_database_url)
    history = await connection.fetch(
        "SELECT version, name, checksum, execution_ms"
        " FROM public.schema_migrations ORDER BY version"
    )
    await connection.close()
    assert [(row["version"], row["name"], row["checksum"]) for row in history] == [
        (migration.version, migration.name, migration.checksum) for migration in read_migrations()
    ]
    assert len(applied) == len(read_migrations())
    assert all(row["execution_ms"] >= 0 for row in history)


async def test_a_second_up_applies_nothing(empty_database_url):
    await migrate_up(empty_database_url)

    assert await migrate_up(empty_database_url) == []


async def test_down_then_up_gives_back_an_identical_catalog(empty_database_url):
    await migrate_up(empty_database_url)
    connection = await asyncpg.connect(empty_database_url)
    try:
        original = await catalog_snapshot(connection)
        migrator = Migrator(connection, read_migrations())

        reverted = await migrator.down()
        emptied = await catalog_snapshot(connection)
        await migrator.up()
        rebuilt = await catalog_snapshot(connection)
    finally:
        await connection.close()

    assert len(reverted) == len(read_migrations())
    assert emptied["relations"] == set()
    assert rebuilt == original


async def test_down_with_steps_reverts_only_the_latest(empty_database_url):
    await migrate_up(empty_database_url)
    connection = await asyncpg.connect(empty_database_url)
    try:
        migrator = Migrator(connection, read_migrations())
        reverted = await migrator.down(steps=1)
        states = {state.version: state.state for state in await migrator.status()}
    finally:
        await connection.close()

    latest = read_migrations()[-1].version
    assert [migration.version for migration in reverted] == [latest]
    assert states[latest] == "pending"
    assert [state for version, state in states.items() if version != latest] == ["applied"] * (
        len(states) - 1
    )


async def test_up_refuses_when_an_applied_file_was_edited(empty_database_url, tmp_path):
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    await migrate_up(empty_database_url, folder)
    first = sorted(folder.glob("0001_*.up.sql"))[0]
    first.write_text(first.read_text() + "\n-- edited after it was applied\n")

    with pytest.raises(MigrationError, match=r"0001_.*changed"):
        await migrate_up(empty_database_url, folder)


async def test_two_concurrent_ups_leave_one_consistent_result(empty_database_url):
    results = await asyncio.gather(migrate_up(empty_database_url), migrate_up(empty_database_url))

    connection = await asyncpg.connect(empty_database_url)
    versions = await connection.fetch(
        "SELECT version FROM public.schema_migrations ORDER BY version"
    )
    await connection.close()
    assert sorted(len(applied) for applied in results) == [0, len(read_migrations())]
    assert [row["version"] for row in versions] == [m.version for m in read_migrations()]
