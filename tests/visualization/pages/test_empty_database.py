import pytest

from tests.visualization.pages.shown import infos
from visualization.ui.header import NO_RECORDS

PAGES_WITH_DATA = ["overview", "trends", "heatmaps", "employees", "availability", "approvals"]


@pytest.mark.parametrize("page", PAGES_WITH_DATA)
def test_a_page_on_an_empty_database_says_there_are_no_records(
    open_dashboard, migrated_database_url, page
):
    app = open_dashboard(migrated_database_url, page)
    assert not app.exception
    assert infos(app) == [NO_RECORDS]
    assert not app.get("plotly_chart")


def test_the_sync_page_on_an_empty_database_says_no_sync_ran(open_dashboard, migrated_database_url):
    app = open_dashboard(migrated_database_url, "data_quality")
    assert not app.exception
    assert infos(app) == ["No sync has run yet."]


def test_an_empty_database_is_reported_as_never_synced(open_dashboard, migrated_database_url):
    app = open_dashboard(migrated_database_url)
    assert [warning.value for warning in app.warning] == [
        "No sync has succeeded yet: there may be no data to show."
    ]
