"""The sync history: how long each run took and how it ended."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import message_figure, titled
from visualization.charts.palette import sync_status_colour


def sync_runs_figure(frame: pd.DataFrame) -> go.Figure:
    """From the recent sync runs: started_at, status, duration_seconds, fetched, inserted,
    updated, deleted, rejected, one bar per run coloured by how it ended."""
    title = "Recent sync runs"
    finished = frame[frame["duration_seconds"].notna()] if not frame.empty else frame
    if finished.empty:
        return message_figure(title, "No sync run has finished yet.")
    figure = go.Figure()
    for status, runs in finished.groupby("status", sort=True):
        figure.add_trace(
            go.Bar(
                x=runs["started_at"],
                y=runs["duration_seconds"],
                name=str(status),
                marker_color=sync_status_colour(str(status)),
                customdata=runs[["id", "fetched", "inserted", "updated", "deleted", "rejected"]]
                .to_numpy(),
                hovertemplate="Run %{customdata[0]} (%{fullData.name}), %{x|%Y-%m-%d %H:%M:%S}"
                "<br>%{y:,.1f} s; fetched %{customdata[1]:,}, inserted %{customdata[2]:,}, "
                "updated %{customdata[3]:,}, deleted %{customdata[4]:,}, "
                "rejected %{customdata[5]:,}<extra></extra>",
            )
        )
    return titled(figure, title, "Started at", "Duration (seconds)")
