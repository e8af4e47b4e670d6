import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of, trace_types
from visualization.charts.breakdowns import (
    leave_by_department_figure,
    leave_by_designation_figure,
    leave_by_leave_type_figure,
    leave_per_head_by_department_figure,
)
from visualization.charts.palette import LEAVE_DAYS, LEAVE_TYPE_COLOURS, PER_HEAD

DEPARTMENTS = pd.DataFrame(
    {
        "department": ["Engineering", None, "Finance"],
        "headcount": [10, 2, 4],
        "leaves": [6, 1, 2],
        "employees_with_leave": [5, 1, 2],
        "leave_days": [12.0, 3.0, 2.0],
        "leave_days_per_head": [1.2, 1.5, 0.5],
    }
)
LEAVE_TYPES = pd.DataFrame(
    {
        "leave_type_id": [1, 2],
        "leave_type": ["Annual Leave", "Sick Leave"],
        "headcount": [16, 16],
        "leaves": [7, 2],
        "employees_with_leave": [6, 2],
        "leave_days": [14.0, 3.0],
        "leave_days_per_head": [0.875, 0.1875],
    }
)


def test_departments_are_horizontal_bars_of_leave_days_in_the_kpis_order():
    figure = leave_by_department_figure(DEPARTMENTS)
    assert trace_types(figure) == ["bar"]
    assert list(figure.data[0].x) == [12.0, 3.0, 2.0]
    assert list(figure.data[0].y) == ["Engineering", "(no department)", "Finance"]
    assert figure.data[0].marker.color == LEAVE_DAYS


def test_departments_are_titled_with_their_units():
    figure = leave_by_department_figure(DEPARTMENTS)
    assert title_of(figure) == "Approved leave days by department"
    assert axis_titles(figure) == ("Approved leave days", "Department")


def test_a_department_bar_hovers_with_its_headcount_and_days_per_head():
    figure = leave_by_department_figure(DEPARTMENTS)
    assert list(figure.data[0].customdata[0]) == [12.0, 6, 5, 10, 1.2]
    assert "%{customdata[2]:,} of %{customdata[3]:,} people took leave" in (
        figure.data[0].hovertemplate
    )


def test_per_head_ranks_departments_by_days_per_head():
    figure = leave_per_head_by_department_figure(DEPARTMENTS)
    assert list(figure.data[0].y) == ["(no department)", "Engineering", "Finance"]
    assert list(figure.data[0].x) == [1.5, 1.2, 0.5]
    assert figure.data[0].marker.color == PER_HEAD
    assert axis_titles(figure) == ("Approved leave days per head", "Department")


def test_departments_without_any_leave_days_say_so():
    figure = leave_by_department_figure(DEPARTMENTS.assign(leave_days=0.0))
    assert message_of(figure) == "No leave matches these filters."


def test_designations_without_a_name_are_labelled():
    frame = DEPARTMENTS.rename(columns={"department": "designation"})
    figure = leave_by_designation_figure(frame)
    assert list(figure.data[0].y) == ["Engineering", "(no designation)", "Finance"]
    assert axis_titles(figure) == ("Approved leave days", "Designation")


def test_leave_types_are_vertical_bars_in_their_own_colours():
    figure = leave_by_leave_type_figure(LEAVE_TYPES)
    assert list(figure.data[0].x) == ["Annual Leave", "Sick Leave"]
    assert list(figure.data[0].marker.color) == [
        LEAVE_TYPE_COLOURS["Annual Leave"],
        LEAVE_TYPE_COLOURS["Sick Leave"],
    ]
    assert axis_titles(figure) == ("Leave type", "Approved leave days")


def test_no_leave_types_says_so():
    assert message_of(leave_by_leave_type_figure(pd.DataFrame())) == (
        "No leave matches these filters."
    )
