"""Heatmaps: when in the year and the week leave is taken, and a calendar of one fiscal year."""

from datetime import date

import streamlit as st

from visualization.charts.calendar import calendar_heatmap_figure
from visualization.charts.heatmaps import month_year_heatmap_figure, weekday_year_heatmap_figure
from visualization.data.fiscal_years import fiscal_years
from visualization.data.kpis import kpi_frame
from visualization.filters.periods import (
    approved_leave_within,
    days_in_focus,
    fiscal_year_in_focus,
    fiscal_year_label,
)
from visualization.filters.sidebar import chosen_filters
from visualization.live import live
from visualization.ui.charts import show_chart
from visualization.ui.header import open_page


@live
def heatmaps() -> None:
    if not open_page(
        "Heatmaps", "Leave days spread over their working days, by month, weekday and day."
    ):
        return
    filters = chosen_filters()
    by_month, by_weekday = st.columns(2)
    with by_month:
        show_chart(month_year_heatmap_figure(kpi_frame("month_year_heatmap", filters)))
    with by_weekday:
        show_chart(weekday_year_heatmap_figure(kpi_frame("weekday_year_heatmap", filters)))
    show_fiscal_year_calendar()


def show_fiscal_year_calendar() -> None:
    filters = chosen_filters()
    year = fiscal_year_in_focus(fiscal_years(), filters, date.today())
    if year is None:
        return
    title = f"People on approved leave per working day, fiscal year {fiscal_year_label(year)}"
    days = days_in_focus(year, filters)
    if days is None:
        st.info(f"The date range chosen lies outside fiscal year {fiscal_year_label(year)}.")
        return
    st.caption(
        "The calendar shows the newest fiscal year chosen in the sidebar (the current one when "
        "none is), approved leave only."
    )
    availability = kpi_frame("daily_availability", approved_leave_within(filters, *days))
    show_chart(calendar_heatmap_figure(availability, title))


heatmaps()
