from datetime import date

import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of, trace_types
from visualization.charts.availability import availability_figure, on_leave_by_department_figure
from visualization.charts.palette import AVAILABLE, ON_LEAVE

DAYS = pd.DataFrame(
    {
        "day": [date(2024, 8, 2)] * 2 + [date(2024, 8, 5)] * 2,
        "department": ["Data", None] * 2,
        "headcount": [10, 5] * 2,
        "on_leave": [2, 1, 0, 3],
        "available": [8, 4, 10, 2],
    }
)


def test_availability_stacks_on_leave_and_available_per_working_day():
    figure = availability_figure(DAYS)
    assert trace_types(figure) == ["bar", "bar"]
    assert figure.layout.barmode == "stack"
    assert [(trace.name, list(trace.y)) for trace in figure.data] == [
        ("On leave", [3, 3]),
        ("Available", [12, 12]),
    ]


def test_availability_names_working_days_without_weekend_gaps():
    figure = availability_figure(DAYS)
    assert list(figure.data[0].x) == ["Fri 02 Aug 2024", "Mon 05 Aug 2024"]
    assert figure.layout.xaxis.type == "category"


def test_availability_colours_on_leave_and_available():
    figure = availability_figure(DAYS)
    assert [trace.marker.color for trace in figure.data] == [ON_LEAVE, AVAILABLE]
    assert axis_titles(figure) == ("Working day", "People")


def test_the_department_heatmap_has_a_row_per_department():
    figure = on_leave_by_department_figure(DAYS)
    assert list(figure.data[0].y) == ["(no department)", "Data"]
    assert [list(row) for row in figure.data[0].z] == [[1, 3], [2, 0]]
    assert title_of(figure) == "People on leave per department and working day"


def test_no_days_say_so():
    assert message_of(availability_figure(pd.DataFrame())) == "No working days in this period."
    assert message_of(on_leave_by_department_figure(pd.DataFrame())) == (
        "No working days in this period."
    )
