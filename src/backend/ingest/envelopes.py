"""The three answer shapes seen in the wild: `{"data", "meta"}`, records carrying `totalCount`,
and a bare list."""

from dataclasses import dataclass
from typing import Any

import orjson


class MalformedPage(ValueError):
    """The body is not an answer we understand; the message says how."""


@dataclass(frozen=True)
class PageContent:
    records: list[Any]
    total: int | None


def looks_like_html(body: bytes) -> bool:
    start = body[:200].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<"))


def read_total(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def parse_page(body: bytes) -> PageContent:
    if looks_like_html(body):
        raise MalformedPage("HTML page instead of JSON")
    try:
        document = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise MalformedPage(f"invalid JSON ({error.msg} at byte {error.pos})") from None

    if isinstance(document, list):
        records = document
        total = None
    elif isinstance(document, dict) and isinstance(document.get("data"), list):
        records = document["data"]
        meta = document.get("meta")
        total = read_total(meta.get("total")) if isinstance(meta, dict) else None
    else:
        raise MalformedPage("JSON without a list of records (expected data[] or a list)")

    if total is None and records and isinstance(records[0], dict):
        total = read_total(records[0].get("totalCount"))
    return PageContent(records, total)
