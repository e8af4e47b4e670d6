import pandas as pd

from tests.visualization.charts.figures import message_of, title_of, trace_types
from visualization.charts.gauges import balance_gauges_figure
from visualization.charts.palette import LEAVE_TYPE_COLOURS, OVER_USE, PENDING

BALANCES = pd.DataFrame(
    {
        "leave_type": ["Annual Leave", "Sick Leave", "Compensatory Leave", "Paternity Leave"],
        "default_days": [13.0, 12.0, 0.0, 10.0],
        "carried_over": [5.0, 0.0, 0.0, 0.0],
        "allotted": [18.0, 12.0, 0.0, 10.0],
        "used": [10.0, 14.0, 1.0, 0.0],
        "pending": [2.0, 0.0, 0.0, 0.0],
        "remaining": [8.0, -2.0, -1.0, 10.0],
    }
)


def test_there_is_one_gauge_per_leave_type():
    figure = balance_gauges_figure(BALANCES, "Balances")
    assert trace_types(figure) == ["indicator"] * 4
    assert title_of(figure) == "Balances"


def test_a_gauge_shows_days_used_against_the_allotment_with_carry_over():
    annual = balance_gauges_figure(BALANCES, "Balances").data[0]
    assert annual.value == 10.0
    assert annual.number.suffix == " of 18 d used"
    assert annual.gauge.threshold.value == 18.0
    assert "18 d allotted = 13 + 5 carried over" in annual.title.text


def test_a_gauge_marks_pending_days_after_the_used_ones():
    annual = balance_gauges_figure(BALANCES, "Balances").data[0]
    assert annual.gauge.steps[1].range == (10.0, 12.0)
    assert annual.gauge.steps[1].color == PENDING
    assert "8 d remaining · 2 d pending" in annual.title.text


def test_a_gauge_within_its_allotment_has_its_leave_types_colour():
    annual = balance_gauges_figure(BALANCES, "Balances").data[0]
    assert annual.gauge.bar.color == LEAVE_TYPE_COLOURS["Annual Leave"]


def test_over_use_turns_the_gauge_red_and_says_by_how_much():
    sick = balance_gauges_figure(BALANCES, "Balances").data[1]
    assert sick.gauge.bar.color == OVER_USE
    assert sick.number.font.color == OVER_USE
    assert "2 d over" in sick.title.text


def test_the_gauge_scale_reaches_the_days_used_beyond_the_allotment():
    sick = balance_gauges_figure(BALANCES, "Balances").data[1]
    assert sick.gauge.axis.range == (0, 14.0)


def test_gauges_fill_rows_of_three():
    gauges = balance_gauges_figure(BALANCES, "Balances").data
    assert gauges[3].domain.y[1] < gauges[0].domain.y[0]
    assert gauges[3].domain.x == gauges[0].domain.x


def test_no_balances_say_so():
    figure = balance_gauges_figure(pd.DataFrame(), "Balances in 2024/25")
    assert message_of(figure) == "No balances for this employee in this fiscal year."
