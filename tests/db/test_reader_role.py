import asyncpg
import pytest

from db.dsn import with_user

READER = "leave_reader"


@pytest.fixture
async def reader(migrated_database_url, connection):
    await connection.execute(
        "INSERT INTO dbo.departments (name) VALUES ('Engineering');"
        "INSERT INTO ops.sync_runs (trigger) VALUES ('manual');"
    )
    conn = await asyncpg.connect(with_user(migrated_database_url, READER))
    yield conn
    await conn.close()


async def test_the_reader_can_select_from_dbo(reader):
    assert await reader.fetchval("SELECT name FROM dbo.departments") == "Engineering"


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO dbo.departments (name) VALUES ('Sales')",
        "UPDATE dbo.departments SET name = 'Sales'",
        "DELETE FROM dbo.departments",
        "TRUNCATE dbo.departments",
        "SELECT * FROM ops.sync_runs",
        "SELECT * FROM raw.imported_leave_information",
        "CALL dbo.merge_snapshot(NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        "CREATE TABLE dbo.intruder (id int)",
    ],
)
async def test_the_reader_cannot_write_or_read_outside_what_is_published(reader, statement):
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await reader.execute(statement)
