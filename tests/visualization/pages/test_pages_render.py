import pytest

from tests.visualization.pages.shown import chart_messages, chart_titles

PAGES = {
    "overview": "Overview",
    "trends": "Trends",
    "heatmaps": "Heatmaps",
    "employees": "Employees",
    "availability": "Availability",
    "approvals": "Approvals",
    "data_quality": "Data quality and sync",
}
CHARTS = {
    "overview": [
        "Leave days per month, by type",
        "Approved leave days by department",
        "Approved leave days by leave type",
    ],
    "trends": [
        "Leave days per month, by type",
        "Top 15 employees by approved leave days",
        "Approved leave days by designation",
        "Approved leave days per head, by department",
    ],
    "availability": [
        "On leave and available, per working day",
        "People on leave per department and working day",
    ],
    "approvals": [
        "Approval and rejection rates per issuer",
        "Approval and rejection rates by department",
        "Time to a decision, by department",
        "Late applications by department",
        "Issuer reassignment by department",
    ],
    "data_quality": ["Recent sync runs"],
}


@pytest.mark.parametrize("page", PAGES)
def test_a_page_renders_without_an_error(open_dashboard, demo_database_url, page):
    app = open_dashboard(demo_database_url, page)
    assert not app.exception
    assert not app.error
    assert app.title[0].value == PAGES[page]


@pytest.mark.parametrize("page", CHARTS)
def test_a_page_draws_its_charts_with_data(open_dashboard, demo_database_url, page):
    app = open_dashboard(demo_database_url, page)
    assert chart_titles(app) == CHARTS[page]
    assert chart_messages(app) == []


def test_the_heatmaps_page_draws_the_current_fiscal_year_as_a_calendar(
    open_dashboard, demo_database_url
):
    app = open_dashboard(demo_database_url, "heatmaps")
    titles = chart_titles(app)
    assert titles[:2] == [
        "Leave days by month and year",
        "Share of each year's leave days by weekday",
    ]
    assert titles[2].startswith("People on approved leave per working day, fiscal year ")
    assert chart_messages(app) == []
