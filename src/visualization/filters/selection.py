"""The sidebar's widget values as the KPI layer's filters."""

from collections.abc import Mapping
from typing import Any

from db.kpi.filters import KpiFilters
from visualization.filters.choices import FilterChoices

# Widget keys, which are also the query-string parameter names (the API's too).
MULTI_SELECT_KEYS = ("fiscal_year", "department", "designation", "leave_type", "status")
DATE_KEYS = ("date_from", "date_to")
DEFAULT_STATUSES = ("APPROVED",)


def default_selection(choices: FilterChoices) -> dict[str, Any]:
    """What "reset" returns to: the current fiscal year, approved leave, nothing else."""
    return {
        "fiscal_year": [choices.current_fiscal_year] if choices.current_fiscal_year else [],
        "department": [],
        "designation": [],
        "leave_type": [],
        "status": [status for status in DEFAULT_STATUSES if status in choices.status],
        "date_from": None,
        "date_to": None,
    }


def kpi_filters(selection: Mapping[str, Any]) -> KpiFilters:
    """An empty multi-select or date filters nothing."""
    return KpiFilters(
        **{key: tuple(selection.get(key) or ()) for key in MULTI_SELECT_KEYS},
        **{key: selection.get(key) for key in DATE_KEYS},
    )
