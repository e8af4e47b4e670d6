import pytest

from tests.visualization.pages.shown import chart_messages

# A period long before the demo data begins: every leave filter matches nothing.
NOTHING = {"fiscal_year": "", "date_from": "2001-01-01", "date_to": "2001-01-31"}


@pytest.mark.parametrize("page", ["overview", "trends", "heatmaps", "approvals"])
def test_a_filter_matching_nothing_gives_messages_not_empty_axes(
    open_dashboard, demo_database_url, page
):
    app = open_dashboard(demo_database_url, page, query_params=NOTHING)
    assert not app.exception
    assert chart_messages(app)
    assert set(chart_messages(app)) <= {
        "No leave matches these filters.",
        "No decided requests match these filters.",
        "No working days to show for this period.",
    }
