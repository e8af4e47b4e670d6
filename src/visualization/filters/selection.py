"""The sidebar's widget values as the KPI layer's filters."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from db.kpi.filters import KpiFilters
from visualization.filters.choices import FilterChoices

# Widget keys, which are also the query-string parameter names.
MULTI_SELECT_KEYS = ("fiscal_year", "department", "designation", "leave_type", "status")
DATES_KEY = "dates"
DEFAULT_STATUSES = ("APPROVED",)


def default_selection(choices: FilterChoices) -> dict[str, Any]:
    """What "reset" returns to: the current fiscal year, approved leave, nothing else."""
    return {
        "fiscal_year": [choices.current_fiscal_year] if choices.current_fiscal_year else [],
        "department": [],
        "designation": [],
        "leave_type": [],
        "status": [status for status in DEFAULT_STATUSES if status in choices.status],
        DATES_KEY: (),
    }


def kpi_filters(selection: Mapping[str, Any]) -> KpiFilters:
    """An empty multi-select filters nothing; a date range half picked has its start only."""
    dates: tuple[date, ...] = tuple(selection.get(DATES_KEY) or ())
    return KpiFilters(
        **{key: tuple(selection.get(key) or ()) for key in MULTI_SELECT_KEYS},
        date_from=dates[0] if dates else None,
        date_to=dates[1] if len(dates) > 1 else None,
    )
