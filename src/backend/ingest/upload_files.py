"""An uploaded file of Vyaguta-shaped records, JSON or CSV, turned into records to validate."""

import csv
import io
from typing import Any

import orjson

from backend.ingest.raw_rows import (
    DATE_COLUMNS,
    EXTRA_UPSTREAM_NAMES,
    FIELD_SOURCES,
    NAMES_WITH_A_COLUMN,
)
from backend.ingest.validation import (
    OPTIONAL_DAY_COUNTS,
    OPTIONAL_FLAGS,
    OPTIONAL_IDS,
    REQUIRED_IDS,
)

# Upstream-only extras that a file may carry too.
KNOWN_NAMES = NAMES_WITH_A_COLUMN | frozenset(EXTRA_UPSTREAM_NAMES)
REQUIRED_COLUMNS = (*REQUIRED_IDS, *DATE_COLUMNS, "leave_days", "status")
COLUMN_OF = {name: column for column, names in FIELD_SOURCES for name in names}
WHOLE_NUMBER_COLUMNS = frozenset((*REQUIRED_IDS, *OPTIONAL_IDS))
NUMBER_COLUMNS = frozenset(("leave_days", *OPTIONAL_DAY_COUNTS))
FLAG_COLUMNS = frozenset(OPTIONAL_FLAGS)


class UnreadableFile(ValueError):
    """The file cannot be read as records at all; the message says why."""


def records_from_json(content: bytes) -> list[Any]:
    try:
        document = orjson.loads(content)
    except orjson.JSONDecodeError as error:
        raise UnreadableFile(f"not valid UTF-8 JSON ({error.msg} at byte {error.pos})") from None
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        document = document["data"]
    if not isinstance(document, list):
        raise UnreadableFile('expected a JSON array of records (or {"data": [...]})')
    return document


def records_from_csv(content: bytes) -> list[dict[str, Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 text (byte {error.start} is not valid UTF-8)") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    check_header(reader.fieldnames or [])
    try:
        return [typed_record(row) for row in reader]
    except csv.Error as error:
        raise UnreadableFile(f"not readable CSV (line {reader.line_num}: {error})") from None


def check_header(header: list[str]) -> None:
    if unknown := [name for name in header if name not in KNOWN_NAMES]:
        raise UnreadableFile(f"unknown column(s): {', '.join(unknown)}")
    present = {COLUMN_OF[name] for name in header if name in COLUMN_OF}
    if missing := [column for column in REQUIRED_COLUMNS if column not in present]:
        wanted = [dict(FIELD_SOURCES)[column][0] for column in missing]
        raise UnreadableFile(f"missing column(s): {', '.join(wanted)}")


def typed_record(row: dict[str | None, Any]) -> dict[str, Any]:
    """CSV holds only text: give each cell the type the upstream would have sent. A cell that
    does not fit is kept as text, and validation says what is wrong with it."""
    if None in row:
        raise UnreadableFile("a line has more cells than the header has columns")
    return {name: typed_cell(COLUMN_OF.get(str(name)), cell) for name, cell in row.items()}


def typed_cell(column: str | None, cell: str | None) -> Any:
    if cell is None or cell == "":
        return None
    if column in WHOLE_NUMBER_COLUMNS and cell.isdigit():
        return int(cell)
    if column in NUMBER_COLUMNS:
        return number_or_text(cell)
    if column in FLAG_COLUMNS and cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    if column == "allocations":
        try:
            return orjson.loads(cell)
        except orjson.JSONDecodeError:
            return cell
    return cell


def number_or_text(cell: str) -> int | float | str:
    try:
        number = float(cell)
    except ValueError:
        return cell
    return int(number) if number.is_integer() else number
