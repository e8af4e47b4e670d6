from datetime import date

import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of, trace_types
from visualization.charts.palette import LEAVE_TYPE_COLOURS, STATUS_COLOURS
from visualization.charts.trends import (
    monthly_trend_by_leave_type_figure,
    monthly_trend_by_status_figure,
)

BY_TYPE = pd.DataFrame(
    {
        "month": [date(2024, 8, 1), date(2024, 8, 1), date(2024, 9, 1)],
        "leave_type_id": [1, 2, 1],
        "leave_type": ["Annual Leave", "Sick Leave", "Annual Leave"],
        "leave_days": [10.5, 2.0, 4.0],
    }
)
BY_STATUS = pd.DataFrame(
    {
        "month": [date(2024, 8, 1), date(2024, 8, 1)],
        "status": ["APPROVED", "REJECTED"],
        "leave_days": [10.5, 3.0],
    }
)


def test_the_trend_by_type_has_one_line_per_leave_type():
    figure = monthly_trend_by_leave_type_figure(BY_TYPE)
    assert trace_types(figure) == ["scatter", "scatter"]
    assert [trace.name for trace in figure.data] == ["Annual Leave", "Sick Leave"]
    assert list(figure.data[0].y) == [10.5, 4.0]


def test_the_trend_by_type_colours_each_line_as_its_leave_type():
    figure = monthly_trend_by_leave_type_figure(BY_TYPE)
    assert [trace.line.color for trace in figure.data] == [
        LEAVE_TYPE_COLOURS["Annual Leave"],
        LEAVE_TYPE_COLOURS["Sick Leave"],
    ]


def test_the_trend_by_type_is_titled_with_its_units():
    figure = monthly_trend_by_leave_type_figure(BY_TYPE)
    assert title_of(figure) == "Leave days per month, by type"
    assert axis_titles(figure) == ("Month", "Leave days (working days)")


def test_the_trend_hover_names_the_series_month_and_days():
    figure = monthly_trend_by_leave_type_figure(BY_TYPE)
    assert figure.data[0].hovertemplate == (
        "%{fullData.name}<br>%{x|%B %Y}: %{y:,.1f} leave days<extra></extra>"
    )


def test_the_trend_by_status_colours_each_line_as_its_status():
    figure = monthly_trend_by_status_figure(BY_STATUS)
    assert [(trace.name, trace.line.color) for trace in figure.data] == [
        ("APPROVED", STATUS_COLOURS["APPROVED"]),
        ("REJECTED", STATUS_COLOURS["REJECTED"]),
    ]


def test_an_empty_trend_says_no_leave_matches():
    figure = monthly_trend_by_status_figure(pd.DataFrame())
    assert title_of(figure) == "Leave days per month, by status"
    assert message_of(figure) == "No leave matches these filters."
