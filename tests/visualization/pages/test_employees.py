from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from tests.visualization.pages.expected import current_fiscal_year
from tests.visualization.pages.shown import chart_titles, chart_traces, infos


async def an_employee_with_leave(demo) -> int:
    return await demo.fetchval(
        "SELECT employee_id FROM reporting.leave_facts GROUP BY employee_id "
        "ORDER BY count(*) DESC, employee_id LIMIT 1"
    )


def test_without_a_choice_the_page_asks_for_an_employee(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, "employees")
    assert infos(app) == ["Pick an employee to see their balances and history."]


async def test_an_employee_has_a_gauge_per_leave_type_of_the_fiscal_year(
    open_dashboard, demo_database_url, demo
):
    employee = await an_employee_with_leave(demo)
    app = open_dashboard(demo_database_url, "employees")
    app.selectbox(key="employee").set_value(employee).run()
    year = await current_fiscal_year(demo)
    balances = await fetch_kpi(
        demo, "employee_balances", KpiFilters(employee=(employee,), fiscal_year=(year,))
    )
    gauges = [trace for trace in chart_traces(app) if trace["type"] == "indicator"]
    assert [gauge["value"] for gauge in gauges] == [row["used"] for row in balances.rows]
    assert chart_titles(app)[0].startswith("Balances in fiscal year ")


async def test_an_employee_shows_their_whole_leave_history(open_dashboard, demo_database_url, demo):
    employee = await an_employee_with_leave(demo)
    app = open_dashboard(demo_database_url, "employees")
    app.selectbox(key="employee").set_value(employee).run()
    history = await fetch_kpi(demo, "leave_history", KpiFilters(employee=(employee,)))
    table = app.dataframe[0].value
    assert list(table["start_date"]) == [row["start_date"] for row in history.rows]
    assert app.subheader[0].value == history.rows[0]["employee_name"]
