"""Dates and timestamps in the forms PostgreSQL reads, parsed to the values it would store.

Python also reads week dates ("2022-W01-1") and a bare hour ("2022-05-28T09"), which
PostgreSQL refuses: accepting them would fail a whole run at the COPY instead of one record.
"""

import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

import msgspec

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
ISO_TIMESTAMP = re.compile(
    r"(?P<start>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)"
    r"(?:\.(?P<fraction>\d{1,9}))?"
    r"(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?",
    re.ASCII,
)
MICROSECOND_DIGITS = 6
# The upstream's form, RFC 3339 with an offset, read in C: the fast path (`well_formed`) decodes
# it with the rest of a record, and `parse_timestamp` reads it the same way, so that both paths
# store the same instant.
AwareTimestamp = Annotated[datetime, msgspec.Meta(tz=True)]


def parse_date(value: Any) -> date | None:
    if not isinstance(value, str) or ISO_DATE.fullmatch(value) is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_timestamp(value: Any) -> datetime | None:
    """The instant PostgreSQL would store: without an offset, in UTC (the sessions' time zone).
    Beyond microseconds it is rounded half up, as msgspec rounds the upstream's form; PostgreSQL,
    rounding through binary floating point, may store an exact half (".1234565") a microsecond
    lower."""
    if not isinstance(value, str):
        return None
    try:
        return msgspec.convert(value, AwareTimestamp)
    except msgspec.ValidationError:
        pass
    if (parts := ISO_TIMESTAMP.fullmatch(value)) is None:
        return None
    fraction = parts["fraction"]
    if fraction is None or len(fraction) <= MICROSECOND_DIGITS:
        text, extra = value, 0
    else:
        text = parts["start"] + (parts["offset"] or "")
        extra = int(fraction[:MICROSECOND_DIGITS]) + (fraction[MICROSECOND_DIGITS] >= "5")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed + timedelta(microseconds=extra) if extra else parsed
