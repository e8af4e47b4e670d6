"""Which tables a backup holds, in the order a restore loads them, and how they are defined."""

import hashlib
import json
from dataclasses import astuple, dataclass

import asyncpg

from backend.backup.errors import BackupError
from db.sql_files import query

# Every dbo table, parents before children so that each foreign key finds its row already
# loaded. The only table names that ever reach SQL text.
TABLES = (
    "departments",
    "designations",
    "team_managers",
    "leave_issuers",
    "leave_types",
    "fiscal_years",
    "allocations",
    "employees",
    "employee_allocations",
    "employee_leave_issuer",
    "employee_leaves",
)

# Rows held in memory at a time, whatever the size of the table.
CHUNK_ROWS = 5000


@dataclass(frozen=True)
class Column:
    name: str
    pg_type: str
    not_null: bool
    identity: bool


@dataclass(frozen=True)
class TableShape:
    name: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def identity_columns(self) -> list[Column]:
        return [column for column in self.columns if column.identity]


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def qualified(table: str) -> str:
    if table not in TABLES:
        raise ValueError(f"{table!r} is not a table backups hold")
    return f"dbo.{quoted(table)}"


def file_name(table: str) -> str:
    return f"{table}.avro"


async def read_table_shapes(connection: asyncpg.Connection) -> list[TableShape]:
    """The dbo tables in TABLES order; refuses a database whose dbo tables are other ones."""
    columns: dict[str, list[Column]] = {}
    for row in await connection.fetch(query("backup/dbo_columns")):
        column = Column(row["column_name"], row["column_type"], row["not_null"], row["is_identity"])
        columns.setdefault(row["table_name"], []).append(column)
    if not columns:
        raise BackupError("the database has no dbo tables; run `python migrate.py --up` first")
    unknown, missing = sorted(columns.keys() - set(TABLES)), sorted(set(TABLES) - columns.keys())
    if unknown or missing:
        raise BackupError(
            f"the dbo tables differ from those backups know (unknown: {unknown or 'none'}, "
            f"missing: {missing or 'none'}); update backend/backup/tables.py"
        )
    return [TableShape(table, tuple(columns[table])) for table in TABLES]


def schema_fingerprint(shapes: list[TableShape]) -> str:
    """Changes whenever a dbo table or a column's name, type, nullability or identity does."""
    definition = [
        [shape.name, [astuple(column) for column in shape.columns]]
        for shape in sorted(shapes, key=lambda shape: shape.name)
    ]
    return hashlib.sha256(json.dumps(definition).encode()).hexdigest()


async def read_schema_version(connection: asyncpg.Connection) -> int:
    return await connection.fetchval(query("backup/schema_version"))


def select_all_sql(table: str) -> str:
    return query("backup/read_table").format(table=qualified(table))


def truncate_all_sql() -> str:
    return query("backup/truncate_tables").format(tables=", ".join(map(qualified, TABLES)))


def analyze_sql(table: str) -> str:
    return query("backup/analyze_table").format(table=qualified(table))


def advance_identity_sql(table: str, column: Column) -> str:
    return query("backup/advance_identity").format(
        table=qualified(table), column=quoted(column.name)
    )
