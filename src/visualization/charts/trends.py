"""Leave days month by month, one line per leave type or per status."""

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_LEAVE, message_figure, titled
from visualization.charts.palette import leave_type_colour, status_colour

Y_TITLE = "Leave days (working days)"


def monthly_trend_by_leave_type_figure(frame: pd.DataFrame) -> go.Figure:
    """From `monthly_trend_by_leave_type` rows: month, leave_type, leave_days."""
    return monthly_lines(frame, "leave_type", leave_type_colour, "Leave days per month, by type")


def monthly_trend_by_status_figure(frame: pd.DataFrame) -> go.Figure:
    """From `monthly_trend_by_status` rows: month, status, leave_days."""
    return monthly_lines(frame, "status", status_colour, "Leave days per month, by status")


def monthly_lines(
    frame: pd.DataFrame, series: str, colour: Callable[[str], str], title: str
) -> go.Figure:
    if frame.empty:
        return message_figure(title, NO_LEAVE)
    figure = go.Figure()
    for name, rows in frame.groupby(series, sort=True):
        figure.add_trace(
            go.Scatter(
                x=rows["month"],
                y=rows["leave_days"],
                name=str(name),
                mode="lines+markers",
                line={"color": colour(str(name)), "width": 2},
                marker={"color": colour(str(name)), "size": 6},
                hovertemplate="%{fullData.name}<br>%{x|%B %Y}: %{y:,.1f} leave days<extra></extra>",
            )
        )
    figure.update_xaxes(tickformat="%b %Y")
    # A single line still names its leave type or status.
    figure.update_layout(showlegend=True)
    return titled(figure, title, "Month", Y_TITLE)
