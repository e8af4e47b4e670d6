"""manifest.json: what a backup holds, and the checks a restore makes before it touches data."""

import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import Literal

import fastavro
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from backend.backup.errors import BackupInvalid, SchemaMismatch
from backend.backup.tables import TABLES, file_name

MANIFEST_NAME = "manifest.json"


class TableFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    table: str
    file: str
    rows: int = Field(ge=0)
    sha256: str = Field(pattern="^[0-9a-f]{64}$")


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["leave-analytics-backup/1"] = "leave-analytics-backup/1"
    created_at: datetime
    schema_version: int
    schema_fingerprint: str
    tables: list[TableFile]

    @property
    def rows(self) -> int:
        return sum(entry.rows for entry in self.tables)

    def rows_of(self, table: str) -> int:
        return sum(entry.rows for entry in self.tables if entry.table == table)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Written last and renamed into place: a folder without it is no (finished) backup."""
    partial = folder / f"{MANIFEST_NAME}.partial"
    partial.write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    os.replace(partial, folder / MANIFEST_NAME)


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise BackupInvalid(f"{folder}: no {MANIFEST_NAME}; not a backup, or an unfinished one")
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "(document)"
        raise BackupInvalid(f"{path}: not a backup manifest: {where}: {problem['msg']}") from None


def file_sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def count_avro_rows(path: Path) -> int:
    """Counted from the block headers, without decoding a single row."""
    with path.open("rb") as file:
        try:
            return sum(block.num_records for block in fastavro.block_reader(file))
        except (ValueError, EOFError):
            raise BackupInvalid(f"{path}: not a readable Avro file") from None


def refuse_other_schema(manifest: Manifest, fingerprint: str, version: int) -> None:
    if manifest.schema_fingerprint != fingerprint:
        raise SchemaMismatch(
            f"the backup is of schema version {manifest.schema_version}, whose dbo tables differ "
            f"from this database's (version {version}); restore it into a database migrated to "
            f"version {manifest.schema_version}"
        )


def verify_files(folder: Path, manifest: Manifest) -> None:
    """Every table once, each file whole: its checksum and its row count as recorded."""
    if [entry.table for entry in manifest.tables] != list(TABLES):
        raise BackupInvalid(f"{folder}: the manifest lists other tables than {', '.join(TABLES)}")
    for entry in manifest.tables:
        path = folder / file_name(entry.table)
        if entry.file != path.name:
            raise BackupInvalid(f"{folder}: the manifest names {entry.file!r}, not {path.name!r}")
        if not path.is_file():
            raise BackupInvalid(f"{folder}: {path.name} is missing")
        if file_sha256(path) != entry.sha256:
            raise BackupInvalid(f"{folder}: {path.name} does not match its checksum; damaged?")
        if count_avro_rows(path) != entry.rows:
            raise BackupInvalid(f"{folder}: {path.name} holds another number of rows than listed")
