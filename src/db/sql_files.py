"""SQL kept in files: migrations, procedures and named queries."""

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).parent / "sql"
MIGRATIONS_DIR = SQL_DIR / "migrations"
PROCEDURES_DIR = SQL_DIR / "procedures"
QUERIES_DIR = SQL_DIR / "queries"


@cache
def query(name: str) -> str:
    """The text of a named query: `query("sync/merge_snapshot")` reads sync/merge_snapshot.sql."""
    path = (QUERIES_DIR / f"{name}.sql").resolve()
    if QUERIES_DIR.resolve() not in path.parents:
        raise ValueError(f"query name {name!r} leaves the queries folder")
    return path.read_text(encoding="utf-8")
