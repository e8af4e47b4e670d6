"""A KPI's rows as the caller asked for them: JSON (one fast encode) or the same rows as CSV."""

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import asyncpg
import orjson
from fastapi import Request
from fastapi.responses import Response

from backend.services.answer_cache import CachedAnswer

CSV_MEDIA_TYPE = "text/csv"
# Paged queries carry the total on every row; the answer carries it once.
ROW_ONLY_COLUMNS = frozenset({"total"})


def wants_csv(request: Request, format_: str | None) -> bool:
    if format_ is not None:
        return format_ == "csv"
    return CSV_MEDIA_TYPE in request.headers.get("accept", "")


def plain_rows(rows: Sequence[asyncpg.Record]) -> list[dict[str, Any]]:
    return [
        {key: value for key, value in row.items() if key not in ROW_ONLY_COLUMNS} for row in rows
    ]


def encode_extra(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot encode {type(value).__name__}")


def response_of(answer: CachedAnswer) -> Response:
    return Response(answer.body, media_type=answer.media_type, headers=dict(answer.headers))


def json_answer(body: dict[str, Any]) -> CachedAnswer:
    return CachedAnswer(orjson.dumps(body, default=encode_extra), "application/json")


def csv_cell(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        return orjson.dumps(value, default=encode_extra).decode()
    return value


def csv_answer(name: str, rows: list[dict[str, Any]], columns: Sequence[str]) -> CachedAnswer:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([csv_cell(row[column]) for column in columns] for row in rows)
    return CachedAnswer(
        out.getvalue().encode(),
        f"{CSV_MEDIA_TYPE}; charset=utf-8",
        (("Content-Disposition", f'attachment; filename="{name}.csv"'),),
    )
