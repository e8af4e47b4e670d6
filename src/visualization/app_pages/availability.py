"""Availability: per working day and department, who is on leave and who is available; and
the approved leave of the next 14 days."""

from datetime import date, timedelta

import streamlit as st

from visualization.charts.availability import availability_figure, on_leave_by_department_figure
from visualization.data.kpis import kpi_frame
from visualization.filters.periods import approved_leave_within
from visualization.filters.sidebar import chosen_filters
from visualization.live import live
from visualization.ui.charts import show_chart
from visualization.ui.header import open_page
from visualization.ui.leave_tables import LEAVE_COLUMNS
from visualization.ui.tables import show_table

UPCOMING_DAYS = 14
AVAILABILITY_COLUMNS = {
    "day": st.column_config.DateColumn("Day"),
    "department": "Department",
    "headcount": "Headcount",
    "on_leave": "On leave",
    "available": "Available",
}


@live
def availability() -> None:
    if not open_page("Availability", "Approved leave against headcount, day by day."):
        return
    filters = chosen_filters()
    today = date.today()
    next_days = (today, today + timedelta(days=UPCOMING_DAYS - 1))
    first_day, last_day = (
        (filters.date_from, filters.date_to or filters.date_from)
        if filters.date_from
        else next_days
    )
    st.caption(
        f"Working days {first_day:%d %b %Y} to {last_day:%d %b %Y}: the sidebar's dates, "
        f"else the next {UPCOMING_DAYS} days."
    )
    days = kpi_frame(
        "daily_availability", approved_leave_within(filters, first_day, last_day), as_of=today
    )
    show_chart(availability_figure(days))
    show_chart(on_leave_by_department_figure(days))
    show_table(
        days,
        file_name=f"availability_{first_day}_{last_day}",
        empty_message="No working days in this period.",
        columns=AVAILABILITY_COLUMNS,
    )
    st.subheader(f"Approved leave in the next {UPCOMING_DAYS} days")
    upcoming = kpi_frame("leave_history", approved_leave_within(filters, *next_days))
    show_table(
        upcoming.sort_values(["start_date", "employee_name"]) if not upcoming.empty else upcoming,
        file_name="upcoming_leave",
        empty_message=f"No approved leave in the next {UPCOMING_DAYS} days for these filters.",
        columns=LEAVE_COLUMNS,
    )


availability()
