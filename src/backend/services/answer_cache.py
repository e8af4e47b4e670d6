"""KPI answers kept in memory until the data they were read from changes.

Every succeeded run (sync, upload, restore) is a new data version. A replica learns of another
replica's run within VERSION_SECONDS, so an answer is never older than that past a sync.
"""

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass

import asyncpg

from db.sql_files import query

VERSION_SECONDS = 1.0


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


class AnswerCache:
    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self.entries: OrderedDict[Hashable, CachedAnswer] = OrderedDict()
        self.version: int | None = None
        self.version_read_at = float("-inf")

    async def answer(
        self,
        pool: asyncpg.Pool,
        question: Hashable,
        compute: Callable[[], Awaitable[CachedAnswer]],
    ) -> CachedAnswer:
        key = (await self.data_version(pool), question)
        if (cached := self.entries.get(key)) is not None:
            self.entries.move_to_end(key)
            return cached
        answer = await compute()
        self.entries[key] = answer
        if len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)
        return answer

    async def data_version(self, pool: asyncpg.Pool) -> int:
        now = time.monotonic()
        if self.version is None or now - self.version_read_at >= VERSION_SECONDS:
            version = await pool.fetchval(query("sync_runs/data_version"))
            if version != self.version:
                self.entries.clear()
            self.version, self.version_read_at = version, now
        return self.version
