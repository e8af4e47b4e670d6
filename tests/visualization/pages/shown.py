"""What a page run shows, read from an AppTest."""

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def chart_titles(app: AppTest) -> list[str]:
    return [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in charts(app)]


def chart_messages(app: AppTest) -> list[str]:
    """The messages of the charts that had nothing to draw."""
    layouts = [json.loads(chart.proto.spec)["layout"] for chart in charts(app)]
    return [layout["annotations"][0]["text"] for layout in layouts if "annotations" in layout]


def chart_traces(app: AppTest) -> list[dict]:
    return [trace for chart in charts(app) for trace in json.loads(chart.proto.spec)["data"]]


def chart_titled(app: AppTest, title: str) -> dict:
    specs = [json.loads(chart.proto.spec) for chart in charts(app)]
    return next(spec for spec in specs if spec["layout"]["title"]["text"] == title)


def plotted(values: list | dict) -> list:
    """A trace's array as sent: a list, or Plotly's typed array (base64 of numbers)."""
    if isinstance(values, list):
        return values
    return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()


def charts(app: AppTest) -> list:
    return list(app.get("plotly_chart"))


def infos(app: AppTest) -> list[str]:
    return [info.value for info in app.info]
