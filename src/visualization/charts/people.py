"""The employees who took the most approved leave."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_DEPARTMENT, NO_LEAVE, labels, message_figure, titled
from visualization.charts.palette import LEAVE_DAYS


def top_employees_figure(frame: pd.DataFrame) -> go.Figure:
    """From `top_employees` rows: rank, employee_name, department, leaves, leave_days."""
    title = f"Top {len(frame)} employees by approved leave days" if len(frame) else "Top employees"
    if frame.empty:
        return message_figure(title, NO_LEAVE)
    # A rank prefix keeps two people of the same name apart on the axis.
    names = "#" + frame["rank"].astype(str) + " " + frame["employee_name"].astype(str)
    customdata = pd.DataFrame(
        {"department": labels(frame["department"], NO_DEPARTMENT), "leaves": frame["leaves"]}
    )
    bars = go.Bar(
        x=frame["leave_days"],
        y=names,
        orientation="h",
        marker_color=LEAVE_DAYS,
        customdata=customdata.to_numpy(),
        hovertemplate="%{y} (%{customdata[0]})<br>%{x:,.1f} leave days "
        "in %{customdata[1]:,} leaves<extra></extra>",
    )
    figure = go.Figure(bars)
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_layout(height=max(320, 24 * len(frame) + 120))
    return titled(figure, title, "Approved leave days", "Employee")
