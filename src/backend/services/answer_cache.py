"""KPI answers kept in memory until the data they were read from changes.

Every succeeded run (sync, upload, restore) is a new data version. A run of this process tells
the cache when it has finished (`data_changed`), so no answer older than it is served after
that; another process's run (a replica, another uvicorn worker, the backup CLI) is seen within
VERSION_SECONDS, when the version is read again, and its answers served within SWITCH_SECONDS
more.

A new version does not empty the cache at once: the answers most asked under the old version
are computed again first, a few at a time, while the old ones are still served, and the new
version's answers replace them when that is done or SWITCH_SECONDS after the version was seen,
whichever comes first. Emptied at once, every answer was asked for again within a second or two
of each sync, by hundreds of viewers, and all of them queued for PostgreSQL (a load test saw
52-371 KPI requests a run over 100 ms in the seconds after its syncs). A question first asked
meanwhile is answered from the new data. A run of this process is reported finished only once
its answers are the ones served (`data_changed` waits for the switch). Concurrent requests for
the same answer share one computation.
"""

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from db.sql_files import query

logger = logging.getLogger(__name__)

VERSION_SECONDS = 1.0
# How many of the previous version's answers are computed again after a change, and how many
# at once: while the previous answers are served PostgreSQL has little else to do, and 4 of the
# pool's 10 connections leave the rest to the requests that cannot wait.
WARM_ANSWERS = 300
WARM_CONCURRENCY = 4
# How long the previous version's answers may still be served once a new version is seen: 300
# answers of 5-25 ms each take 2-3 s on two cores under load.
SWITCH_SECONDS = 3.0
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


