"""How every page begins: its title, what it shows, and how old its data is."""

from datetime import UTC, datetime

import streamlit as st

from backend.settings import get_settings
from db.kpi.filters import KpiFilters
from visualization.config import refresh_seconds
from visualization.data.kpis import kpi_frame
from visualization.data.sync_history import last_good_sync
from visualization.freshness import describe_freshness

NO_RECORDS = (
    "There are no leave records yet. They appear here after the first successful sync "
    "(`GET /insert_leave_info`, or wait for the poller)."
)


def open_page(title: str, description: str) -> bool:
    """Title, description and freshness banner; False, once said, when there is no data."""
    st.title(title)
    st.caption(description)
    show_freshness_banner()
    if not has_records():
        st.info(NO_RECORDS, icon=":material/inbox:")
        return False
    return True


def has_records() -> bool:
    values = kpi_frame("filter_values", KpiFilters())
    return not values.empty and bool((values["filter"] == "employee").any())


def show_freshness_banner() -> None:
    freshness = describe_freshness(
        last_good_sync(),
        refresh_seconds(get_settings()),
        st.context.timezone,
        datetime.now(UTC),
    )
    if freshness.stale:
        st.warning(freshness.text, icon=":material/schedule:")
    else:
        st.success(freshness.text, icon=":material/cloud_done:")
