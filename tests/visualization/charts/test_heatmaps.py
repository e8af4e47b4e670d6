import math

import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of, trace_types
from visualization.charts.heatmaps import month_year_heatmap_figure, weekday_year_heatmap_figure

MONTHS = pd.DataFrame(
    {
        "year": [2023, 2024, 2024],
        "month": [12, 1, 3],
        "leave_days": [5.0, 8.0, 2.0],
        "share_of_year": [1.0, 0.8, 0.2],
    }
)
WEEKDAYS = pd.DataFrame(
    {
        "year": [2024, 2024, 2025],
        "weekday": [1, 5, 1],
        "leave_days": [3.0, 1.0, 2.0],
        "share_of_year": [0.75, 0.25, 1.0],
    }
)


def test_the_month_heatmap_has_every_month_and_a_row_per_year():
    figure = month_year_heatmap_figure(MONTHS)
    assert trace_types(figure) == ["heatmap"]
    assert list(figure.data[0].x)[:3] == ["Jan", "Feb", "Mar"]
    assert len(figure.data[0].x) == 12
    assert list(figure.data[0].y) == ["2023", "2024"]


def test_the_month_heatmap_colours_leave_days_and_leaves_empty_months_blank():
    z = figure_z(month_year_heatmap_figure(MONTHS))
    assert z[1][0] == 8.0
    assert z[1][2] == 2.0
    assert math.isnan(z[1][1])


def test_the_month_heatmap_is_titled_with_its_axes():
    figure = month_year_heatmap_figure(MONTHS)
    assert title_of(figure) == "Leave days by month and year"
    assert axis_titles(figure) == ("Month", "Year")
    assert figure.data[0].colorbar.title.text == "Leave days"


def test_the_weekday_heatmap_shows_shares_of_the_weekdays_with_leave():
    figure = weekday_year_heatmap_figure(WEEKDAYS)
    assert list(figure.data[0].x) == ["Mon", "Fri"]
    assert figure_z(figure)[0] == [0.75, 0.25]
    assert figure.data[0].colorbar.tickformat == ".0%"


def test_the_weekday_heatmap_hover_says_share_and_days():
    figure = weekday_year_heatmap_figure(WEEKDAYS)
    assert figure.data[0].hovertemplate == (
        "%{x}s in %{y}: %{z:.1%} of the year's leave days<br>%{customdata:,.1f} leave days"
        "<extra></extra>"
    )


def test_empty_heatmaps_say_so():
    assert message_of(month_year_heatmap_figure(pd.DataFrame())) == (
        "No leave matches these filters."
    )
    assert message_of(weekday_year_heatmap_figure(pd.DataFrame())) == (
        "No leave matches these filters."
    )


def figure_z(figure) -> list[list[float]]:
    return [list(row) for row in figure.data[0].z]
