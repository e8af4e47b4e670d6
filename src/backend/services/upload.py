"""An uploaded file goes through the same validation and MERGE as a sync, as a run of its own."""

from dataclasses import dataclass, field
from typing import Any

import asyncpg

from backend.ingest.page_rows import sort_page
from backend.ingest.raw_copies import copy_fetched_ids
from backend.ingest.raw_rows import RAW_COLUMNS
from backend.ingest.upstream import DateWindow
from backend.repositories import sync_runs
from backend.repositories.sync_runs import RunCounts
from backend.services.runs import run_exclusively
from db.sql_files import query

FIRST_REJECTED_SHOWN = 20


@dataclass
class UploadOutcome:
    run: dict[str, Any] = field(default_factory=dict)
    first_rejected: list[dict[str, Any]] = field(default_factory=list)


async def upload_records(pool: asyncpg.Pool, records: list[Any]) -> UploadOutcome:
    """Merge the valid records (never marking anything deleted); keep the rest with reasons."""
    outcome = UploadOutcome()

    async def merge_upload(connection: asyncpg.Connection, run_id: int) -> str:
        sorted_records = sort_page(records, sync_run_id=run_id, first_ordinal=0)
        await connection.execute(query("sync/truncate_raw"))
        await connection.copy_records_to_table(
            "imported_leave_information",
            schema_name="raw",
            columns=RAW_COLUMNS,
            records=sorted_records.rows,
        )
        await copy_fetched_ids(connection, sorted_records.fetched_ids)
        if sorted_records.rejected:
            await sync_runs.insert_rejected(pool, sorted_records.rejected)
        merged = await connection.fetchrow(query("sync/merge_upload"))
        await connection.execute(query("sync/refresh_reporting"))
        counts = RunCounts(fetched=len(records), rejected=len(sorted_records.rejected), **merged)
        await sync_runs.finish_run(connection, run_id, "succeeded", counts)
        outcome.first_rejected = [
            {"id": payload.get("id") if isinstance(payload, dict) else None, "reason": reason}
            for _, payload, reason in sorted_records.rejected[:FIRST_REJECTED_SHOWN]
        ]
        return "succeeded"

    outcome.run = await run_exclusively(
        pool, "upload", "upload", DateWindow(None, None), merge_upload
    )
    return outcome
