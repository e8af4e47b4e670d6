"""The KPI registry: each KPI's query, its parameters in bind order, and whether it pages.

A query's parameters are declared once, in its file's header comment (`--   $1 fiscal_year
bigint[]`); the registry reads them from there, so the order can never drift from the SQL.
"""

import re
from dataclasses import dataclass
from functools import cache

from db.kpi.filters import KpiFilters
from db.sql_files import query

KPI_NAMES = (
    "summary",
    "monthly_trend_by_status",
    "monthly_trend_by_leave_type",
    "leave_by_department",
    "leave_by_designation",
    "leave_by_leave_type",
    "top_employees",
    "month_year_heatmap",
    "weekday_year_heatmap",
    "daily_availability",
    "employee_balances",
    "leave_history",
    "approvals_by_issuer",
    "approval_latency_by_department",
    "late_applications",
    "issuer_reassignment",
    "filter_values",
    "employees",
    "employee_details",
)
FILTER_PARAMETERS = frozenset(KpiFilters.model_fields)
CONTEXT_PARAMETERS = frozenset({"as_of", "weekend_days", "limit", "offset"})
PARAMETER_LINE = re.compile(r"^--\s+\$(\d+)\s+(\w+)\s", re.MULTILINE)


class UnknownKpiError(LookupError):
    """No KPI has that name."""


@dataclass(frozen=True)
class Kpi:
    name: str
    parameters: tuple[str, ...]
    # What it answers, from the query's header: e.g. an endpoint's documentation.
    description: str

    @property
    def query_name(self) -> str:
        return f"kpi/{self.name}"

    @property
    def filters(self) -> frozenset[str]:
        """The KpiFilters fields this KPI takes; the others do not apply to it."""
        return FILTER_PARAMETERS.intersection(self.parameters)

    @property
    def is_paginated(self) -> bool:
        return "limit" in self.parameters

    def filters_not_taken(self, filters: KpiFilters) -> list[str]:
        """The given filters this KPI would ignore, for callers that refuse rather than ignore."""
        return sorted(filters.given() - self.filters)


def declared_parameters(sql: str) -> tuple[str, ...]:
    """The `$n name` lines of a query's header, checked to number 1, 2, 3, ... in order."""
    declared = PARAMETER_LINE.findall(sql)
    if [int(number) for number, _ in declared] != list(range(1, len(declared) + 1)):
        raise ValueError(f"parameters are not numbered $1..$n in order: {declared}")
    names = tuple(name for _, name in declared)
    if unknown := set(names) - FILTER_PARAMETERS - CONTEXT_PARAMETERS:
        raise ValueError(f"unknown parameter(s) {sorted(unknown)}")
    return names


def described(sql: str) -> str:
    """The header comment's prose: its lines up to the parameter list."""
    prose = []
    for line in sql.splitlines():
        if not line.startswith("--") or line.startswith("-- Parameters"):
            break
        prose.append(line.removeprefix("--").strip())
    return " ".join(prose)


@cache
def kpi_named(name: str) -> Kpi:
    if name not in KPI_NAMES:
        raise UnknownKpiError(f"no KPI named {name!r}")
    sql = query(f"kpi/{name}")
    return Kpi(name, declared_parameters(sql), described(sql))


def all_kpis() -> list[Kpi]:
    return [kpi_named(name) for name in KPI_NAMES]
