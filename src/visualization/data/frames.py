"""Query rows as DataFrames: the only form the pages and chart builders take."""

from collections.abc import Sequence

import asyncpg
import pandas as pd


def records_frame(rows: Sequence[asyncpg.Record]) -> pd.DataFrame:
    """The rows as columns by name; no rows is an empty frame without columns."""
    return pd.DataFrame.from_records([dict(row) for row in rows])
