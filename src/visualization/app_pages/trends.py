"""Trends: leave month by month, the people who take most, designations, per-head by
department."""

import streamlit as st

from visualization.charts.breakdowns import (
    leave_by_designation_figure,
    leave_per_head_by_department_figure,
)
from visualization.charts.people import top_employees_figure
from visualization.charts.trends import (
    monthly_trend_by_leave_type_figure,
    monthly_trend_by_status_figure,
)
from visualization.data.kpis import kpi_frame
from visualization.filters.sidebar import chosen_filters
from visualization.live import live
from visualization.ui.charts import show_chart
from visualization.ui.header import open_page
from visualization.ui.tables import show_table

TREND_SPLITS = {"leave_type": "Leave type", "status": "Status"}
TOP_EMPLOYEE_COLUMNS = {
    "rank": "Rank",
    "employee_name": "Employee",
    "email": "E-mail",
    "department": "Department",
    "designation": "Designation",
    "leaves": "Leaves",
    "leave_days": st.column_config.NumberColumn("Leave days", format="%.1f"),
}
DEPARTMENT_COLUMNS = {
    "department": "Department",
    "headcount": "Headcount",
    "employees_with_leave": "People who took leave",
    "leaves": "Leaves",
    "leave_days": st.column_config.NumberColumn("Leave days", format="%.1f"),
    "leave_days_per_head": st.column_config.NumberColumn("Days per head", format="%.2f"),
}


@live
def trends() -> None:
    if not open_page("Trends", "How leave develops, and who and which groups take most."):
        return
    filters = chosen_filters()
    split = st.segmented_control(
        "Monthly trend by",
        list(TREND_SPLITS),
        default="leave_type",
        format_func=TREND_SPLITS.__getitem__,
        key="trend_by",
        required=True,
        bind="query-params",
    )
    if split == "status":
        st.caption("Shows the statuses chosen in the sidebar.")
        show_chart(monthly_trend_by_status_figure(kpi_frame("monthly_trend_by_status", filters)))
    else:
        show_chart(
            monthly_trend_by_leave_type_figure(kpi_frame("monthly_trend_by_leave_type", filters))
        )
    top = st.slider("Employees to rank", 5, 50, 15, step=5, key="top", bind="query-params")
    top_employees = kpi_frame("top_employees", filters, limit=top)
    show_chart(top_employees_figure(top_employees))
    show_table(
        top_employees,
        file_name="top_employees",
        empty_message="Nobody matching the filters took approved leave.",
        columns=TOP_EMPLOYEE_COLUMNS,
    )
    show_chart(leave_by_designation_figure(kpi_frame("leave_by_designation", filters)))
    by_department = kpi_frame("leave_by_department", filters)
    show_chart(leave_per_head_by_department_figure(by_department))
    show_table(
        by_department,
        file_name="leave_by_department",
        empty_message="No department matches the filters.",
        columns=DEPARTMENT_COLUMNS,
    )


trends()
