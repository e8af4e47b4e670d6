"""Expected rows of the per-day KPIs (trends, heatmaps, availability), from the records."""

from datetime import date, timedelta

import pandas as pd

from db.kpi.filters import KpiFilters
from tests.db.kpi.expected_usage import APPROVED, people_and_types
from tests.db.kpi.frames import keep_leaves, keep_people, working_days
from tests.db.kpi.upstream import Upstream


def per_day(up: Upstream, filters: KpiFilters, weekend: tuple) -> pd.DataFrame:
    """Working days of the leaves trends and heatmaps count: APPROVED unless asked otherwise."""
    leaves = keep_leaves(up.leaves, filters, filters.status or APPROVED)
    days = working_days(leaves, weekend, filters)
    days["month"] = [day.replace(day=1) for day in days["day"]]
    days["year"] = [day.year for day in days["day"]]
    days["month_number"] = [day.month for day in days["day"]]
    days["weekday"] = [day.isoweekday() for day in days["day"]]
    return days


def monthly_trend(up: Upstream, filters: KpiFilters, weekend: tuple, by: list[str]) -> list[dict]:
    days = per_day(up, filters, weekend)
    sums = days.groupby(["month", *by], as_index=False)["days"].sum()
    sums = sums.sort_values(["month", by[0]]).rename(columns={"days": "leave_days"})
    return sums.to_dict("records")


def heatmap(up: Upstream, filters: KpiFilters, weekend: tuple, column: str, name: str) -> list:
    days = per_day(up, filters, weekend)
    cells = days.groupby(["year", column], as_index=False)["days"].sum()
    cells["share_of_year"] = cells["days"] / cells.groupby("year")["days"].transform("sum")
    cells = cells.rename(columns={column: name, "days": "leave_days"})
    return cells.sort_values(["year", name])[["year", name, "leave_days", "share_of_year"]].to_dict(
        "records"
    )


def daily_availability(
    up: Upstream, filters: KpiFilters, as_of: date, weekend: tuple
) -> list[dict]:
    first = filters.date_from or as_of
    last = filters.date_to or filters.date_from or as_of
    approved = keep_leaves(up.leaves, people_and_types(filters), APPROVED)
    people = keep_people(up.employees, filters)
    rows = []
    for day in (first + timedelta(days=n) for n in range((last - first).days + 1)):
        if day.isoweekday() in weekend:
            continue
        off = approved[(approved["start_date"] <= day) & (approved["end_date"] >= day)]
        for department, members in people.groupby("department"):
            on_leave = off[off["department"] == department]["employee_id"].nunique()
            rows.append(
                {
                    "day": day,
                    "department": department,
                    "headcount": len(members),
                    "on_leave": on_leave,
                    "available": len(members) - on_leave,
                }
            )
    return rows
