"""The sync history: how long each run took and how it ended."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import message_figure, titled
from visualization.charts.palette import sync_status_colour

HOVER_COLUMNS = ["started_at", "fetched", "inserted", "updated", "deleted", "rejected"]


def sync_runs_figure(frame: pd.DataFrame) -> go.Figure:
    """From the recent sync runs (id, started_at, status, duration_seconds and the counts):
    one bar per finished run, oldest first, coloured by how it ended."""
    title = "Recent sync runs"
    finished = frame[frame["duration_seconds"].notna()] if not frame.empty else frame
    if finished.empty:
        return message_figure(title, "No sync run has finished yet.")
    runs = finished.sort_values("id").assign(
        run="#" + finished["id"].astype(str),
        started_at=pd.to_datetime(finished["started_at"]).dt.strftime("%Y-%m-%d %H:%M:%S"),
    )
    figure = go.Figure()
    for status, rows in runs.groupby("status", sort=True):
        figure.add_trace(
            go.Bar(
                x=rows["run"],
                y=rows["duration_seconds"],
                name=str(status),
                marker_color=sync_status_colour(str(status)),
                customdata=rows[HOVER_COLUMNS].to_numpy(),
                hovertemplate="Run %{x} %{fullData.name}, started %{customdata[0]}"
                "<br>%{y:,.1f} s; fetched %{customdata[1]:,}, inserted "
                "%{customdata[2]:,}, updated %{customdata[3]:,}, deleted %{customdata[4]:,}, "
                "rejected %{customdata[5]:,}<extra></extra>",
            )
        )
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=list(runs["run"]))
    return titled(figure, title, "Sync run", "Duration (seconds)")
