"""Approvals: decision rates and times per issuer and department, late applications,
reassigned issuers."""

import streamlit as st

from visualization.charts.approvals import (
    approval_latency_figure,
    approval_rates_figure,
    department_rates_figure,
)
from visualization.charts.palette import LATE, REASSIGNED
from visualization.charts.shares import department_share_figure
from visualization.data.kpis import kpi_frame
from visualization.filters.sidebar import chosen_filters
from visualization.live import live
from visualization.ui import formats
from visualization.ui.charts import show_chart
from visualization.ui.header import open_page
from visualization.ui.tables import show_table

ISSUERS_SHOWN = 20
ISSUER_COLUMNS = {
    "leave_issuer_name": "Issuer",
    "leave_issuer_email": "E-mail",
    "decided": "Decided",
    "approved": "Approved",
    "rejected": "Rejected",
    "approval_rate": st.column_config.NumberColumn("Approval rate", format="percent"),
    "rejection_rate": st.column_config.NumberColumn("Rejection rate", format="percent"),
    "median_latency_hours": st.column_config.NumberColumn("Median hours", format="%.1f"),
    "p90_latency_hours": st.column_config.NumberColumn("90th pct. hours", format="%.1f"),
}


@live
def approvals() -> None:
    if not open_page(
        "Approvals",
        "Decided requests (approved or rejected) per issuer and department; late applications "
        "and reassignments count the statuses chosen in the sidebar.",
    ):
        return
    filters = chosen_filters()
    issuers = kpi_frame("approvals_by_issuer", filters)
    late = kpi_frame("late_applications", filters)
    reassigned = kpi_frame("issuer_reassignment", filters)
    late_total = late[late["is_total"]].iloc[0]
    reassigned_total = reassigned[reassigned["is_total"]].iloc[0]
    summary = kpi_frame("summary", filters).iloc[0]
    cards = st.columns(4)
    cards[0].metric("Approval rate", formats.share(summary["approval_rate"]))
    cards[1].metric("Pending requests", formats.count(summary["pending_requests"]))
    cards[2].metric("Applied after the leave began", formats.share(late_total["late_share"]))
    cards[3].metric("Issuer reassigned", formats.share(reassigned_total["reassigned_share"]))
    show_chart(approval_rates_figure(issuers.head(ISSUERS_SHOWN)))
    show_table(
        issuers,
        file_name="approvals_by_issuer",
        empty_message="No decided requests match these filters.",
        columns=ISSUER_COLUMNS,
    )
    by_department = kpi_frame("approval_latency_by_department", filters)
    rates_chart, latency_chart = st.columns(2)
    with rates_chart:
        show_chart(department_rates_figure(by_department))
    with latency_chart:
        show_chart(approval_latency_figure(by_department))
    late_chart, reassigned_chart = st.columns(2)
    with late_chart:
        show_chart(
            department_share_figure(
                late,
                "late_leaves",
                "late_share",
                "Late applications by department",
                "applied late",
                LATE,
            )
        )
    with reassigned_chart:
        show_chart(
            department_share_figure(
                reassigned,
                "reassigned_leaves",
                "reassigned_share",
                "Issuer reassignment by department",
                "reassigned",
                REASSIGNED,
            )
        )


approvals()
