from datetime import date

from backend.settings import get_settings
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from tests.visualization.pages.expected import current_fiscal_year, shown_summary, summary_for
from tests.visualization.pages.shown import metrics


async def test_the_cards_show_the_summary_kpi_of_the_current_fiscal_year(
    open_dashboard, demo_database_url, demo
):
    app = open_dashboard(demo_database_url)
    filters = KpiFilters(fiscal_year=(await current_fiscal_year(demo),), status=("APPROVED",))
    assert metrics(app) == shown_summary(await summary_for(demo, filters))


async def test_choosing_a_department_changes_the_cards_to_its_summary(
    open_dashboard, demo_database_url, demo
):
    app = open_dashboard(demo_database_url)
    before = metrics(app)
    app.multiselect(key="department").set_value(["Engineering"]).run()
    filters = KpiFilters(
        fiscal_year=(await current_fiscal_year(demo),),
        department=("Engineering",),
        status=("APPROVED",),
    )
    assert metrics(app) == shown_summary(await summary_for(demo, filters))
    assert metrics(app) != before


async def test_who_is_off_today_lists_the_approved_leave_of_today(
    open_dashboard, demo_database_url, demo
):
    app = open_dashboard(demo_database_url)
    today = date.today()
    if today.isoweekday() in get_settings().weekend_isodows:
        assert app.info[0].value == "Today is a weekend day: nobody counts as on leave."
        return
    expected = await fetch_kpi(
        demo,
        "leave_history",
        KpiFilters(status=("APPROVED",), date_from=today, date_to=today),
    )
    table = app.dataframe[0].value
    assert list(table["employee_name"]) == [row["employee_name"] for row in expected.rows]
    assert len(table) >= 1
