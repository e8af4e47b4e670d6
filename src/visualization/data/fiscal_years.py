"""The fiscal years with their dates, which the filters and the calendar need."""

from datetime import date

import pandas as pd
import streamlit as st

from backend.settings import get_settings
from visualization.config import cache_seconds
from visualization.data.frames import records_frame
from visualization.data.queries import dashboard_query
from visualization.database.shared import shared_reader


@st.cache_data(ttl=cache_seconds(get_settings()), show_spinner=False)
def fiscal_years() -> pd.DataFrame:
    """id, start_date, end_date, is_current; newest first."""
    return records_frame(shared_reader().fetch(dashboard_query("fiscal_years")))


def current_fiscal_year(years: pd.DataFrame, today: date) -> int | None:
    """The year the records call current, else the newest that has begun, else the newest."""
    if years.empty:
        return None
    for candidates in (years[years["is_current"]], years[years["start_date"] <= today]):
        if not candidates.empty:
            return int(candidates["id"].iloc[0])
    return int(years["id"].iloc[0])
