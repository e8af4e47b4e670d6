"""A year of working days as a calendar: weeks across, weekdays down, coloured by absence."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from visualization.charts.heatmaps import WEEKDAYS
from visualization.charts.layout import message_figure, titled
from visualization.charts.palette import SEQUENTIAL_SCALE


def calendar_heatmap_figure(frame: pd.DataFrame, title: str) -> go.Figure:
    """From `daily_availability` rows (day, department, headcount, on_leave): per working day
    the people on approved leave, over all the departments shown."""
    if frame.empty:
        return message_figure(title, "No working days to show for this period.")
    per_day = frame.groupby("day", as_index=False)[["on_leave", "headcount"]].sum()
    days = pd.to_datetime(per_day["day"])
    cells = per_day.assign(
        week=days - pd.to_timedelta(days.dt.day_of_week, unit="D"),
        weekday=days.dt.day_of_week + 1,
        date=days.dt.strftime("%a %Y-%m-%d"),
    )
    on_leave = cells.pivot(index="weekday", columns="week", values="on_leave")
    dates = cells.pivot(index="weekday", columns="week", values="date")
    headcount = cells.pivot(index="weekday", columns="week", values="headcount")
    heatmap = go.Heatmap(
        z=on_leave.to_numpy(),
        x=list(on_leave.columns),
        y=[WEEKDAYS[number] for number in on_leave.index],
        customdata=np.dstack([dates.to_numpy(dtype=object), headcount.to_numpy(dtype=object)]),
        colorscale=SEQUENTIAL_SCALE,
        colorbar={"title": "People on leave"},
        hovertemplate="%{customdata[0]}: %{z:,} on leave "
        "of %{customdata[1]:,} people<extra></extra>",
        hoverongaps=False,
        xgap=2,
        ygap=2,
    )
    figure = go.Figure(heatmap)
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(tickformat="%b %Y", dtick="M1")
    figure.update_layout(height=320)
    return titled(figure, title, "Week (starting Monday)", "Weekday")
