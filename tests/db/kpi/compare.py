"""Comparing a KPI's rows with expected ones: same columns, same order, floats to 1e-9
(the database sums exact decimals, pandas floats)."""

from collections.abc import Sequence
from typing import Any

import asyncpg
import pytest


def approximately(value: Any) -> Any:
    return pytest.approx(value, rel=1e-9, abs=1e-9) if isinstance(value, float) else value


def assert_rows_match(rows: Sequence[asyncpg.Record], expected: list[dict[str, Any]]) -> None:
    actual = [dict(row) for row in rows]
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected, strict=True):
        assert got == {key: approximately(value) for key, value in want.items()}
