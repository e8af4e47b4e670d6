"""Per KPI, its expected rows: (upstream, filters, as_of, weekend days) -> rows in order."""

from collections.abc import Callable
from datetime import date

from db.kpi.filters import KpiFilters
from tests.db.kpi import expected_findings as findings
from tests.db.kpi import expected_people as people
from tests.db.kpi import expected_per_day as per_day
from tests.db.kpi import expected_usage as usage
from tests.db.kpi.upstream import Upstream

Expected = Callable[[Upstream, KpiFilters, date, tuple[int, ...]], list[dict]]

EXPECTED: dict[str, Expected] = {
    "summary": usage.summary,
    "monthly_trend_by_status": lambda up, f, _, weekend: per_day.monthly_trend(
        up, f, weekend, ["status"]
    ),
    "monthly_trend_by_leave_type": lambda up, f, _, weekend: per_day.monthly_trend(
        up, f, weekend, ["leave_type_id", "leave_type"]
    ),
    "leave_by_department": lambda up, f, *_: usage.leave_by(up, f, ["department"]),
    "leave_by_designation": lambda up, f, *_: usage.leave_by(
        up, f, ["designation_id", "designation"]
    ),
    "leave_by_leave_type": lambda up, f, *_: usage.leave_by_leave_type(up, f),
    "top_employees": lambda up, f, *_: usage.top_employees(up, f),
    "month_year_heatmap": lambda up, f, _, weekend: per_day.heatmap(
        up, f, weekend, "month_number", "month"
    ),
    "weekday_year_heatmap": lambda up, f, _, weekend: per_day.heatmap(
        up, f, weekend, "weekday", "weekday"
    ),
    "daily_availability": per_day.daily_availability,
    "employee_balances": lambda up, f, *_: people.employee_balances(up, f),
    "leave_history": lambda up, f, *_: findings.leave_history(up, f),
    "approvals_by_issuer": lambda up, f, *_: findings.approvals_by_issuer(up, f),
    "approval_latency_by_department": lambda up, f, *_: findings.approval_latency_by_department(
        up, f
    ),
    "late_applications": lambda up, f, *_: findings.share_per_department(
        up, f, "late", ("late_leaves", "late_share")
    ),
    "issuer_reassignment": lambda up, f, *_: findings.share_per_department(
        up, f, "reassigned", ("reassigned_leaves", "reassigned_share")
    ),
    "filter_values": lambda up, *_: people.filter_values(up),
    "employees": lambda up, f, *_: people.employees(up, f),
    "employee_details": lambda up, f, *_: people.employee_details(up, f),
}
