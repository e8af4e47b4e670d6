"""KPI rows, as the KPI layer defines them, cached across sessions for half a refresh."""

from datetime import date

import pandas as pd
import streamlit as st

from backend.settings import get_settings
from db.kpi.filters import KpiFilters
from visualization.config import cache_seconds
from visualization.data.frames import records_frame
from visualization.database.shared import shared_reader


@st.cache_data(
    ttl=cache_seconds(get_settings()),
    show_spinner=False,
    hash_funcs={KpiFilters: KpiFilters.model_dump_json},
)
def kpi_frame(
    name: str, filters: KpiFilters, *, limit: int | None = None, as_of: date | None = None
) -> pd.DataFrame:
    """One KPI's rows for these filters (`limit` rows of a paginated KPI, else all)."""
    result = shared_reader().kpi(
        name, filters, limit=limit, as_of=as_of, weekend_days=get_settings().weekend_isodows
    )
    return records_frame(result.rows)
