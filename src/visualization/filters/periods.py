"""Filters derived from the sidebar's for views about one period or one fiscal year."""

from datetime import date

import pandas as pd

from db.kpi.filters import KpiFilters
from visualization.data.fiscal_years import current_fiscal_year


def approved_leave_within(filters: KpiFilters, first_day: date, last_day: date) -> KpiFilters:
    """The sidebar's people and leave-type filters, for approved leave in these days only."""
    return filters.model_copy(
        update={
            "fiscal_year": None,
            "status": ("APPROVED",),
            "date_from": first_day,
            "date_to": last_day,
        }
    )


def fiscal_year_in_focus(years: pd.DataFrame, filters: KpiFilters, today: date) -> dict | None:
    """For views of a single fiscal year: the newest one chosen, else the current one."""
    if years.empty:
        return None
    chosen = years[years["id"].isin(filters.fiscal_year)] if filters.fiscal_year else years[:0]
    if chosen.empty:
        chosen = years[years["id"] == current_fiscal_year(years, today)]
    return chosen.iloc[0].to_dict()


def fiscal_year_label(year: dict) -> str:
    """As the fiscal-year filter names it, e.g. 2024/25."""
    return f"{year['start_date']:%Y}/{year['end_date']:%y}"


def days_in_focus(year: dict, filters: KpiFilters) -> tuple[date, date] | None:
    """The fiscal year's days, narrowed to the sidebar's date range; None when they miss."""
    first_day = max(year["start_date"], filters.date_from or year["start_date"])
    last_day = min(year["end_date"], filters.date_to or year["end_date"])
    return (first_day, last_day) if first_day <= last_day else None
