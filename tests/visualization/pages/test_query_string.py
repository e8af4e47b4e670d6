from datetime import date

import pytest
from streamlit.elements.lib import policies

from db.kpi.filters import KpiFilters
from tests.visualization.pages.expected import shown_summary, summary_for
from tests.visualization.pages.shown import metrics
from visualization.filters.selection import DATE_KEYS, MULTI_SELECT_KEYS


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
            "date_from": "2020-01-01",
            "date_to": "2030-12-31",
        },
    )
    year = await fiscal_year_labelled(demo, label)
    assert app.multiselect(key="fiscal_year").value == [year]
    assert app.multiselect(key="department").value == ["Engineering", "Data"]
    assert app.date_input(key="date_from").value == date(2020, 1, 1)
    assert app.date_input(key="date_to").value == date(2030, 12, 31)
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


@pytest.mark.parametrize("key", [*MULTI_SELECT_KEYS, *DATE_KEYS])
def test_every_filter_is_kept_in_the_query_string_under_its_name(
    open_dashboard, demo_database_url, key
):
    app = open_dashboard(demo_database_url)
    assert app.get_by_key(key).proto.query_param_key == key


SET_FILTERS = {
    "fiscal_year": "",
    "department": "Data",
    "status": "REJECTED",
    "date_from": "2024-01-01",
    "date_to": "2024-12-31",
}


def shown_filters(app) -> list:
    return [app.multiselect(key=key).value for key in MULTI_SELECT_KEYS] + [
        app.date_input(key=key).value for key in DATE_KEYS
    ]


def test_reset_returns_every_filter_to_its_default(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, query_params=SET_FILTERS)
    default = open_dashboard(demo_database_url)
    app.button(key="reset_filters").click().run()
    assert shown_filters(app) == shown_filters(default)
    assert metrics(app) == metrics(default)


def test_the_filters_stay_reset_on_the_runs_after(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, query_params=SET_FILTERS)
    default = open_dashboard(demo_database_url)
    app.button(key="reset_filters").click().run()
    app.run()
    assert shown_filters(app) == shown_filters(default)


def test_reset_sets_the_filters_without_a_streamlit_warning(
    open_dashboard, demo_database_url, monkeypatch
):
    warnings = []
    # Streamlit warns once per process: as if no run had warned yet.
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    monkeypatch.setattr(policies._LOGGER, "warning", lambda *args, **_: warnings.append(args))
    app = open_dashboard(demo_database_url, query_params=SET_FILTERS)
    app.button(key="reset_filters").click().run()
    assert warnings == []


def test_a_to_date_before_the_from_date_is_cleared(open_dashboard, demo_database_url):
    app = open_dashboard(
        demo_database_url, query_params={"date_from": "2024-06-01", "date_to": "2024-05-01"}
    )
    assert not app.exception
    assert [app.date_input(key=key).value for key in DATE_KEYS] == [date(2024, 6, 1), None]
