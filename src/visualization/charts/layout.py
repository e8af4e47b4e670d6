"""What every figure shares: a title, axis titles with units, and the empty case."""

import pandas as pd
import plotly.graph_objects as go

FONT_FAMILY = "Source Sans Pro, sans-serif"


def titled(figure: go.Figure, title: str, x_title: str, y_title: str) -> go.Figure:
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        xaxis_title=x_title,
        yaxis_title=y_title,
        font_family=FONT_FAMILY,
        hoverlabel={"namelength": -1},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        margin={"t": 80, "l": 10, "r": 10, "b": 10},
    )
    return figure


def message_figure(title: str, message: str) -> go.Figure:
    """A figure that says there is nothing to draw, in place of empty axes."""
    figure = go.Figure()
    figure.add_annotation(
        text=message,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        font={"size": 16, "color": "#5F6B7A"},
    )
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        xaxis={"visible": False},
        yaxis={"visible": False},
        height=260,
        font_family=FONT_FAMILY,
        margin={"t": 60, "l": 10, "r": 10, "b": 10},
    )
    return figure


NO_LEAVE = "No leave matches these filters."
NO_DEPARTMENT = "(no department)"


def labels(values: pd.Series, missing: str) -> pd.Series:
    """Category names for an axis, with a readable name for the missing one."""
    return values.astype(object).where(values.notna(), missing).astype(str)
