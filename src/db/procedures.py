"""Stored procedures: one per file, (re)created in the order of `manifest.txt` on every `--up`."""

from pathlib import Path

import asyncpg

from db.sql_files import PROCEDURES_DIR

MANIFEST = "manifest.txt"


def read_procedure_files(folder: Path = PROCEDURES_DIR) -> list[Path]:
    """The procedure files in manifest order; a file missing from either side is an error."""
    listed = [
        line.strip()
        for line in (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    on_disk = {path.name for path in folder.glob("*.sql")}
    if missing := [name for name in listed if name not in on_disk]:
        raise FileNotFoundError(f"{MANIFEST} lists files that do not exist: {missing}")
    if unlisted := sorted(on_disk - set(listed)):
        raise ValueError(f"procedure files not in {MANIFEST}: {unlisted}")
    return [folder / name for name in listed]


async def apply_procedures(connection: asyncpg.Connection, files: list[Path]) -> None:
    async with connection.transaction():
        for path in files:
            await connection.execute(path.read_text(encoding="utf-8"))
