"""COPY into the raw tables a run loads: the changed records, and every valid id fetched."""

import asyncpg

from backend.ingest.raw_rows import RAW_COLUMNS


async def copy_raw_rows(connection: asyncpg.Connection, rows: list[tuple]) -> None:
    await connection.copy_records_to_table(
        "imported_leave_information", schema_name="raw", columns=RAW_COLUMNS, records=rows
    )


async def copy_fetched_ids(connection: asyncpg.Connection, ids: list[tuple[int, int]]) -> None:
    """(id, ordinal) of valid records: which leaves the snapshot holds, and which copy of an id
    fetched twice is the later one."""
    await connection.copy_records_to_table(
        "fetched_leaves", schema_name="raw", columns=("id", "ordinal"), records=ids
    )
