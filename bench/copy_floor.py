"""The floor: PostgreSQL's own COPY of the same rows from a CSV file into the raw table."""

import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import orjson

from backend.ingest.raw_rows import RAW_COLUMNS
from db.sql_files import query

COPY_FROM_FILE = (
    f"COPY raw.imported_leave_information ({', '.join(RAW_COLUMNS)}) FROM '{{path}}' "
    "WITH (FORMAT csv)"
)


def csv_cell(value: Any) -> str:
    """NULL is an empty unquoted cell; every value is quoted, so '' stays an empty string."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        value = orjson.dumps(value).decode()
    return '"' + str(value).replace('"', '""') + '"'


@contextmanager
def rows_as_csv(rows: Sequence[tuple[Any, ...]]) -> Iterator[Path]:
    """The rows in a CSV file the server's own user can read (it runs as another user)."""
    folder = Path(tempfile.mkdtemp(prefix="leave-analytics-floor-"))
    folder.chmod(0o755)
    path = folder / "raw_rows.csv"
    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            for row in rows:
                out.write(",".join(csv_cell(value) for value in row) + "\n")
        path.chmod(0o644)
        yield path
    finally:
        path.unlink(missing_ok=True)
        os.rmdir(folder)


async def copy_from_file(database_url: str, path: Path) -> tuple[float, str]:
    """Seconds for COPY of the file into the raw table (then rolled back), and how the file was
    read: by the server itself, or streamed by the client where the server may not read it."""
    connection = await asyncpg.connect(database_url)
    transaction = connection.transaction()
    await transaction.start()
    try:
        await connection.execute(query("sync/truncate_raw"))
        began = time.perf_counter()
        try:
            async with connection.transaction():
                await connection.execute(COPY_FROM_FILE.format(path=path))
            method = "server-side COPY FROM file"
        except asyncpg.InsufficientPrivilegeError:
            began = time.perf_counter()
            await connection.copy_to_table(
                "imported_leave_information",
                schema_name="raw",
                columns=RAW_COLUMNS,
                source=path,
                format="csv",
            )
            method = "COPY FROM STDIN (the client streams the file)"
        return time.perf_counter() - began, method
    finally:
        await transaction.rollback()
        await connection.close()


@dataclass(frozen=True)
class FloorRun:
    seconds: float
    method: str
    rows: int


async def floor_runs(
    database_url: str, rows: Sequence[tuple[Any, ...]], repeats: int
) -> list[FloorRun]:
    """COPY of `rows` from a CSV file into the raw table, `repeats` times."""
    runs = []
    with rows_as_csv(rows) as path:
        for _ in range(repeats):
            seconds, method = await copy_from_file(database_url, path)
            runs.append(FloorRun(seconds, method, len(rows)))
    return runs
