"""The dashboard's own SQL: lookups and the sync history, which are not KPIs."""

from functools import cache
from pathlib import Path

QUERIES_DIR = Path(__file__).resolve().parent.parent / "sql"


@cache
def dashboard_query(name: str) -> str:
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
