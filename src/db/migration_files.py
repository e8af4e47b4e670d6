"""The versioned migration files: `NNNN_slug.up.sql` with a matching `NNNN_slug.down.sql`."""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from db.sql_files import MIGRATIONS_DIR

FILE_NAME = re.compile(r"^(?P<version>\d{4})_(?P<name>[a-z0-9_]+)\.(?P<direction>up|down)\.sql$")


class MigrationFilesError(Exception):
    """The migrations folder is not in a state we can apply."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    up_sql: str
    down_sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.up_sql.encode("utf-8")).hexdigest()

    @property
    def label(self) -> str:
        return f"{self.version:04d}_{self.name}"


def read_migrations(folder: Path = MIGRATIONS_DIR) -> list[Migration]:
    """All migrations in version order; every up file needs its down file and vice versa."""
    found: dict[tuple[int, str], dict[str, str]] = {}
    for path in sorted(folder.glob("*.sql")):
        match = FILE_NAME.match(path.name)
        if match is None:
            raise MigrationFilesError(
                f"{path.name}: expected NNNN_slug.up.sql or NNNN_slug.down.sql"
            )
        key = (int(match["version"]), match["name"])
        found.setdefault(key, {})[match["direction"]] = path.read_text(encoding="utf-8")

    migrations = []
    for (version, name), sql in sorted(found.items()):
        missing = {"up", "down"} - sql.keys()
        if missing:
            raise MigrationFilesError(f"{version:04d}_{name}: no {missing.pop()}.sql file")
        migrations.append(Migration(version, name, sql["up"], sql["down"]))

    versions = [migration.version for migration in migrations]
    if len(versions) != len(set(versions)):
        raise MigrationFilesError("two migrations share a version number")
    return migrations
