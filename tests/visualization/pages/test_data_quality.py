from tests.visualization.pages.conftest import REJECTED_REASON
from tests.visualization.pages.shown import metrics


def test_the_latest_run_and_its_counts_are_shown(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, "data_quality")
    shown = metrics(app)
    assert shown["Latest run"].endswith(" succeeded")
    assert shown["Failed of the last 2"] == "1"


def test_each_run_is_listed_with_its_kind_and_error(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, "data_quality")
    runs = app.dataframe[0].value
    assert list(runs["kind"]) == ["full", "full"]
    assert list(runs["error"].fillna("")) == ["", "upstream answered 503"]


def test_the_records_set_aside_are_listed_with_their_reason(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, "data_quality")
    rejected = app.dataframe[1].value
    assert list(rejected["reason"]) == [REJECTED_REASON]
    assert list(rejected["leave_id"]) == ["99"]


def test_data_synced_seconds_ago_is_reported_fresh(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, "data_quality")
    assert app.success[0].value.startswith("Data as of ")
    assert not app.warning
