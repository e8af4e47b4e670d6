"""The sync measurements that go through run_sync: full, no-change, 1 % changed, hot poll."""

import math
from dataclasses import dataclass
from datetime import date

import asyncpg

from backend.services.sync import SyncOptions
from backend.settings import Settings
from bench.stack import Databases, sync_settings
from bench.sync_runs import MeasuredRun, measure_sync
from vyaguta_demo.process import DemoUpstream

HOT_LEAVES = """
SELECT count(*) FROM dbo.employee_leaves
WHERE deleted_at IS NULL AND end_date >= $1::date
"""
OUTSIDE_WINDOW = """
SELECT count(*) FROM dbo.employee_leaves
WHERE id = ANY($1::bigint[]) AND end_date < $2::date
"""


@dataclass
class SyncBench:
    databases: Databases
    upstream: DemoUpstream
    records: int
    page_size: int
    repeats: int

    def settings_for(self, database_url: str) -> Settings:
        return sync_settings(database_url, self.upstream, self.page_size)

    def options_for(self, database_url: str) -> SyncOptions:
        return SyncOptions.from_settings(self.settings_for(database_url))

    async def sync(self, database_url: str, **how: str) -> MeasuredRun:
        return await measure_sync(
            database_url, self.settings_for(database_url), self.options_for(database_url), **how
        )


async def full_syncs(bench: SyncBench) -> tuple[list[MeasuredRun], str]:
    """Each repeat into a fresh, empty dbo; answers the runs and the last loaded database."""
    runs, loaded = [], ""
    for _ in range(bench.repeats):
        if loaded:
            await bench.databases.drop(loaded)
        loaded = await bench.databases.fresh("full")
        runs.append(await bench.sync(loaded))
    return runs, loaded


async def no_change_syncs(bench: SyncBench, loaded: str) -> list[MeasuredRun]:
    """The same snapshot again, and again."""
    return [await bench.sync(loaded) for _ in range(bench.repeats)]


@dataclass(frozen=True)
class LiveChanges:
    created: set[int]
    updated: set[int]

    @property
    def records(self) -> set[int]:
        return self.created | self.updated


def changes_from_live_ticks(upstream: DemoUpstream, wanted: int) -> LiveChanges:
    """Live-mode steps (new applications, decisions) until at least `wanted` records differ."""
    changes = LiveChanges(set(), set())
    while len(changes.records) < wanted:
        tick = upstream.live_tick()
        changes.created.update(tick["created"])
        changes.updated.update(tick["updated"])
    return changes


@dataclass
class ChangedRun:
    changed: int  # upstream records changed that this run could see
    measured: MeasuredRun


async def changed_syncs(bench: SyncBench, loaded: str) -> list[ChangedRun]:
    """About 1 % of the records changed upstream (half new, half decided), then a full sync."""
    wanted = max(1, math.ceil(bench.records / 100))
    runs = []
    for _ in range(bench.repeats):
        changes = changes_from_live_ticks(bench.upstream, wanted)
        runs.append(ChangedRun(len(changes.records), await bench.sync(loaded)))
    return runs


def hot_window_start(options: SyncOptions) -> date:
    return options.for_hot_window(date.today()).window.start  # type: ignore[attr-defined]


async def count_in_window(database_url: str, changes: LiveChanges, start: date) -> int:
    """Changed records a hot-window sync can see: every new one (they start from today on)
    and the decided ones whose leave overlaps the window."""
    connection = await asyncpg.connect(database_url)
    try:
        decided_known = sorted(changes.updated - changes.created)
        outside = await connection.fetchval(OUTSIDE_WINDOW, decided_known, start)
    finally:
        await connection.close()
    return len(changes.records) - outside


async def hot_polls(bench: SyncBench, loaded: str) -> tuple[list[ChangedRun], list[MeasuredRun]]:
    """What the poller does every interval once the history is loaded: a hot-window sync with
    1 % of the recent leaves changed, then the same with nothing changed."""
    options = bench.options_for(loaded)
    start = hot_window_start(options)
    wanted = max(1, math.ceil(await leaves_from(loaded, start) / 100))
    changed_runs, quiet_runs = [], []
    for _ in range(bench.repeats):
        changes = changes_from_live_ticks(bench.upstream, wanted)
        visible = await count_in_window(loaded, changes, start)
        measured = await bench.sync(loaded, trigger="poller", kind="hot")
        changed_runs.append(ChangedRun(visible, measured))
        quiet_runs.append(await bench.sync(loaded, trigger="poller", kind="hot"))
    return changed_runs, quiet_runs


async def leaves_from(database_url: str, start: date) -> int:
    connection = await asyncpg.connect(database_url)
    try:
        return await connection.fetchval(HOT_LEAVES, start)
    finally:
        await connection.close()
