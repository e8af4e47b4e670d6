"""The earlier service's way in: one INSERT per record into the raw table, inside one
transaction, then the same MERGE and reporting refresh as the sync."""

import time
from dataclasses import dataclass

from backend.ingest.raw_rows import RAW_COLUMNS
from backend.services.sync import SyncOptions
from backend.settings import Settings
from bench.snapshot_rows import fetch_rows
from db.pool import connect
from db.sql_files import query

# Built from the constant column list only; no value ever goes into the text.
INSERT_ONE = (
    f"INSERT INTO raw.imported_leave_information ({', '.join(RAW_COLUMNS)}) "  # noqa: S608
    f"VALUES ({', '.join(f'${n}' for n in range(1, len(RAW_COLUMNS) + 1))})"
)
# The MERGE reads every valid id fetched from raw.fetched_leaves (the sync COPYs them beside the
# rows); with every record in raw, they are its ids. Without them, every leave is "missing".
LIST_FETCHED_IDS = (
    "INSERT INTO raw.fetched_leaves (id, ordinal)"
    " SELECT id::bigint, ordinal FROM raw.imported_leave_information"
)


@dataclass
class RowByRowRun:
    fetch_and_rows: float
    inserts: float
    merge: float
    refresh: float
    rows: int

    @property
    def seconds(self) -> float:
        return self.fetch_and_rows + self.inserts + self.merge + self.refresh

    def as_json(self) -> dict[str, float | int]:
        return {
            "seconds": round(self.seconds, 4),
            "fetch + rows": round(self.fetch_and_rows, 4),
            "INSERT per row": round(self.inserts, 4),
            "MERGE": round(self.merge, 4),
            "reporting refresh": round(self.refresh, 4),
            "rows": self.rows,
        }


async def row_by_row_sync(
    database_url: str, settings: Settings, options: SyncOptions
) -> RowByRowRun:
    """Fetch every page, then `for row in rows: await conn.execute(insert, *row)`, then MERGE,
    all in one transaction, into the empty database at `database_url`."""
    fetched = await fetch_rows(settings, options)
    connection = await connect(database_url)
    try:
        async with connection.transaction():
            await connection.execute(query("sync/truncate_raw"))
            began = time.perf_counter()
            for row in fetched.rows:
                await connection.execute(INSERT_ONE, *row)
            await connection.execute(LIST_FETCHED_IDS)
            inserted = time.perf_counter()
            await connection.fetchrow(
                query("sync/merge_snapshot"), options.window.start, options.window.end
            )
            merged = time.perf_counter()
            await connection.execute(query("sync/refresh_reporting"))
        committed = time.perf_counter()
    finally:
        await connection.close()
    return RowByRowRun(
        fetched.seconds, inserted - began, merged - inserted, committed - merged, len(fetched.rows)
    )
