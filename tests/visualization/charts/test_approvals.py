import pandas as pd

from tests.visualization.charts.figures import axis_titles, message_of, title_of, trace_types
from visualization.charts.approvals import (
    approval_latency_figure,
    approval_rates_figure,
    department_rates_figure,
    issuer_names,
)
from visualization.charts.palette import STATUS_COLOURS

ISSUERS = pd.DataFrame(
    {
        "leave_issuer_id": [90, 91, 92],
        "leave_issuer_name": ["Bikash Shrestha", None, None],
        "leave_issuer_email": ["b@x", "lead@x", None],
        "decided": [10, 4, 2],
        "approved": [8, 1, 2],
        "rejected": [2, 3, 0],
        "approval_rate": [0.8, 0.25, 1.0],
        "rejection_rate": [0.2, 0.75, 0.0],
        "median_latency_hours": [5.0, 20.0, 1.0],
        "p90_latency_hours": [9.0, 30.0, 2.0],
    }
)
LATENCY = pd.DataFrame(
    {
        "department": ["Data", None],
        "decided": [12, 3],
        "approved": [9, 3],
        "rejected": [3, 0],
        "approval_rate": [0.75, 1.0],
        "rejection_rate": [0.25, 0.0],
        "median_latency_hours": [6.5, 2.0],
        "p90_latency_hours": [30.0, 4.0],
    }
)


def test_an_issuer_is_named_by_name_else_email_else_id():
    assert list(issuer_names(ISSUERS)) == ["Bikash Shrestha", "lead@x", "issuer #92"]


def test_rates_stack_approvals_and_rejections_per_issuer_in_status_colours():
    figure = approval_rates_figure(ISSUERS)
    assert trace_types(figure) == ["bar", "bar"]
    assert figure.layout.barmode == "stack"
    assert [(trace.name, trace.marker.color) for trace in figure.data] == [
        ("Approved", STATUS_COLOURS["APPROVED"]),
        ("Rejected", STATUS_COLOURS["REJECTED"]),
    ]
    assert list(figure.data[1].x) == [0.2, 0.75, 0.0]


def test_rates_label_each_issuer_with_the_requests_they_decided():
    figure = approval_rates_figure(ISSUERS)
    assert list(figure.data[0].y) == ["Bikash Shrestha (10)", "lead@x (4)", "issuer #92 (2)"]
    assert axis_titles(figure) == ("Share of decided requests", "Issuer (requests decided)")


def test_department_rates_stack_approvals_and_rejections_in_status_colours():
    figure = department_rates_figure(LATENCY)
    assert figure.layout.barmode == "stack"
    assert [(trace.name, trace.marker.color) for trace in figure.data] == [
        ("Approved", STATUS_COLOURS["APPROVED"]),
        ("Rejected", STATUS_COLOURS["REJECTED"]),
    ]
    assert list(figure.data[0].x) == [0.75, 1.0]


def test_department_rates_label_each_department_with_the_requests_decided():
    figure = department_rates_figure(LATENCY)
    assert list(figure.data[0].y) == ["Data (12)", "(no department) (3)"]
    assert title_of(figure) == "Approval and rejection rates by department"
    assert axis_titles(figure) == ("Share of decided requests", "Department (requests decided)")


def test_latency_groups_median_and_90th_percentile_per_department():
    figure = approval_latency_figure(LATENCY)
    assert figure.layout.barmode == "group"
    assert [trace.name for trace in figure.data] == ["Median", "90th percentile"]
    assert list(figure.data[0].x) == ["Data", "(no department)"]
    assert list(figure.data[1].y) == [30.0, 4.0]


def test_latency_is_titled_in_hours():
    figure = approval_latency_figure(LATENCY)
    assert title_of(figure) == "Time to a decision, by department"
    assert axis_titles(figure) == ("Department", "Hours from request to decision")


def test_no_decisions_say_so():
    assert message_of(approval_rates_figure(pd.DataFrame())) == (
        "No decided requests match these filters."
    )
    assert message_of(approval_latency_figure(pd.DataFrame())) == (
        "No decided requests match these filters."
    )
    assert message_of(department_rates_figure(pd.DataFrame())) == (
        "No decided requests match these filters."
    )
