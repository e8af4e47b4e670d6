"""A finding's share of leaves per department: late applications, reassigned issuers."""

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import NO_DEPARTMENT, NO_LEAVE, labels, message_figure, titled


def department_share_figure(
    frame: pd.DataFrame, count: str, share: str, title: str, what: str, colour: str
) -> go.Figure:
    """From `late_applications` or `issuer_reassignment` rows: department, is_total, leaves,
    and the finding's `count` and `share` columns; the total row is left to the caller."""
    departments = frame[~frame["is_total"]] if not frame.empty else frame
    if departments.empty or not departments["leaves"].any():
        return message_figure(title, NO_LEAVE)
    ranked = departments.sort_values(share, ascending=False)
    bars = go.Bar(
        x=labels(ranked["department"], NO_DEPARTMENT),
        y=ranked[share],
        marker_color=colour,
        customdata=ranked[[count, "leaves"]].to_numpy(),
        hovertemplate=f"%{{x}}<br>%{{y:.1%}} {what}: "
        "%{customdata[0]:,} of %{customdata[1]:,} leaves<extra></extra>",
    )
    figure = go.Figure(bars)
    figure.update_yaxes(tickformat=".0%")
    return titled(figure, title, "Department", f"Share of leaves {what}")
