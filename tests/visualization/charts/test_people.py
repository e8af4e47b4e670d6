import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of
from visualization.charts.people import top_employees_figure

TOP = pd.DataFrame(
    {
        "rank": [1, 2, 2],
        "employee_id": [7, 3, 9],
        "employee_name": ["Asha Karki", "Ram Thapa", "Ram Thapa"],
        "email": ["a@x", "r@x", "r2@x"],
        "department": ["Data", None, "Finance"],
        "designation": ["Engineer", "Engineer", "Analyst"],
        "leaves": [4, 3, 2],
        "leave_days": [9.5, 6.0, 6.0],
        "total": [3, 3, 3],
    }
)


def test_top_employees_are_ranked_bars_that_keep_namesakes_apart():
    figure = top_employees_figure(TOP)
    assert list(figure.data[0].y) == ["#1 Asha Karki", "#2 Ram Thapa", "#2 Ram Thapa"]
    assert list(figure.data[0].x) == [9.5, 6.0, 6.0]


def test_top_employees_title_says_how_many():
    figure = top_employees_figure(TOP)
    assert title_of(figure) == "Top 3 employees by approved leave days"
    assert axis_titles(figure) == ("Approved leave days", "Employee")


def test_a_top_employee_hovers_with_department_and_leaves():
    figure = top_employees_figure(TOP)
    assert list(figure.data[0].customdata[1]) == ["(no department)", 3]


def test_no_top_employees_says_so():
    figure = top_employees_figure(pd.DataFrame())
    assert message_of(figure) == "No leave matches these filters."
