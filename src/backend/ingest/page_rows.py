"""Splits one page into rows for the raw table, the records dbo already holds, and the records
set aside with their reason. Only a record whose fingerprint differs from the remembered one is
validated: a remembered fingerprint stands for a record that passed validation and was merged.
"""

from dataclasses import dataclass, field
from typing import Any

import orjson

from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.latest_records import LatestRecords, UnchangedRecord
from backend.ingest.raw_rows import canonical_fields, raw_row
from backend.ingest.validation import rejection_reason

ESCAPED_NUL = b"\\u0000"


@dataclass
class SortedPage:
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    fetched_ids: list[tuple[int, int]] = field(default_factory=list)
    rejected: list[tuple[int, Any, str]] = field(default_factory=list)
    unchanged: int = 0


def storable(record: Any) -> Any:
    """PostgreSQL cannot store NUL characters, even in jsonb; a rejected record keeps the rest."""
    encoded = orjson.dumps(record)
    if ESCAPED_NUL not in encoded:
        return record
    return orjson.loads(encoded.replace(ESCAPED_NUL, b"\\ufffd"))


def sort_page(
    records: list[Any],
    *,
    sync_run_id: int,
    first_ordinal: int,
    remembered: dict[int, int] | None = None,
    latest: LatestRecords | None = None,
) -> SortedPage:
    """`remembered`: the fingerprints dbo holds, by id (none: every record is new); `latest`
    hears of every valid record, in order, for the dimension merges."""
    remembered = remembered or {}
    latest = latest if latest is not None else LatestRecords()
    result = SortedPage()
    for ordinal, record in enumerate(records, start=first_ordinal):
        if not isinstance(record, dict):
            result.rejected.append((sync_run_id, record, "record is not a JSON object"))
            continue
        encoded = orjson.dumps(record)
        fingerprint = fingerprint_of(encoded)
        record_id = record.get("id")
        if type(record_id) is int and remembered.get(record_id) == fingerprint:
            result.fetched_ids.append((record_id, ordinal))
            result.unchanged += 1
            latest.note(record, UnchangedRecord(ordinal, fingerprint, encoded))
            continue
        if ESCAPED_NUL in encoded:
            reason = "contains a NUL character, which PostgreSQL cannot store"
            result.rejected.append((sync_run_id, storable(record), reason))
            continue
        fields = canonical_fields(record)
        if reason := rejection_reason(fields):
            result.rejected.append((sync_run_id, record, reason))
            continue
        result.rows.append(
            raw_row(
                fields, record, sync_run_id=sync_run_id, ordinal=ordinal, fingerprint=fingerprint
            )
        )
        result.fetched_ids.append((record_id, ordinal))
        latest.note(record, None)
    return result