@dataclass
class NextVersion:
    """A version seen but not served yet, while its most asked answers are computed."""

    version: int
    switch_by: float  # monotonic seconds
    entries: OrderedDict[Hashable, Entry] = field(default_factory=OrderedDict)
    settled: asyncio.Event = field(default_factory=asyncio.Event)


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
        # Answers of the version served only.
        self.entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self.running: dict[tuple[int, Hashable], asyncio.Future] = {}
        self.version: int | None = None
        self.next: NextVersion | None = None
        self.version_read_at = float("-inf")
        self.version_reading: asyncio.Future | None = None
        self.warming: asyncio.Task | None = None
        # How long each question took last time, across versions: the slow ones take turns.
        self.costs: dict[Hashable, float] = {}
        self.heavy_lane = asyncio.Semaphore(HEAVY_CONCURRENCY)

    async def answer(self, pool: asyncpg.Pool, question: Hashable, compute: Compute) -> Any:
        await self.read_version_when_due(pool)
        if (entry := self.kept_entry(question)) is not None:
            return entry.value
        # Computed now, it reads the newest data there is: it belongs to the next version.
        version = self.version if self.next is None else self.next.version
        return await self.computed(version, question, compute)

    async def computed(self, version: int, question: Hashable, compute: Compute) -> Any:
        key = (version, question)
        if (running := self.running.get(key)) is None:
            running = asyncio.ensure_future(self.compute_and_keep(version, question, compute))
            self.running[key] = running
            running.add_done_callback(lambda done: self.finished(key, done))
        # A caller that goes away must not cancel what others are waiting for.
        return await asyncio.shield(running)

    async def kept_answer(self, pool: asyncpg.Pool, question: Hashable) -> Any | None:
        """The answer served now if it is already known; None instead of computing it."""
        await self.read_version_when_due(pool)
        entry = self.kept_entry(question)
        return None if entry is None else entry.value

    def kept_entry(self, question: Hashable) -> Entry | None:
        """The next version's answer if it is ready, else the one served."""
        for entries in (self.next.entries if self.next else None, self.entries):
            if entries is not None and (entry := entries.get(question)) is not None:
                entry.hits += 1
                entries.move_to_end(question)
                return entry
        return None

    def entries_of(self, version: int) -> OrderedDict[Hashable, Entry] | None:
        if version == self.version:
            return self.entries
        if self.next is not None and version == self.next.version:
            return self.next.entries
        return None

    async def compute_and_keep(self, version: int, question: Hashable, compute: Compute) -> Any:
        if self.costs.get(question, 0.0) >= HEAVY_SECONDS:
            async with self.heavy_lane:
                value = await self.timed(question, compute)
        else:
            value = await self.timed(question, compute)
        # Read before the version changed: it may be stale, and the new version's is not.
        if (entries := self.entries_of(version)) is not None:
            entries[question] = Entry(value, compute)
            if len(entries) > self.max_entries:
                entries.popitem(last=False)
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

    async def read_version_when_due(self, pool: asyncpg.Pool) -> None:
        if self.version is not None and time.monotonic() - self.version_read_at < VERSION_SECONDS:
            return
        # One read for every request that finds the version due, not one each.
        if self.version_reading is None or self.version_reading.done():
            self.version_reading = asyncio.ensure_future(self.read_version(pool))
        await asyncio.shield(self.version_reading)

    async def data_changed(self, pool: asyncpg.Pool) -> None:
        """A run of this process finished: read the version again now, not when it is due, and
        return once the answers served are the new version's.

        Never raises: when the read fails, the next request reads it instead."""
        self.version_reading = asyncio.ensure_future(self.read_version(pool))
        try:
            await asyncio.shield(self.version_reading)
        except Exception:
            self.version_read_at = float("-inf")
            logger.warning("the data version could not be read after a run", exc_info=True)
        while (next_version := self.next) is not None:
            await next_version.settled.wait()

    @asynccontextmanager
    async def watching(self, pool: asyncpg.Pool) -> AsyncIterator[None]:
        """Around something that may change the data (a run): `data_changed` when it is done."""
        try:
            yield
        finally:
            await self.data_changed(pool)

    async def read_version(self, pool: asyncpg.Pool) -> None:
        version = await pool.fetchval(query("sync_runs/data_version"))
        if version != self.version and (self.next is None or version != self.next.version):
            self.new_version(pool, version)
        self.version_read_at = time.monotonic()

    def new_version(self, pool: asyncpg.Pool, version: int) -> None:
        asked_again = [(q, entry.compute) for q, entry in self.entries.items() if entry.hits > 1]
        # Most asked first (sort is stable: equally asked stay in least-recent-first order).
        asked_again.sort(key=lambda item: self.entries[item[0]].hits, reverse=True)
        if self.warming is not None:
            self.warming.cancel()
            self.warming = None
        if asked_again:
            # A newer version seen while one waits replaces it, by the same time.
            switch_by = self.next.switch_by if self.next else time.monotonic() + SWITCH_SECONDS
            self.settle_next()
            self.next = NextVersion(version, switch_by)
            self.warming = asyncio.create_task(
                self.warm_then_switch(self.next, asked_again[: self.warm_answers]),
                name="answer-cache-warming",
            )
            return
        first = not self.version
        self.switch_to(version, OrderedDict())
        if first and version and self.opening_questions is not None:
            self.warming = asyncio.create_task(
                self.warm_opening_questions(pool, version, self.opening_questions),
                name="answer-cache-warming",
            )

    def switch_to(self, version: int, entries: OrderedDict[Hashable, Entry]) -> None:
        self.settle_next()
        self.version, self.entries = version, entries

    def settle_next(self) -> None:
        if self.next is not None:
            self.next.settled.set()
            self.next = None

    async def warm_then_switch(
        self, next_version: NextVersion, questions: list[tuple[Hashable, Compute]]
    ) -> None:
        warming = asyncio.ensure_future(self.warm(next_version.version, questions))
        try:
            wait = max(0.0, next_version.switch_by - time.monotonic())
            await asyncio.wait({warming}, timeout=wait)
            if self.next is next_version:
                self.switch_to(next_version.version, next_version.entries)
            # The rest are computed for the version now served.
            await warming
        finally:
            warming.cancel()

    async def warm_opening_questions(
        self, pool: asyncpg.Pool, version: int, opening_questions: OpeningQuestions
    ) -> None:
        try:
            questions = (await opening_questions(pool))[: self.warm_answers]
        except Exception:
            logger.warning("the opening questions could not be listed", exc_info=True)
            return
        await self.warm(version, questions)

    async def warm(self, version: int, questions: list[tuple[Hashable, Compute]]) -> None:
        slots = asyncio.Semaphore(WARM_CONCURRENCY)

        async def warm_one(question: Hashable, compute: Compute) -> None:
            async with slots:
                entries = self.entries_of(version)
                if entries is None or question in entries:  # a newer version, or asked already
                    return
                try:
                    await self.computed(version, question, compute)
                except Exception:  # a request asking it again is told why
                    logger.debug("an answer was not computed ahead", exc_info=True)

        await asyncio.gather(*(warm_one(question, compute) for question, compute in questions))
