"""Reads and checks the query string of the leaves endpoint."""

import re
from dataclasses import dataclass
from datetime import date

from starlette.datastructures import QueryParams

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 100_000
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadQuery(ValueError):
    """A query parameter the client must fix; answered with 400."""


@dataclass(frozen=True, slots=True)
class LeaveQuery:
    start_date: date | None
    end_date: date | None
    page: int
    size: int

    @property
    def offset(self) -> int:
        """Pages are 1-based: page 1 starts at the first record."""
        return (self.page - 1) * self.size


def parse_leave_query(params: QueryParams) -> LeaveQuery:
    start_date = optional_date(params, "startDate")
    end_date = optional_date(params, "endDate")
    if start_date and end_date and start_date > end_date:
        raise BadQuery("startDate must not be after endDate")
    return LeaveQuery(
        start_date=start_date,
        end_date=end_date,
        page=bounded_int(params, "page", default=1, lowest=1, highest=10**9),
        size=bounded_int(
            params, "size", default=DEFAULT_PAGE_SIZE, lowest=1, highest=MAX_PAGE_SIZE
        ),
    )


def optional_date(params: QueryParams, name: str) -> date | None:
    text = params.get(name)
    if not text:
        return None
    try:
        if not ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise BadQuery(f"{name} must be a date as YYYY-MM-DD, got {text!r}") from None


def bounded_int(params: QueryParams, name: str, default: int, lowest: int, highest: int) -> int:
    text = params.get(name)
    if text is None or text == "":
        return default
    if not text.isascii() or not text.isdigit() or not lowest <= int(text) <= highest:
        raise BadQuery(f"{name} must be an integer from {lowest} to {highest}, got {text!r}")
    return int(text)
