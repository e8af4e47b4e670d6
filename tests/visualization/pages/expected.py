"""What the pages should show, computed through the KPI layer directly."""

from datetime import date

import asyncpg

from backend.settings import get_settings
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters


async def current_fiscal_year(demo: asyncpg.Connection) -> int:
    return await demo.fetchval("SELECT id FROM dbo.fiscal_years WHERE is_current")


def shown_summary(summary: asyncpg.Record) -> dict[str, str]:
    """The overview's cards as they should read for one `summary` KPI row."""
    return {
        "Approved leave days": f"{summary['total_leave_days']:,.1f} d",
        "People who took leave": f"{summary['employees_who_took_leave']:,}",
        "Headcount": f"{summary['headcount']:,}",
        "Leave days per head": f"{summary['leave_days_per_head']:,.1f} d",
        "On leave today": f"{summary['employees_on_leave_today']:,}",
        "Pending requests": f"{summary['pending_requests']:,}",
        "Approval rate": f"{summary['approval_rate']:.1%}",
    }


async def summary_for(demo: asyncpg.Connection, filters: KpiFilters) -> asyncpg.Record:
    weekend = get_settings().weekend_isodows
    result = await fetch_kpi(demo, "summary", filters, as_of=date.today(), weekend_days=weekend)
    return result.rows[0]
