"""When leave is taken: months and weekdays against calendar years."""

import calendar

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_LEAVE, message_figure, titled
from visualization.charts.palette import SEQUENTIAL_SCALE

MONTHS = {number: calendar.month_abbr[number] for number in range(1, 13)}
WEEKDAYS = {number: calendar.day_abbr[number - 1] for number in range(1, 8)}


def month_year_heatmap_figure(frame: pd.DataFrame) -> go.Figure:
    """From `month_year_heatmap` rows: year, month, leave_days, share_of_year."""
    title = "Leave days by month and year"
    if frame.empty:
        return message_figure(title, NO_LEAVE)
    return year_heatmap(
        frame,
        "month",
        MONTHS,
        list(MONTHS),
        "leave_days",
        title,
        "Month",
        "Leave days",
        "%{x} %{y}: %{z:,.1f} leave days<br>%{customdata:.1%} of the year's leave days",
    )


def weekday_year_heatmap_figure(frame: pd.DataFrame) -> go.Figure:
    """From `weekday_year_heatmap` rows: year, weekday (ISO), leave_days, share_of_year."""
    title = "Share of each year's leave days by weekday"
    if frame.empty:
        return message_figure(title, NO_LEAVE)
    # Only the weekdays the data has: weekend days never carry leave days.
    weekdays = sorted(set(frame["weekday"]))
    return year_heatmap(
        frame,
        "weekday",
        WEEKDAYS,
        weekdays,
        "share_of_year",
        title,
        "Weekday",
        "Share of year",
        "%{x}s in %{y}: %{z:.1%} of the year's leave days<br>%{customdata:,.1f} leave days",
        percent=True,
    )


def year_heatmap(
    frame: pd.DataFrame,
    column: str,
    names: dict[int, str],
    shown: list[int],
    measure: str,
    title: str,
    x_title: str,
    colour_title: str,
    hover: str,
    percent: bool = False,
) -> go.Figure:
    other = "share_of_year" if measure == "leave_days" else "leave_days"
    z = frame.pivot(index="year", columns=column, values=measure).reindex(columns=shown)
    extra = frame.pivot(index="year", columns=column, values=other).reindex(columns=shown)
    heatmap = go.Heatmap(
        z=z.to_numpy(),
        x=[names[number] for number in shown],
        y=[str(year) for year in z.index],
        customdata=extra.to_numpy(),
        colorscale=SEQUENTIAL_SCALE,
        colorbar={"title": colour_title, "tickformat": ".0%" if percent else ",.0f"},
        hovertemplate=hover + "<extra></extra>",
        hoverongaps=False,
        xgap=2,
        ygap=2,
    )
    figure = go.Figure(heatmap)
    figure.update_yaxes(type="category")
    return titled(figure, title, x_title, "Year")
