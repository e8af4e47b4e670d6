"""Splits one page into rows for the raw table and records set aside with their reason."""

from dataclasses import dataclass, field
from typing import Any

import orjson

from backend.ingest.raw_rows import canonical_fields, raw_row
from backend.ingest.validation import rejection_reason

ESCAPED_NUL = b"\\u0000"


@dataclass
class SortedPage:
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    fetched_ids: list[tuple[int, int]] = field(default_factory=list)
    rejected: list[tuple[int, Any, str]] = field(default_factory=list)


def storable(record: Any) -> Any:
    """PostgreSQL cannot store NUL characters, even in jsonb; a rejected record keeps the rest."""
    encoded = orjson.dumps(record)
    if ESCAPED_NUL not in encoded:
        return record
    return orjson.loads(encoded.replace(ESCAPED_NUL, b"\\ufffd"))


def sort_page(
    records: list[Any], *, sync_run_id: int, first_ordinal: int, may_hold_nul: bool = True
) -> SortedPage:
    """`may_hold_nul=False` skips a per-record serialization when the source (say, a page body
    without an escaped NUL) guarantees there is none."""
    result = SortedPage()
    for offset, record in enumerate(records):
        if not isinstance(record, dict):
            reason: str | None = "record is not a JSON object"
        elif may_hold_nul and ESCAPED_NUL in orjson.dumps(record):
            reason = "contains a NUL character, which PostgreSQL cannot store"
        else:
            fields = canonical_fields(record)
            reason = rejection_reason(fields)
            if reason is None:
                ordinal = first_ordinal + offset
                result.rows.append(
                    raw_row(fields, record, sync_run_id=sync_run_id, ordinal=ordinal)
                )
                result.fetched_ids.append((fields["id"], ordinal))
                continue
        result.rejected.append((sync_run_id, storable(record), reason))
    return result
