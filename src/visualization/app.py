"""The Leave Analytics dashboard: `streamlit run src/visualization/app.py`.

Reads PostgreSQL as the read-only role (see visualization.database.reader_url), behind the
optional DASHBOARD_PASSWORD; the sidebar's filters apply to every page and live in the URL.
"""

from datetime import date

import streamlit as st

from backend.settings import get_settings
from db.kpi.filters import KpiFilters
from visualization.data.fiscal_years import current_fiscal_year, fiscal_years_among
from visualization.data.kpis import kpi_frame
from visualization.database.reader import DATABASE_ERRORS
from visualization.filters.choices import filter_choices
from visualization.filters.sidebar import show_filters
from visualization.gate import require_password

PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("app_pages/trends.py", title="Trends", icon=":material/show_chart:"),
    st.Page("app_pages/heatmaps.py", title="Heatmaps", icon=":material/grid_on:"),
    st.Page("app_pages/employees.py", title="Employees", icon=":material/badge:"),
    st.Page("app_pages/availability.py", title="Availability", icon=":material/groups:"),
    st.Page("app_pages/approvals.py", title="Approvals", icon=":material/fact_check:"),
    st.Page("app_pages/data_quality.py", title="Data quality", icon=":material/sync:"),
]

st.set_page_config(
    page_title="Leave Analytics", page_icon=":material/event_available:", layout="wide"
)
require_password(get_settings().dashboard_password)
page = st.navigation(PAGES)
try:
    filter_values = kpi_frame("filter_values", KpiFilters())
    choices = filter_choices(
        filter_values, current_fiscal_year(fiscal_years_among(filter_values), date.today())
    )
except DATABASE_ERRORS as error:
    st.error(
        f"Cannot read the database: {type(error).__name__}: {error}. Is PostgreSQL running, "
        "and migrated (`python migrate.py --up`)? Reload this page to try again.",
        icon=":material/cloud_off:",
    )
    st.stop()
show_filters(choices)
page.run()
