"""One gauge per leave type: days used against days allotted, with pending and over-use."""

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from visualization.charts.layout import FONT_FAMILY, message_figure
from visualization.charts.palette import ALLOTTED, OVER_USE, PENDING, leave_type_colour

GAUGES_PER_ROW = 3
ALLOTMENT_LINE = "#263238"
# Of each gauge's cell, the top part its three-line title needs.
TITLE_SHARE = 0.3


def balance_gauges_figure(frame: pd.DataFrame, title: str) -> go.Figure:
    """From `employee_balances` rows of one employee and fiscal year: leave_type,
    default_days, carried_over, allotted, used, pending, remaining."""
    if frame.empty:
        return message_figure(title, "No balances for this employee in this fiscal year.")
    columns = min(GAUGES_PER_ROW, len(frame))
    rows = math.ceil(len(frame) / columns)
    figure = go.Figure(
        [
            balance_gauge(balance, cell_domain(position, rows, columns))
            for position, balance in enumerate(frame.to_dict("records"))
        ]
    )
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=300 * rows + 60,
        font_family=FONT_FAMILY,
        margin={"t": 60, "l": 40, "r": 40, "b": 10},
    )
    return figure


def cell_domain(position: int, rows: int, columns: int) -> dict[str, list[float]]:
    """The gauge's place in a grid filled row by row, below the room for its title."""
    row, column = divmod(position, columns)
    height, width = 1 / rows, 1 / columns
    top = 1 - row * height - TITLE_SHARE * height
    return {
        "x": [column * width + 0.04, (column + 1) * width - 0.04],
        "y": [1 - (row + 1) * height, top],
    }


def balance_gauge(balance: dict[str, Any], domain: dict[str, list[float]]) -> go.Indicator:
    """The bar is the days used; the grey band the allotment, ending at the dark line;
    the amber band the pending days. Using more than allotted turns the bar red."""
    over_use = balance["remaining"] < 0
    colour = OVER_USE if over_use else leave_type_colour(balance["leave_type"])
    used, pending, allotted = balance["used"], balance["pending"], balance["allotted"]
    return go.Indicator(
        mode="gauge+number",
        value=used,
        number={"suffix": f" of {allotted:g} d used", "font": {"size": 22, "color": colour}},
        title={"text": gauge_title(balance, over_use), "font": {"size": 15}},
        gauge={
            "axis": {"range": [0, max(allotted, used + pending, 1)], "ticksuffix": " d"},
            "bar": {"color": colour, "thickness": 0.6},
            "steps": [
                {"range": [0, allotted], "color": ALLOTTED},
                {"range": [used, used + pending], "color": PENDING},
            ],
            "threshold": {
                "line": {"color": ALLOTMENT_LINE, "width": 3},
                "thickness": 0.9,
                "value": allotted,
            },
        },
        domain=domain,
    )


def gauge_title(balance: dict[str, Any], over_use: bool) -> str:
    remaining = f"{balance['remaining']:g} d remaining"
    if over_use:
        remaining = f"<b style='color:{OVER_USE}'>{-balance['remaining']:g} d over</b>"
    return (
        f"<b>{balance['leave_type']}</b><br><span style='font-size:12px'>{remaining} · "
        f"{balance['pending']:g} d pending<br>{balance['allotted']:g} d allotted = "
        f"{balance['default_days']:g} + {balance['carried_over']:g} carried over</span>"
    )
