"""The filter widgets in the sidebar, bound to the query string so a URL reproduces a view."""

from datetime import date
from typing import Any

import streamlit as st

from db.kpi.filters import KpiFilters
from visualization.filters.choices import FilterChoices
from visualization.filters.selection import (
    DATE_KEYS,
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
DATES_HELP = (
    "Leave that overlaps these days; per-day views keep only these days. Either end may be "
    "left open."
)
EARLIEST_DATE = date(2000, 1, 1)
# Set by the reset button for the one run that follows it.
JUST_RESET_KEY = "filters_just_reset"


def show_filters(choices: FilterChoices) -> None:
    defaults = default_selection(choices)
    # On the run after a reset the filters' values come from the session state; Streamlit
    # warns when a widget is given a default too, so on that run it gets none.
    just_reset = st.session_state.pop(JUST_RESET_KEY, False)
    st.sidebar.header("Filters")
    for key in MULTI_SELECT_KEYS:
        options: dict[Any, str] = getattr(choices, key)
        st.sidebar.multiselect(
            LABELS[key],
            list(options),
            default=None if just_reset else defaults[key],
            format_func=options.__getitem__,
            key=key,
            help=HELP.get(key),
            placeholder="All",
            bind="query-params",
        )
    show_date_inputs()
    st.sidebar.button(
        "Reset filters",
        on_click=reset_filters,
        args=(defaults,),
        icon=":material/restart_alt:",
        key="reset_filters",
    )


def show_date_inputs() -> None:
    """From and to, each optional; Streamlit clears a "to" that falls before the "from"."""
    first_day = st.sidebar.date_input(
        "Dates from",
        value=None,
        min_value=EARLIEST_DATE,
        key="date_from",
        format="YYYY-MM-DD",
        help=DATES_HELP,
        bind="query-params",
    )
    st.sidebar.date_input(
        "Dates to",
        value=None,
        min_value=first_day or EARLIEST_DATE,
        key="date_to",
        format="YYYY-MM-DD",
        help=DATES_HELP,
        bind="query-params",
    )


def reset_filters(defaults: dict[str, Any]) -> None:
    for key, value in defaults.items():
        st.session_state[key] = value
    st.session_state[JUST_RESET_KEY] = True


def chosen_filters() -> KpiFilters:
    """The filters as the sidebar shows them, for any page of this run."""
    return kpi_filters({key: st.session_state.get(key) for key in (*MULTI_SELECT_KEYS, *DATE_KEYS)})
