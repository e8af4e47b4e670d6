from datetime import date

import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of
from visualization.charts.calendar import calendar_heatmap_figure

# Two departments over Friday 2024-08-02 and Monday 2024-08-05 (the weekend has no rows).
DAYS = pd.DataFrame(
    {
        "day": [date(2024, 8, 2)] * 2 + [date(2024, 8, 5)] * 2,
        "department": ["Data", "Finance"] * 2,
        "headcount": [10, 5] * 2,
        "on_leave": [2, 1, 0, 3],
        "available": [8, 4, 10, 2],
    }
)


def test_the_calendar_puts_weeks_across_and_weekdays_down():
    figure = calendar_heatmap_figure(DAYS, "Calendar")
    assert [str(week)[:10] for week in figure.data[0].x] == ["2024-07-29", "2024-08-05"]
    assert list(figure.data[0].y) == ["Mon", "Fri"]


def test_the_calendar_counts_people_on_leave_over_all_departments():
    figure = calendar_heatmap_figure(DAYS, "Calendar")
    z = [list(row) for row in figure.data[0].z]
    assert z[0][1] == 3
    assert z[1][0] == 3


def test_a_calendar_day_hovers_with_its_date_and_headcount():
    figure = calendar_heatmap_figure(DAYS, "Calendar")
    assert list(figure.data[0].customdata[1][0]) == ["Fri 2024-08-02", 15]


def test_the_calendar_has_the_title_given_and_labelled_axes():
    figure = calendar_heatmap_figure(DAYS, "People on leave, 2024/25")
    assert title_of(figure) == "People on leave, 2024/25"
    assert axis_titles(figure) == ("Week (starting Monday)", "Weekday")


def test_an_empty_calendar_says_there_are_no_working_days():
    figure = calendar_heatmap_figure(pd.DataFrame(), "Calendar")
    assert message_of(figure) == "No working days to show for this period."
