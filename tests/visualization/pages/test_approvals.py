from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from tests.visualization.pages.expected import current_fiscal_year
from tests.visualization.pages.shown import chart_titled, plotted


async def test_the_department_rates_are_the_kpis_of_the_current_fiscal_year(
    open_dashboard, demo_database_url, demo
):
    app = open_dashboard(demo_database_url, "approvals")
    filters = KpiFilters(fiscal_year=(await current_fiscal_year(demo),))
    expected = (await fetch_kpi(demo, "approval_latency_by_department", filters)).rows
    approved, rejected = chart_titled(app, "Approval and rejection rates by department")["data"]
    assert plotted(approved["x"]) == [row["approval_rate"] for row in expected]
    assert plotted(rejected["x"]) == [row["rejection_rate"] for row in expected]
    assert plotted(approved["y"]) == [f"{row['department']} ({row['decided']})" for row in expected]
