"""The three answer shapes seen in the wild: `{"data", "meta"}`, records carrying `totalCount`,
and a bare list.

A page is scanned, not decoded: each record stays the JSON the upstream sent (its fingerprint
is the hash of those bytes), and only the records that changed are decoded. The keys an
unchanged record still matters for are read in a second pass that skips every other field."""

from dataclasses import dataclass
from typing import Any

import msgspec
import orjson

from backend.ingest.latest_records import ENTITY_KEYS

# A page's body: read into a reused buffer (backend.ingest.body_buffers), or read back from disk.
Body = bytes | bytearray


class MalformedPage(ValueError):
    """The body is not an answer we understand; the message says how."""


# A record's id and the entities it names: all that an unchanged record is still read for.
RecordKeys = msgspec.defstruct("RecordKeys", [(name, Any, None) for name in ("id", *ENTITY_KEYS)])


class ScannedEnvelope(msgspec.Struct):
    data: list[msgspec.Raw]
    meta: Any = None


class KeysEnvelope(msgspec.Struct):
    data: list[RecordKeys]  # type: ignore[valid-type]


SCAN = msgspec.json.Decoder(ScannedEnvelope | list[msgspec.Raw])
READ_KEYS = msgspec.json.Decoder(KeysEnvelope | list[RecordKeys])  # type: ignore[valid-type]


@dataclass(frozen=True)
class PageContent:
    records: list[msgspec.Raw]  # each record's JSON, as sent: views into the body
    total: int | None
    body: Body


def looks_like_html(body: Body) -> bool:
    start = body[:200].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<"))


def read_total(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def decoded(record: msgspec.Raw) -> Any:
    return orjson.loads(memoryview(record))


def parse_page(body: Body) -> PageContent:
    if looks_like_html(body):
        raise MalformedPage("HTML page instead of JSON")
    try:
        document = SCAN.decode(body)
    except msgspec.ValidationError:
        raise MalformedPage("JSON without a list of records (expected data[] or a list)") from None
    except msgspec.DecodeError as error:
        raise MalformedPage(f"invalid JSON ({error})") from None

    total = None
    if isinstance(document, list):
        records = document
    else:
        records = document.data
        if isinstance(document.meta, dict):
            total = read_total(document.meta.get("total"))
    if total is None and records:
        total = total_count_in(records[0])
    return PageContent(records, total, body)


def total_count_in(record: msgspec.Raw) -> int | None:
    try:
        value = decoded(record)
    except orjson.JSONDecodeError:
        return None
    return read_total(value.get("totalCount")) if isinstance(value, dict) else None


def keys_of_records(page: PageContent) -> list[tuple[Any, ...] | None]:
    """Per record, its RecordKeys as a tuple; None for a record that is not a JSON object (or
    not one we can read: it is decoded again, and set aside with the reason)."""
    try:
        document = READ_KEYS.decode(page.body)
    except msgspec.ValidationError:
        return [keys_of_one(record) for record in page.records]
    records = document if isinstance(document, list) else document.data
    return [msgspec.structs.astuple(keys) for keys in records]


def keys_of_one(record: msgspec.Raw) -> tuple[Any, ...] | None:
    try:
        value = decoded(record)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(value, dict):
        return None
    return tuple(map(value.get, RecordKeys.__struct_fields__))
