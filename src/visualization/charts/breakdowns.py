"""Approved leave days split by department, designation and leave type."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_DEPARTMENT, NO_LEAVE, labels, message_figure, titled
from visualization.charts.palette import LEAVE_DAYS, PER_HEAD, leave_type_colour

DAYS_TITLE = "Approved leave days"
PER_HEAD_TITLE = "Approved leave days per head"
GROUP_HOVER = (
    "%{y}<br>%{customdata[0]:,.1f} leave days in %{customdata[1]:,} leaves"
    "<br>%{customdata[2]:,} of %{customdata[3]:,} people took leave"
    "<br>%{customdata[4]:,.2f} days per head<extra></extra>"
)
HOVER_COLUMNS = ["leave_days", "leaves", "employees_with_leave", "headcount", "leave_days_per_head"]


def leave_by_department_figure(frame: pd.DataFrame) -> go.Figure:
    """From `leave_by_department` rows: department, headcount, leaves, leave_days, ..."""
    title = "Approved leave days by department"
    if frame.empty or not frame["leave_days"].any():
        return message_figure(title, NO_LEAVE)
    names = labels(frame["department"], NO_DEPARTMENT)
    return group_bars(frame, names, "leave_days", LEAVE_DAYS, title, DAYS_TITLE, "Department")


def leave_per_head_by_department_figure(frame: pd.DataFrame) -> go.Figure:
    """From `leave_by_department` rows, ranked by days per head rather than by total."""
    title = "Approved leave days per head, by department"
    if frame.empty or not frame["leave_days"].any():
        return message_figure(title, NO_LEAVE)
    ranked = frame.sort_values("leave_days_per_head", ascending=False)
    names = labels(ranked["department"], NO_DEPARTMENT)
    return group_bars(
        ranked, names, "leave_days_per_head", PER_HEAD, title, PER_HEAD_TITLE, "Department"
    )


def leave_by_designation_figure(frame: pd.DataFrame) -> go.Figure:
    """From `leave_by_designation` rows: designation, headcount, leaves, leave_days, ..."""
    title = "Approved leave days by designation"
    if frame.empty or not frame["leave_days"].any():
        return message_figure(title, NO_LEAVE)
    names = labels(frame["designation"], "(no designation)")
    return group_bars(frame, names, "leave_days", LEAVE_DAYS, title, DAYS_TITLE, "Designation")


def group_bars(
    frame: pd.DataFrame,
    names: pd.Series,
    measure: str,
    colour: str,
    title: str,
    x_title: str,
    y_title: str,
) -> go.Figure:
    bars = go.Bar(
        x=frame[measure],
        y=names,
        orientation="h",
        marker_color=colour,
        customdata=frame[HOVER_COLUMNS].to_numpy(),
        hovertemplate=GROUP_HOVER,
    )
    figure = go.Figure(bars)
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_layout(height=max(320, 28 * len(frame) + 120))
    return titled(figure, title, x_title, y_title)


def leave_by_leave_type_figure(frame: pd.DataFrame) -> go.Figure:
    """From `leave_by_leave_type` rows: leave_type, leaves, leave_days, leave_days_per_head."""
    title = "Approved leave days by leave type"
    if frame.empty or not frame["leave_days"].any():
        return message_figure(title, NO_LEAVE)
    bars = go.Bar(
        x=frame["leave_type"],
        y=frame["leave_days"],
        marker_color=[leave_type_colour(name) for name in frame["leave_type"]],
        customdata=frame[["leaves", "leave_days_per_head"]].to_numpy(),
        hovertemplate="%{x}<br>%{y:,.1f} leave days in %{customdata[0]:,} leaves"
        "<br>%{customdata[1]:,.2f} days per head<extra></extra>",
    )
    return titled(go.Figure(bars), title, "Leave type", DAYS_TITLE)
