"""What the last run of a kind read, page by page. A page whose body the upstream answers byte
for byte as it did then holds the same records, so it need not be decoded or looked up again."""

from dataclasses import dataclass

import asyncpg

from backend.ingest.upstream import DateWindow
from db.sql_files import query


@dataclass(frozen=True)
class PageSummary:
    number: int
    body_hash: int
    records: int
    accepted: int
    total: int | None


@dataclass(frozen=True)
class PageSeries:
    """Which pages a run reads: those of another kind, window or page size are no guide."""

    kind: str
    window: DateWindow
    page_size: int


async def remembered_pages(
    connection: asyncpg.Connection, series: PageSeries
) -> dict[int, PageSummary]:
    rows = await connection.fetch(
        query("sync/remembered_pages"),
        series.kind,
        series.window.start,
        series.window.end,
        series.page_size,
    )
    return {row["page_number"]: PageSummary(*row.values()) for row in rows}


async def remember_pages(
    connection: asyncpg.Connection, series: PageSeries, pages: list[PageSummary]
) -> None:
    """Inside a transaction: the series' kind forgets its older pages first."""
    await connection.execute(query("sync/forget_pages_of_kind"), series.kind)
    await connection.execute(
        query("sync/remember_pages"),
        series.kind,
        series.window.start,
        series.window.end,
        series.page_size,
        [page.number for page in pages],
        [page.body_hash for page in pages],
        [page.records for page in pages],
        [page.accepted for page in pages],
        [page.total for page in pages],
    )
