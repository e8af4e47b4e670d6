"""Overview: the summary cards, the monthly trend, where leave goes, and who is off today."""

from datetime import date

import streamlit as st

from backend.settings import get_settings
from visualization.charts.breakdowns import leave_by_department_figure, leave_by_leave_type_figure
from visualization.charts.trends import monthly_trend_by_leave_type_figure
from visualization.data.kpis import kpi_frame
from visualization.filters.periods import approved_leave_within
from visualization.filters.sidebar import chosen_filters
from visualization.live import live
from visualization.ui import formats
from visualization.ui.charts import show_chart
from visualization.ui.header import open_page
from visualization.ui.leave_tables import LEAVE_COLUMNS
from visualization.ui.tables import show_table


@live
def overview() -> None:
    if not open_page(
        "Overview",
        "The cards and the breakdowns count approved leave; the trend, the statuses chosen.",
    ):
        return
    filters = chosen_filters()
    today = date.today()
    summary = kpi_frame("summary", filters, as_of=today).iloc[0]
    cards = st.columns(4)
    cards[0].metric("Approved leave days", formats.days(summary["total_leave_days"]))
    cards[1].metric("People who took leave", formats.count(summary["employees_who_took_leave"]))
    cards[2].metric("Headcount", formats.count(summary["headcount"]))
    cards[3].metric("Leave days per head", formats.days(summary["leave_days_per_head"]))
    cards = st.columns(4)
    cards[0].metric("On leave today", formats.count(summary["employees_on_leave_today"]))
    cards[1].metric("Pending requests", formats.count(summary["pending_requests"]))
    cards[2].metric("Approval rate", formats.share(summary["approval_rate"]))
    trend = kpi_frame("monthly_trend_by_leave_type", filters)
    show_chart(monthly_trend_by_leave_type_figure(trend))
    by_department, by_type = st.columns(2)
    with by_department:
        show_chart(leave_by_department_figure(kpi_frame("leave_by_department", filters)))
    with by_type:
        show_chart(leave_by_leave_type_figure(kpi_frame("leave_by_leave_type", filters)))
    st.subheader("Who is off today")
    if today.isoweekday() in get_settings().weekend_isodows:
        st.info("Today is a weekend day: nobody counts as on leave.", icon=":material/weekend:")
        return
    show_table(
        kpi_frame("leave_history", approved_leave_within(filters, today, today)),
        file_name=f"on_leave_{today.isoformat()}",
        empty_message="Nobody matching the filters is on approved leave today.",
        columns=LEAVE_COLUMNS,
    )


overview()
