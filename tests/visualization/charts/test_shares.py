import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of
from visualization.charts.shares import department_share_figure

LATE = pd.DataFrame(
    {
        "department": ["Data", "Finance", None],
        "is_total": [False, False, True],
        "leaves": [10, 4, 14],
        "late_leaves": [1, 2, 3],
        "late_share": [0.1, 0.5, 3 / 14],
    }
)


def share_figure(frame: pd.DataFrame):
    return department_share_figure(
        frame, "late_leaves", "late_share", "Late applications", "applied late", "#E69F00"
    )


def test_departments_are_ranked_by_share_without_the_total_row():
    figure = share_figure(LATE)
    assert list(figure.data[0].x) == ["Finance", "Data"]
    assert list(figure.data[0].y) == [0.5, 0.1]


def test_the_share_hover_gives_the_counts_behind_it():
    figure = share_figure(LATE)
    assert list(figure.data[0].customdata[0]) == [2, 4]
    assert figure.data[0].hovertemplate == (
        "%{x}<br>%{y:.1%} applied late: %{customdata[0]:,} of %{customdata[1]:,} leaves"
        "<extra></extra>"
    )


def test_the_share_axis_is_a_percentage():
    figure = share_figure(LATE)
    assert title_of(figure) == "Late applications"
    assert axis_titles(figure) == ("Department", "Share of leaves applied late")
    assert figure.layout.yaxis.tickformat == ".0%"


def test_only_a_total_row_with_no_leaves_says_no_leave_matches():
    total_only = pd.DataFrame(
        {
            "department": [None],
            "is_total": [True],
            "leaves": [0],
            "late_leaves": [0],
            "late_share": [None],
        }
    )
    assert message_of(share_figure(total_only)) == "No leave matches these filters."
