"""The app's way to run a sync or an upload: the run itself, then its metrics."""

from collections.abc import Awaitable, Callable
from dataclasses import astuple
from typing import Any

import asyncpg

from backend.ingest.upstream import VyagutaClient
from backend.metrics import SyncMetrics
from backend.repositories.sync_runs import seconds_since_last_full_sync
from backend.services.runs import SyncFailed
from backend.services.sync import SyncOptions, run_sync
from backend.services.upload import UploadOutcome, upload_records


class SyncRunner:
    def __init__(
        self,
        pool: asyncpg.Pool,
        client: VyagutaClient | None,
        options: SyncOptions,
        metrics: SyncMetrics,
        full_sync_interval_seconds: float = 3600,
    ) -> None:
        self.full_sync_interval_seconds = full_sync_interval_seconds
        self.pool = pool
        self.client = client
        self.options = options
        self.metrics = metrics

    async def sync(self, trigger: str) -> dict[str, Any]:
        """A manual trigger always fetches everything; a poll fetches the hot window unless a
        full run is due."""
        assert self.client is not None, "no upstream configured"
        client = self.client
        kind = "full" if trigger != "poller" else await self.kind_of_poll_due()
        return await self.observed(lambda: run_sync(self.pool, client, self.options, trigger, kind))

    async def kind_of_poll_due(self) -> str:
        if self.options.hot_days == 0:
            return "full"
        since_full = await seconds_since_last_full_sync(self.pool)
        due = since_full is None or since_full >= self.full_sync_interval_seconds
        return "full" if due else "hot"

    async def upload(self, records: list[Any]) -> UploadOutcome:
        outcome = UploadOutcome()

        async def upload_and_keep_outcome() -> dict[str, Any]:
            outcome.run, outcome.first_rejected = astuple(await upload_records(self.pool, records))
            return outcome.run

        await self.observed(upload_and_keep_outcome)
        return outcome

    async def observed(self, run: Callable[[], Awaitable[dict[str, Any]]]) -> dict[str, Any]:
        try:
            finished = await run()
        except SyncFailed as failed:
            self.metrics.observe_failure(failed.run, failed.kind)
            raise
        self.metrics.observe_run(finished)
        return finished
