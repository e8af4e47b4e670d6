"""Avro schemas of the dbo tables, derived from their PostgreSQL column types.

Each type maps to the Avro type that holds every value of it exactly: numeric(p,s) becomes a
decimal of the same precision and scale, timestamptz microseconds since the epoch (PostgreSQL's
own resolution), date days since the epoch.
"""

import re
from typing import Any

from fastavro import parse_schema

from backend.backup.errors import BackupError
from backend.backup.tables import Column, TableShape

NAMESPACE = "leave_analytics.dbo"
AVRO_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
NUMERIC = re.compile(r"numeric\((?P<precision>\d+),(?P<scale>\d+)\)")
AVRO_TYPES: dict[str, Any] = {
    "integer": "int",
    "bigint": "long",
    "text": "string",
    "boolean": "boolean",
    "date": {"type": "int", "logicalType": "date"},
    "timestamp with time zone": {"type": "long", "logicalType": "timestamp-micros"},
}


def avro_type_of(table: str, column: Column) -> Any:
    if column.pg_type in AVRO_TYPES:
        avro_type = AVRO_TYPES[column.pg_type]
    elif numeric := NUMERIC.fullmatch(column.pg_type):
        avro_type = {
            "type": "bytes",
            "logicalType": "decimal",
            "precision": int(numeric["precision"]),
            "scale": int(numeric["scale"]),
        }
    else:
        raise BackupError(
            f"dbo.{table}.{column.name} is of type {column.pg_type}, which backups cannot hold yet"
        )
    return avro_type if column.not_null else ["null", avro_type]


def avro_field_of(table: str, column: Column) -> dict[str, Any]:
    if not AVRO_NAME.fullmatch(column.name):
        raise BackupError(f"dbo.{table}.{column.name}: Avro field names allow [A-Za-z0-9_] only")
    return {"name": column.name, "type": avro_type_of(table, column)}


def avro_schema_of(shape: TableShape) -> dict[str, Any]:
    return parse_schema(
        {
            "type": "record",
            "name": shape.name,
            "namespace": NAMESPACE,
            "fields": [avro_field_of(shape.name, column) for column in shape.columns],
        }
    )
