"""KPI answers kept in memory until the data they were read from changes.

Every succeeded run (sync, upload, restore) is a new data version. A run of this process tells
the cache when it has finished (`data_changed`), so no answer older than it is served after
that; another process's run (a replica, another uvicorn worker, the backup CLI) is seen within
VERSION_SECONDS, when the version is read again.

A new version empties the cache at once. The answers most asked under the old version are then
computed again in the background, a few at a time, so that the burst of requests that follows
each sync finds most of them ready instead of all queueing for PostgreSQL. Concurrent requests
for the same answer share one computation.
"""

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg

from db.sql_files import query

logger = logging.getLogger(__name__)

VERSION_SECONDS = 1.0
# How many of the previous version's answers are computed again after a change, and how many
# at once: few enough to leave the pool to the requests that cannot wait.
WARM_ANSWERS = 300
WARM_CONCURRENCY = 2
# After a new version, every asker wants PostgreSQL at once. Answers that took HEAVY_SECONDS or
# more last time (unfiltered, all fiscal years: 100-300 ms alone) are computed HEAVY_CONCURRENCY
# at a time, so that they run at full speed and the cheap ones (one employee, one department in
# one year: a few ms) are not queued behind ten of them time-sharing two cores.
HEAVY_SECONDS = 0.05
HEAVY_CONCURRENCY = 2

Compute = Callable[[], Awaitable[Any]]
OpeningQuestions = Callable[[asyncpg.Pool], Awaitable[list[tuple[Hashable, Compute]]]]


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Entry:
    value: Any
    compute: Compute
    hits: int = 1


class AnswerCache:
    def __init__(
        self,
        max_entries: int = 4096,
        warm_answers: int = WARM_ANSWERS,
        opening_questions: OpeningQuestions | None = None,
    ) -> None:
        self.max_entries = max_entries
        self.warm_answers = warm_answers
        # What to answer ahead when no one has asked anything yet (at start, after a first sync).
        self.opening_questions = opening_questions
        # Answers of the current version only.
        self.entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self.running: dict[tuple[int, Hashable], asyncio.Future] = {}
        self.version: int | None = None
        self.version_read_at = float("-inf")
        self.version_reading: asyncio.Future | None = None
        self.warming: asyncio.Task | None = None
        # How long each question took last time, across versions: the slow ones take turns.
        self.costs: dict[Hashable, float] = {}
        self.heavy_lane = asyncio.Semaphore(HEAVY_CONCURRENCY)

    async def answer(self, pool: asyncpg.Pool, question: Hashable, compute: Compute) -> Any:
        version = await self.data_version(pool)
        if (entry := self.kept_entry(question)) is not None:
            return entry.value
        key = (version, question)
        if (running := self.running.get(key)) is None:
            running = asyncio.ensure_future(self.compute_and_keep(version, question, compute))
            self.running[key] = running
            running.add_done_callback(lambda done: self.finished(key, done))
        # A caller that goes away must not cancel what others are waiting for.
        return await asyncio.shield(running)

    async def kept_answer(self, pool: asyncpg.Pool, question: Hashable) -> Any | None:
        """The current version's answer if it is already known; None instead of computing it."""
        await self.data_version(pool)
        entry = self.kept_entry(question)
        return None if entry is None else entry.value

    def kept_entry(self, question: Hashable) -> Entry | None:
        if (entry := self.entries.get(question)) is not None:
            entry.hits += 1
            self.entries.move_to_end(question)
        return entry

    async def compute_and_keep(self, version: int, question: Hashable, compute: Compute) -> Any:
        if self.costs.get(question, 0.0) >= HEAVY_SECONDS:
            async with self.heavy_lane:
                value = await self.timed(question, compute)
        else:
            value = await self.timed(question, compute)
        # Read before the version changed: it may be stale, and the new version's is not.
        if version == self.version:
            self.entries[question] = Entry(value, compute)
            if len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
        return value

    async def timed(self, question: Hashable, compute: Compute) -> Any:
        started = time.monotonic()
        value = await compute()
        if len(self.costs) >= 4 * self.max_entries:
            self.costs.clear()
        self.costs[question] = time.monotonic() - started
        return value

    def finished(self, key: tuple[int, Hashable], done: asyncio.Future) -> None:
        if self.running.get(key) is done:
            del self.running[key]
        if not done.cancelled():
            done.exception()  # retrieved here too: every waiter may have gone

    async def data_version(self, pool: asyncpg.Pool) -> int:
        if self.version is not None and time.monotonic() - self.version_read_at < VERSION_SECONDS:
            return self.version
        # One read for every request that finds the version due, not one each.
        if self.version_reading is None or self.version_reading.done():
            self.version_reading = asyncio.ensure_future(self.read_version(pool))
        return await asyncio.shield(self.version_reading)

    async def data_changed(self, pool: asyncpg.Pool) -> None:
        """A run of this process finished: read the version again now, not when it is due.

        Never raises: when the read fails, the next request reads it instead."""
        self.version_reading = asyncio.ensure_future(self.read_version(pool))
        try:
            await asyncio.shield(self.version_reading)
        except Exception:
            self.version_read_at = float("-inf")
            logger.warning("the data version could not be read after a run", exc_info=True)

    @asynccontextmanager
    async def watching(self, pool: asyncpg.Pool) -> AsyncIterator[None]:
        """Around something that may change the data (a run): `data_changed` when it is done."""
        try:
            yield
        finally:
            await self.data_changed(pool)

    async def read_version(self, pool: asyncpg.Pool) -> int:
        version = await pool.fetchval(query("sync_runs/data_version"))
        if version != self.version:
            self.new_version(pool, first=not self.version, has_data=bool(version))
        self.version, self.version_read_at = version, time.monotonic()
        return version

    def new_version(self, pool: asyncpg.Pool, *, first: bool, has_data: bool) -> None:
        previous, self.entries = self.entries, OrderedDict()
        asked_again = [(q, entry.compute) for q, entry in previous.items() if entry.hits > 1]
        # Most asked first (sort is stable: equally asked stay in least-recent-first order).
        asked_again.sort(key=lambda item: previous[item[0]].hits, reverse=True)
        if self.warming is not None:
            self.warming.cancel()
            self.warming = None
        if asked_again or (first and has_data and self.opening_questions):
            self.warming = asyncio.create_task(
                self.warm(pool, asked_again[: self.warm_answers]), name="answer-cache-warming"
            )

    async def warm(self, pool: asyncpg.Pool, questions: list[tuple[Hashable, Compute]]) -> None:
        if not questions and self.opening_questions is not None:
            try:
                questions = (await self.opening_questions(pool))[: self.warm_answers]
            except Exception:
                logger.warning("the opening questions could not be listed", exc_info=True)
                return
        slots = asyncio.Semaphore(WARM_CONCURRENCY)

        async def warm_one(question: Hashable, compute: Compute) -> None:
            async with slots:
                try:
                    await self.answer(pool, question, compute)
                except Exception:  # a request asking it again is told why
                    logger.debug("an answer was not computed ahead", exc_info=True)

        await asyncio.gather(*(warm_one(question, compute) for question, compute in questions))
