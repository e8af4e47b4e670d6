"""Backups of every dbo table in folders under BACKUP_DIR: list, create, restore (admins only)."""

import re
from collections.abc import Iterator
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParameter
from pydantic import BaseModel, Field

from backend.backup.create import create_backup
from backend.backup.errors import (
    BackupError,
    BackupExists,
    BackupInvalid,
    SchemaMismatch,
    SyncRunning,
)
from backend.backup.manifest import MANIFEST_NAME, Manifest, read_manifest
from backend.backup.progress import TableDone
from backend.backup.restore import restore_backup
from backend.dependencies import Admin, PoolDep, SettingsDep
from backend.errors import ApiError
from backend.routes.sync import answers_renewed
from backend.schemas import ErrorBody

router = APIRouter(prefix="/admin/backups", tags=["backup"])

# One plain folder name: no separator and no leading dot, so never a way out of BACKUP_DIR.
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
BackupName = Annotated[str, PathParameter(pattern=NAME_PATTERN, description="a backup's name")]
REFUSALS: dict[type[BackupError], tuple[int, str]] = {
    BackupInvalid: (422, "backup_invalid"),
    SchemaMismatch: (409, "schema_incompatible"),
    SyncRunning: (409, "sync_running"),
    BackupExists: (409, "backup_exists"),
}
CREATE_ERRORS = {status: {"model": ErrorBody} for status in (409, 422)}
RESTORE_ERRORS = {status: {"model": ErrorBody} for status in (404, 409, 422)}


class NewBackup(BaseModel):
    name: str | None = Field(
        default=None, pattern=NAME_PATTERN, description="default: backup-<UTC time>"
    )


class StoredBackup(Manifest):
    name: str


class RestoredTable(BaseModel):
    table: str
    rows: int
    seconds: float


class Restored(BaseModel):
    name: str
    backup_created_at: datetime
    schema_version: int
    tables: list[RestoredTable]
    seconds: float


def get_backup_root(settings: SettingsDep) -> Path:
    return settings.backup_dir


BackupRoot = Annotated[Path, Depends(get_backup_root)]


def refusal(error: BackupError) -> ApiError:
    status, code = REFUSALS.get(type(error), (409, "backup_refused"))
    return ApiError(status, code, str(error))


def finished_backups(root: Path) -> Iterator[StoredBackup]:
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if re.fullmatch(NAME_PATTERN, folder.name) and (folder / MANIFEST_NAME).is_file():
            with suppress(BackupInvalid):
                yield StoredBackup(name=folder.name, **read_manifest(folder).model_dump())


@router.get("", response_model=list[StoredBackup], summary="Finished backups, newest first")
async def list_backups(_: Admin, root: BackupRoot) -> list[StoredBackup]:
    return sorted(finished_backups(root), key=lambda backup: backup.created_at, reverse=True)


@router.post(
    "",
    status_code=201,
    response_model=StoredBackup,
    responses=CREATE_ERRORS,
    summary="Back up every dbo table into a new folder under BACKUP_DIR",
)
async def create(
    _: Admin, pool: PoolDep, root: BackupRoot, body: NewBackup | None = None
) -> StoredBackup:
    name = (body and body.name) or datetime.now(UTC).strftime("backup-%Y%m%dT%H%M%SZ")
    folder = root / name
    root.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        raise ApiError(409, "backup_exists", f"a backup named {name!r} exists") from None
    try:
        async with pool.acquire() as connection:
            manifest = await create_backup(connection, folder)
    except BaseException as error:
        folder.rmdir()
        if isinstance(error, BackupError):
            raise refusal(error) from None
        raise
    return StoredBackup(name=name, **manifest.model_dump())


@router.post(
    "/{name}/restore",
    response_model=Restored,
    responses=RESTORE_ERRORS,
    summary="Replace every dbo table with a backup's rows, in one transaction",
)
async def restore(
    _: Admin, request: Request, pool: PoolDep, root: BackupRoot, name: BackupName
) -> Restored:
    folder = root / name
    if not folder.is_dir():
        raise ApiError(404, "not_found", f"no backup named {name!r}")
    started = perf_counter()
    tables: list[TableDone] = []
    try:
        async with answers_renewed(request), pool.acquire() as connection:
            manifest = await restore_backup(connection, folder, tables.append)
    except BackupError as error:
        raise refusal(error) from None
    return Restored(
        name=name,
        backup_created_at=manifest.created_at,
        schema_version=manifest.schema_version,
        tables=[RestoredTable(**vars(done)) for done in tables],
        seconds=perf_counter() - started,
    )
