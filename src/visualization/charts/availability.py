"""Who is on approved leave and who is available, per working day and department."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_DEPARTMENT, labels, message_figure, titled
from visualization.charts.palette import AVAILABLE, ON_LEAVE, SEQUENTIAL_SCALE

NO_DAYS = "No working days in this period."


def day_names(days: pd.Series) -> pd.Series:
    """Working days as category labels: a date axis would leave gaps for the weekends."""
    return pd.to_datetime(days).dt.strftime("%a %d %b %Y")


def availability_figure(frame: pd.DataFrame) -> go.Figure:
    """From `daily_availability` rows (day, department, headcount, on_leave, available):
    per day, everyone shown split into on leave and available."""
    title = "On leave and available, per working day"
    if frame.empty:
        return message_figure(title, NO_DAYS)
    per_day = frame.groupby("day", as_index=False)[["on_leave", "available", "headcount"]].sum()
    figure = go.Figure()
    for measure, name, colour in (
        ("on_leave", "On leave", ON_LEAVE),
        ("available", "Available", AVAILABLE),
    ):
        figure.add_trace(
            go.Bar(
                x=day_names(per_day["day"]),
                y=per_day[measure],
                name=name,
                marker_color=colour,
                customdata=per_day["headcount"],
                hovertemplate=f"%{{x}}: %{{y:,}} {name.lower()} "
                "of %{customdata:,} people<extra></extra>",
            )
        )
    figure.update_layout(barmode="stack", legend_traceorder="normal")
    figure.update_xaxes(type="category")
    return titled(figure, title, "Working day", "People")


def on_leave_by_department_figure(frame: pd.DataFrame) -> go.Figure:
    """From `daily_availability` rows: departments down, days across, people on leave."""
    title = "People on leave per department and working day"
    if frame.empty:
        return message_figure(title, NO_DAYS)
    cells = frame.assign(department=labels(frame["department"], NO_DEPARTMENT))
    on_leave = cells.pivot(index="department", columns="day", values="on_leave")
    available = cells.pivot(index="department", columns="day", values="available")
    heatmap = go.Heatmap(
        z=on_leave.to_numpy(),
        x=day_names(pd.Series(on_leave.columns)),
        y=list(on_leave.index),
        customdata=available.to_numpy(),
        colorscale=SEQUENTIAL_SCALE,
        colorbar={"title": "On leave"},
        hovertemplate="%{y}, %{x}: %{z:,} on leave, %{customdata:,} available<extra></extra>",
        xgap=1,
        ygap=1,
    )
    figure = go.Figure(heatmap)
    figure.update_xaxes(type="category")
    figure.update_yaxes(autorange="reversed")
    figure.update_layout(height=max(320, 26 * len(on_leave) + 140))
    return titled(figure, title, "Working day", "Department")
