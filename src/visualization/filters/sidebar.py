"""The filter widgets in the sidebar, bound to the query string so a URL reproduces a view."""

from datetime import date
from typing import Any

import streamlit as st

from db.kpi.filters import KpiFilters
from visualization.filters.choices import FilterChoices
from visualization.filters.selection import (
    DATES_KEY,
    MULTI_SELECT_KEYS,
    default_selection,
    kpi_filters,
)

LABELS = {
    "fiscal_year": "Fiscal year",
    "department": "Department",
    "designation": "Designation",
    "leave_type": "Leave type",
    "status": "Status",
}
HELP = {
    "status": "Trends, heatmaps and leave lists show these statuses. Usage, balances and "
    "availability always count approved leave, pending counts requested leave.",
}
EARLIEST_DATE = date(2000, 1, 1)


def show_filters(choices: FilterChoices) -> None:
    defaults = default_selection(choices)
    st.sidebar.header("Filters")
    for key in MULTI_SELECT_KEYS:
        options: dict[Any, str] = getattr(choices, key)
        st.sidebar.multiselect(
            LABELS[key],
            list(options),
            default=defaults[key],
            format_func=options.__getitem__,
            key=key,
            help=HELP.get(key),
            placeholder="All",
            bind="query-params",
        )
    st.sidebar.date_input(
        "Dates",
        value=defaults[DATES_KEY],
        min_value=EARLIEST_DATE,
        key=DATES_KEY,
        format="YYYY-MM-DD",
        help="Leave that overlaps this period; per-day views keep only its days.",
        bind="query-params",
    )
    st.sidebar.button(
        "Reset filters",
        on_click=reset_filters,
        args=(defaults,),
        icon=":material/restart_alt:",
        key="reset_filters",
    )


def reset_filters(defaults: dict[str, Any]) -> None:
    for key, value in defaults.items():
        st.session_state[key] = value


def chosen_filters() -> KpiFilters:
    """The filters as the sidebar shows them, for any page of this run."""
    return kpi_filters({key: st.session_state.get(key) for key in (*MULTI_SELECT_KEYS, DATES_KEY)})
