"""The sync runs and the records they set aside, read from the reporting views."""

import pandas as pd
import streamlit as st

from backend.settings import get_settings
from db.sql_files import query
from visualization.config import cache_seconds
from visualization.data.frames import records_frame
from visualization.database.shared import shared_reader


def last_good_sync() -> dict | None:
    """Not cached: the freshness banner must tell the truth at every refresh."""
    rows = shared_reader().fetch(query("reporting/last_good_sync"))
    return dict(rows[0]) if rows else None


@st.cache_data(ttl=cache_seconds(get_settings()), show_spinner=False)
def recent_sync_runs(limit: int) -> pd.DataFrame:
    return records_frame(shared_reader().fetch(query("reporting/recent_sync_runs"), limit))


@st.cache_data(ttl=cache_seconds(get_settings()), show_spinner=False)
def recent_rejected_leaves(limit: int) -> pd.DataFrame:
    return records_frame(shared_reader().fetch(query("reporting/recent_rejected_leaves"), limit))
