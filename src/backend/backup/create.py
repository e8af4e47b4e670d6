"""Write every dbo table to DIR/<table>.avro, then DIR/manifest.json."""

import asyncio
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from fastavro.write import Writer

from backend.backup.avro_schemas import avro_schema_of
from backend.backup.errors import BackupExists
from backend.backup.manifest import Manifest, TableFile, file_sha256, write_manifest
from backend.backup.progress import Report, TableDone, ignore
from backend.backup.tables import (
    CHUNK_ROWS,
    TABLES,
    TableShape,
    file_name,
    read_schema_version,
    read_table_shapes,
    schema_fingerprint,
    select_all_sql,
)


async def create_backup(
    connection: asyncpg.Connection, folder: Path, report: Report = ignore
) -> Manifest:
    """Back up into `folder`, which must be missing or empty; a failed backup leaves it empty."""
    prepare_empty_folder(folder)
    started_at = datetime.now(UTC)
    try:
        # One snapshot for every table, so the backup is as consistent as a single query.
        async with connection.transaction(isolation="repeatable_read", readonly=True):
            shapes = await read_table_shapes(connection)
            version = await read_schema_version(connection)
            files = [await back_up_table(connection, shape, folder, report) for shape in shapes]
    except BaseException:
        remove_table_files(folder)
        raise
    manifest = Manifest(
        created_at=started_at,
        schema_version=version,
        schema_fingerprint=schema_fingerprint(shapes),
        tables=files,
    )
    write_manifest(folder, manifest)
    return manifest


async def back_up_table(
    connection: asyncpg.Connection, shape: TableShape, folder: Path, report: Report
) -> TableFile:
    started = time.perf_counter()
    path = folder / file_name(shape.name)
    rows = 0
    with avro_writer(path, avro_schema_of(shape)) as writer:
        cursor = await connection.cursor(select_all_sql(shape.name))
        while chunk := await cursor.fetch(CHUNK_ROWS):
            await asyncio.to_thread(write_rows, writer, chunk)
            rows += len(chunk)
    checksum = await asyncio.to_thread(file_sha256, path)
    report(TableDone(shape.name, rows, time.perf_counter() - started))
    return TableFile(table=shape.name, file=path.name, rows=rows, sha256=checksum)


def prepare_empty_folder(folder: Path) -> None:
    if folder.exists() and any(folder.iterdir()):
        raise BackupExists(f"{folder} is not empty; back up into a new folder")
    folder.mkdir(parents=True, exist_ok=True)


@contextmanager
def avro_writer(path: Path, schema: dict[str, Any]) -> Iterator[Writer]:
    with path.open("wb") as file:
        writer = Writer(file, schema, codec="deflate")
        yield writer
        writer.flush()


def write_rows(writer: Writer, rows: Sequence[asyncpg.Record]) -> None:
    for row in rows:
        writer.write(dict(row))


def remove_table_files(folder: Path) -> None:
    for table in TABLES:
        (folder / file_name(table)).unlink(missing_ok=True)
