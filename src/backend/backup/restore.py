"""Replace every dbo table with a backup's rows, in one transaction, after checking the backup."""

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import asyncpg
import fastavro

from backend.backup.errors import SyncRunning
from backend.backup.manifest import Manifest, read_manifest, refuse_other_schema, verify_files
from backend.backup.progress import Report, TableDone, ignore
from backend.backup.tables import (
    CHUNK_ROWS,
    TableShape,
    advance_identity_sql,
    analyze_sql,
    file_name,
    qualified,
    read_schema_version,
    read_table_shapes,
    schema_fingerprint,
    truncate_all_sql,
)
from backend.services.runs import SYNC_LOCK_KEY
from db.sql_files import query

TRUNCATE_TRIES = 3


async def restore_backup(
    connection: asyncpg.Connection, folder: Path, report: Report = ignore
) -> Manifest:
    """Every check passes before the first row changes; any failure later rolls all back."""
    manifest = read_manifest(folder)
    async with connection.transaction():
        # A sync merging meanwhile would interleave its rows with the backup's.
        if not await connection.fetchval(query("sync/try_lock"), SYNC_LOCK_KEY):
            raise SyncRunning("a sync or another restore is running; restore once it has finished")
        shapes = await read_table_shapes(connection)
        version = await read_schema_version(connection)
        refuse_other_schema(manifest, schema_fingerprint(shapes), version)
        await asyncio.to_thread(verify_files, folder, manifest)
        await truncate_every_table(connection)
        # What the syncs remembered of dbo no longer describes it: the next sync merges all.
        await connection.execute(query("sync/forget_fingerprints"))
        for shape in shapes:
            await restore_table(connection, shape, folder, report)
        await connection.execute(query("sync/refresh_all_reporting"))
        await connection.execute(
            query("sync_runs/record_restore"), manifest.rows_of("employee_leaves")
        )
    return manifest


async def truncate_every_table(connection: asyncpg.Connection) -> None:
    """TRUNCATE locks the tables one after another, while a reader (a KPI, answers computed ahead
    after a run) may already hold a later one and wait for an earlier one: PostgreSQL breaks such
    a deadlock by failing one side. When that is this side, only the TRUNCATE's savepoint rolls
    back (and its locks go), so the reader finishes and the TRUNCATE is tried again."""
    for attempt in range(1, TRUNCATE_TRIES + 1):
        try:
            async with connection.transaction():
                await connection.execute(truncate_all_sql())
            return
        except asyncpg.DeadlockDetectedError:
            if attempt == TRUNCATE_TRIES:
                raise


async def restore_table(
    connection: asyncpg.Connection, shape: TableShape, folder: Path, report: Report
) -> None:
    started = time.perf_counter()
    rows = 0
    with avro_rows(folder / file_name(shape.name)) as records:
        while chunk := await asyncio.to_thread(next_chunk, records):
            await connection.copy_records_to_table(
                shape.name, schema_name="dbo", columns=shape.column_names, records=chunk
            )
            rows += len(chunk)
    await connection.execute(analyze_sql(shape.name))
    for column in shape.identity_columns:
        await connection.execute(
            advance_identity_sql(shape.name, column), qualified(shape.name), column.name
        )
    report(TableDone(shape.name, rows, time.perf_counter() - started))


@contextmanager
def avro_rows(path: Path) -> Iterator[Iterator[dict[str, Any]]]:
    with path.open("rb") as file:
        yield iter(fastavro.reader(file))


def next_chunk(records: Iterator[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Field values in schema order, which is the table's column order."""
    return [tuple(record.values()) for record in islice(records, CHUNK_ROWS)]
