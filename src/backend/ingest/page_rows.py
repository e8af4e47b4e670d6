"""Splits one page into rows for the raw table, the records dbo already holds, and the records
set aside with their reason. Only a record whose fingerprint differs from the remembered one is
decoded and validated: a remembered fingerprint stands for a record that passed validation and
was merged.
"""

import re
from dataclasses import dataclass, field
from typing import Any

import orjson

from backend.ingest.envelopes import PageContent, decoded
from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.latest_records import LatestRecords, UnchangedRecord
from backend.ingest.raw_rows import canonical_fields, raw_row
from backend.ingest.validation import rejection_reason
from backend.ingest.well_formed import well_formed

# A NUL character in JSON text: "\u0000" after an even number of backslashes (after an odd
# number it is a backslash, then the letters "u0000").
ESCAPED_NUL = re.compile(rb"(?<!\\)((?:\\\\)*)\\u0000")


@dataclass
class SortedPage:
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    fetched_ids: list[tuple[int, int]] = field(default_factory=list)
    rejected: list[tuple[int, Any, str]] = field(default_factory=list)
    unchanged: int = 0


def storable(record: Any) -> Any:
    """PostgreSQL cannot store NUL characters, even in jsonb; a rejected record keeps the rest."""
    return orjson.loads(ESCAPED_NUL.sub(rb"\1\\ufffd", orjson.dumps(record)))


def holds_nul(encoded: bytes) -> bool:
    return b"\\u0000" in encoded and ESCAPED_NUL.search(encoded) is not None


def sort_fetched_page(
    page: PageContent,
    keys: list[tuple[Any, ...] | None] | None,
    *,
    sync_run_id: int,
    first_ordinal: int,
    remembered: dict[int, int],
    latest: LatestRecords,
) -> SortedPage:
    """`keys`: each record's (id, *entity keys), read without decoding it; None when nothing is
    remembered (every record is decoded then)."""
    result = SortedPage()
    for offset, record in enumerate(page.records):
        ordinal = first_ordinal + offset
        encoded = bytes(record)
        fingerprint = fingerprint_of(encoded)
        if keys is not None and (record_keys := keys[offset]) is not None:
            record_id = record_keys[0]
            if type(record_id) is int and remembered.get(record_id) == fingerprint:
                result.fetched_ids.append((record_id, ordinal))
                result.unchanged += 1
                latest.note_keys(record_keys[1:], UnchangedRecord(ordinal, fingerprint, encoded))
                continue
        if (accepted := well_formed(encoded)) is not None:
            accepted_keys, values, payload = accepted
            result.rows.append((sync_run_id, ordinal, *values, payload, fingerprint))
            result.fetched_ids.append((accepted_keys[0], ordinal))
            latest.note_keys(accepted_keys[1:], None)
            continue
        try:
            value = decoded(record)
        except orjson.JSONDecodeError as error:
            reason = f"record is not JSON we can read ({error.msg})"
            text = encoded.decode("utf-8", "replace")
            result.rejected.append((sync_run_id, text, reason))
            continue
        sort_record(result, value, holds_nul(encoded), fingerprint, ordinal, sync_run_id, latest)
    return result


def sort_page(
    records: list[Any],
    *,
    sync_run_id: int,
    first_ordinal: int,
    remembered: dict[int, int] | None = None,
    latest: LatestRecords | None = None,
) -> SortedPage:
    """Decoded records (an uploaded file); `remembered`: the fingerprints dbo holds, by id
    (none: every record is new); `latest` hears of every valid record, in order."""
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
        sort_record(result, record, holds_nul(encoded), fingerprint, ordinal, sync_run_id, latest)
    return result


def sort_record(
    result: SortedPage,
    record: Any,
    holds_nul: bool,
    fingerprint: int,
    ordinal: int,
    sync_run_id: int,
    latest: LatestRecords,
) -> None:
    """A record to validate: a row for raw, or set aside with the reason."""
    if not isinstance(record, dict):
        result.rejected.append((sync_run_id, record, "record is not a JSON object"))
        return
    if holds_nul:
        reason = "contains a NUL character, which PostgreSQL cannot store"
        result.rejected.append((sync_run_id, storable(record), reason))
        return
    fields = canonical_fields(record)
    if reason := rejection_reason(fields):
        result.rejected.append((sync_run_id, record, reason))
        return
    result.rows.append(
        raw_row(fields, record, sync_run_id=sync_run_id, ordinal=ordinal, fingerprint=fingerprint)
    )
    result.fetched_ids.append((record["id"], ordinal))
    latest.note(record, None)
