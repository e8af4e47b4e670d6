from datetime import date

import pytest

from db.kpi.filters import KpiFilters
from tests.visualization.pages.expected import shown_summary, summary_for
from tests.visualization.pages.shown import metrics
from visualization.filters.selection import DATES_KEY, MULTI_SELECT_KEYS


async def fiscal_year_labelled(demo, label: str) -> int:
    return await demo.fetchval(
        "SELECT id FROM dbo.fiscal_years "
        "WHERE to_char(start_date, 'YYYY') || '/' || to_char(end_date, 'YY') = $1",
        label,
    )


async def oldest_fiscal_year_label(demo) -> str:
    return await demo.fetchval(
        "SELECT to_char(start_date, 'YYYY') || '/' || to_char(end_date, 'YY') "
        "FROM dbo.fiscal_years ORDER BY start_date LIMIT 1"
    )


async def test_the_query_string_sets_the_filters_and_the_numbers_follow(
    open_dashboard, demo_database_url, demo
):
    label = await oldest_fiscal_year_label(demo)
    app = open_dashboard(
        demo_database_url,
        query_params={
            "fiscal_year": label,
            "department": ["Engineering", "Data"],
            "status": ["APPROVED", "REJECTED"],
            "dates": ["2020-01-01", "2030-12-31"],
        },
    )
    year = await fiscal_year_labelled(demo, label)
    assert app.multiselect(key="fiscal_year").value == [year]
    assert app.multiselect(key="department").value == ["Engineering", "Data"]
    assert app.date_input(key=DATES_KEY).value == (date(2020, 1, 1), date(2030, 12, 31))
    filters = KpiFilters(
        fiscal_year=(year,),
        department=("Engineering", "Data"),
        status=("APPROVED", "REJECTED"),
        date_from=date(2020, 1, 1),
        date_to=date(2030, 12, 31),
    )
    assert metrics(app) == shown_summary(await summary_for(demo, filters))


def test_an_empty_parameter_clears_a_filter_with_a_default(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, query_params={"fiscal_year": "", "status": ""})
    assert app.multiselect(key="fiscal_year").value == []
    assert app.multiselect(key="status").value == []


def test_values_no_record_knows_are_dropped_from_the_query_string(
    open_dashboard, demo_database_url
):
    app = open_dashboard(demo_database_url, query_params={"department": ["Nowhere", "Data"]})
    assert not app.exception
    assert app.multiselect(key="department").value == ["Data"]
    assert app.query_params["department"] == "Data"


@pytest.mark.parametrize("key", [*MULTI_SELECT_KEYS, DATES_KEY])
def test_every_filter_is_kept_in_the_query_string_under_its_name(
    open_dashboard, demo_database_url, key
):
    app = open_dashboard(demo_database_url)
    assert app.get_by_key(key).proto.query_param_key == key


def test_reset_returns_every_filter_to_its_default(open_dashboard, demo_database_url):
    app = open_dashboard(
        demo_database_url,
        query_params={"fiscal_year": "", "department": "Data", "status": "REJECTED"},
    )
    default = open_dashboard(demo_database_url)
    app.button(key="reset_filters").click().run()
    assert [app.multiselect(key=key).value for key in MULTI_SELECT_KEYS] == [
        default.multiselect(key=key).value for key in MULTI_SELECT_KEYS
    ]
    assert app.date_input(key=DATES_KEY).value == ()
    assert metrics(app) == metrics(default)
