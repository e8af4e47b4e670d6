"""Reading a built figure the way a reader sees it: titles, traces, colours."""

import plotly.graph_objects as go


def title_of(figure: go.Figure) -> str:
    return figure.layout.title.text


def axis_titles(figure: go.Figure) -> tuple[str, str]:
    return figure.layout.xaxis.title.text, figure.layout.yaxis.title.text


def trace_types(figure: go.Figure) -> list[str]:
    return [trace.type for trace in figure.data]


def message_of(figure: go.Figure) -> str | None:
    """The text of an empty figure's message; None for a figure with data."""
    if figure.data or not figure.layout.annotations:
        return None
    return figure.layout.annotations[0].text
