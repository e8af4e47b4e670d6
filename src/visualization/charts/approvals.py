"""How requests are decided: rates and latency per issuer and department."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_DEPARTMENT, labels, message_figure, titled
from visualization.charts.palette import LATENCY_MEDIAN, LATENCY_P90, status_colour

NO_DECISIONS = "No decided requests match these filters."


def issuer_names(frame: pd.DataFrame) -> pd.Series:
    """An issuer's name, else their e-mail, else their id: some are known only by e-mail."""
    fallback = frame["leave_issuer_email"].where(
        frame["leave_issuer_email"].notna(), "issuer #" + frame["leave_issuer_id"].astype(str)
    )
    return frame["leave_issuer_name"].where(frame["leave_issuer_name"].notna(), fallback)


def decision_rates_figure(frame: pd.DataFrame, names: pd.Series) -> go.Figure:
    """Approval and rejection shares stacked per named row (an issuer, a department)."""
    rows = names + " (" + frame["decided"].astype(str) + ")"
    figure = go.Figure()
    for status, rate, count in (
        ("APPROVED", "approval_rate", "approved"),
        ("REJECTED", "rejection_rate", "rejected"),
    ):
        figure.add_trace(
            go.Bar(
                x=frame[rate],
                y=rows,
                name=status.capitalize(),
                orientation="h",
                marker_color=status_colour(status),
                customdata=frame[[count, "decided"]].to_numpy(),
                hovertemplate=f"%{{y}}<br>%{{x:.1%}} {status.lower()}: "
                "%{customdata[0]:,} of %{customdata[1]:,} decided<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="stack", legend_traceorder="normal", height=max(320, 26 * len(frame) + 140)
    )
    figure.update_xaxes(tickformat=".0%", range=[0, 1])
    figure.update_yaxes(autorange="reversed", type="category")
    return figure


def approval_rates_figure(frame: pd.DataFrame) -> go.Figure:
    """From `approvals_by_issuer` rows (already cut to the issuers to show): decided,
    approved, rejected, approval_rate, rejection_rate."""
    title = "Approval and rejection rates per issuer"
    if frame.empty:
        return message_figure(title, NO_DECISIONS)
    figure = decision_rates_figure(frame, issuer_names(frame))
    return titled(figure, title, "Share of decided requests", "Issuer (requests decided)")


def department_rates_figure(frame: pd.DataFrame) -> go.Figure:
    """From `approval_latency_by_department` rows: department, decided, approved, rejected,
    approval_rate, rejection_rate."""
    title = "Approval and rejection rates by department"
    if frame.empty:
        return message_figure(title, NO_DECISIONS)
    figure = decision_rates_figure(frame, labels(frame["department"], NO_DEPARTMENT))
    return titled(figure, title, "Share of decided requests", "Department (requests decided)")


def approval_latency_figure(frame: pd.DataFrame) -> go.Figure:
    """From `approval_latency_by_department` rows: department, decided, median and p90 hours."""
    title = "Time to a decision, by department"
    if frame.empty:
        return message_figure(title, NO_DECISIONS)
    names = labels(frame["department"], NO_DEPARTMENT)
    figure = go.Figure()
    for measure, name, colour in (
        ("median_latency_hours", "Median", LATENCY_MEDIAN),
        ("p90_latency_hours", "90th percentile", LATENCY_P90),
    ):
        figure.add_trace(
            go.Bar(
                x=names,
                y=frame[measure],
                name=name,
                marker_color=colour,
                customdata=frame["decided"],
                hovertemplate=f"%{{x}}<br>{name}: %{{y:,.1f}} hours "
                "over %{customdata:,} decided requests<extra></extra>",
            )
        )
    figure.update_layout(barmode="group")
    return titled(figure, title, "Department", "Hours from request to decision")
