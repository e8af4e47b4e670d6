"""Record-level faults: invalid records, duplicates and hostile strings, applied when served."""

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
import orjson

from vyaguta_demo.faults import FaultSettings
from vyaguta_demo.records import Record
from vyaguta_demo.stablehash import unit_interval

LONG_REASON = ("Long story short: " + "a very long explanation of my leave " * 300)[:10_000]
HOSTILE_TEXTS: tuple[str, ...] = (
    "Robert'); DROP TABLE leaves;--",
    "' OR '1'='1' --",
    "<script>alert('leave')</script>",
    "<b>bold</b> &amp; <i>italic</i> </td></tr></table>",
    LONG_REASON,
    "Family trip 🌴🏖️ with the kids 👨‍👩‍👧‍👦",
    "Tab\there, newline\nthere, carriage\rreturn, bell\x07, escape\x1b[31m",
    "Right-to-left \u202eevil\u202c and zero\u200bwidth",
    "\\\\server\\share \"quoted\" 'single' `backtick`",
    "%s %d {0} ${jndi:ldap://example.invalid/a} {{7*7}}",
    "NULL",
    "日本語 नेपाली Ελληνικά ñ ü ß",
)


def without_id(record: Record) -> None:
    del record["id"]


def ending_before_start(record: Record) -> None:
    record["endDate"] = (date.fromisoformat(record["startDate"]) - timedelta(days=3)).isoformat()


def with_negative_days(record: Record) -> None:
    record["leaveDays"] = -record["leaveDays"]


def with_absurd_days(record: Record) -> None:
    record["leaveDays"] = 500


def with_impossible_date(record: Record) -> None:
    record["startDate"] = "2024-02-30"


def with_text_days(record: Record) -> None:
    record["leaveDays"] = "abc"


def with_text_id(record: Record) -> None:
    record["id"] = "x"


def with_allocations_not_a_list(record: Record) -> None:
    record["allocations"] = "Atlas Payments"


INVALID_KINDS: tuple[Callable[[Record], None], ...] = (
    without_id,
    ending_before_start,
    with_negative_days,
    with_absurd_days,
    with_impossible_date,
    with_text_days,
    with_text_id,
    with_allocations_not_a_list,
)


def made_hostile(record: Record, record_id: int) -> None:
    record["reason"] = HOSTILE_TEXTS[record_id % len(HOSTILE_TEXTS)]
    remarks_key = "responseRemarks" if "responseRemarks" in record else "remarks"
    if record[remarks_key] is not None:
        record[remarks_key] = HOSTILE_TEXTS[(record_id + 5) % len(HOSTILE_TEXTS)]


def with_record_faults(
    settings: FaultSettings, seed: int, ids: np.ndarray, bodies: list[bytes], v2: list[bool]
) -> tuple[list[bytes], list[bool]]:
    """The page's records after hostile strings, invalid records and duplicates, in that order.

    Which records are hit depends only on (seed, id), so every request and every page agrees.
    """
    hostile = settings.hostile_strings
    invalid = (unit_interval(ids, seed, "invalid") < settings.invalid_share).tolist()
    kinds = (unit_interval(ids, seed, "invalid-kind") * len(INVALID_KINDS)).astype(int).tolist()
    repeated = (unit_interval(ids, seed, "duplicate") < settings.duplicate_share).tolist()
    served: list[bytes] = []
    served_v2: list[bool] = []
    for record_id, body, is_v2, is_invalid, kind, twice in zip(
        ids.tolist(), bodies, v2, invalid, kinds, repeated, strict=True
    ):
        if hostile or is_invalid:
            record = orjson.loads(body)
            if hostile:
                made_hostile(record, record_id)
            if is_invalid:
                INVALID_KINDS[kind](record)
            body = orjson.dumps(record)
        copies = 2 if twice else 1
        served.extend([body] * copies)
        served_v2.extend([is_v2] * copies)
    return served, served_v2
