"""A pool of read-only connections behind a synchronous interface, for Streamlit scripts."""

from collections.abc import Callable
from datetime import date
from typing import Any

import asyncpg

from db.kpi.fetch import KpiResult, fetch_kpi
from db.kpi.filters import KpiFilters
from db.pool import create_pool
from visualization.database.loop_thread import LoopThread

QUERY_TIMEOUT_SECONDS = 60
# What a database that is down, unreachable, or not migrated raises.
DATABASE_ERRORS = (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError)


class Reader:
    def __init__(self, loop: LoopThread, pool: asyncpg.Pool, on_close: Callable[[], Any]) -> None:
        self.loop = loop
        self.pool = pool
        self.on_close = on_close

    @classmethod
    def open(cls, url: str, on_close: Callable[[], Any] = lambda: None) -> "Reader":
        """Connects at once, so a wrong URL or a missing role fails here, not mid-page."""
        loop = LoopThread()
        try:
            pool = loop.run(create_pool(url, min_size=1, max_size=4), QUERY_TIMEOUT_SECONDS)
        except BaseException:
            loop.stop()
            raise
        return cls(loop, pool, on_close)

    def kpi(
        self,
        name: str,
        filters: KpiFilters,
        *,
        limit: int | None = None,
        as_of: date | None = None,
        weekend_days: list[int],
    ) -> KpiResult:
        async def fetch() -> KpiResult:
            async with self.pool.acquire() as connection:
                return await fetch_kpi(
                    connection, name, filters, limit=limit, as_of=as_of, weekend_days=weekend_days
                )

        return self.loop.run(fetch(), QUERY_TIMEOUT_SECONDS)

    def fetch(self, sql: str, *arguments: Any) -> list[asyncpg.Record]:
        return self.loop.run(self.pool.fetch(sql, *arguments), QUERY_TIMEOUT_SECONDS)

    def close(self) -> None:
        try:
            self.loop.run(self.pool.close(), QUERY_TIMEOUT_SECONDS)
        finally:
            self.loop.stop()
            self.on_close()
