"""The upstream records as pandas frames, filtered and expanded the way the KPIs define it.

Written from the definitions in design.md and issue 5, not from the SQL: this is the
independent computation every KPI is checked against.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from db.kpi.filters import KpiFilters


def full_name(*parts: str | None) -> str:
    return " ".join(part for part in parts if part is not None)


def employees_frame(snapshots: Iterable[list[dict[str, Any]]]) -> pd.DataFrame:
    """Everyone ever seen, as of their latest record (later snapshots win)."""
    latest: dict[int, dict[str, Any]] = {}
    for snapshot in snapshots:
        for record in snapshot:
            latest[record["userId"]] = record
    return pd.DataFrame(
        {
            "employee_id": record["userId"],
            "emp_id": str(record["empId"]),
            "employee_name": full_name(
                record["firstName"], record["middleName"], record["lastName"]
            ),
            "email": record["email"],
            "department": record["departmentDescription"],
            "designation_id": record["designationId"],
            "designation": record["designationName"],
            "record": record,
        }
        for record in latest.values()
    )


def leaves_frame(served: list[dict[str, Any]], employees: pd.DataFrame) -> pd.DataFrame:
    """One row per served leave; department and designation are the employee's current ones."""
    leaves = pd.DataFrame(
        {
            "leave_id": record["id"],
            "employee_id": record["userId"],
            "leave_type_id": record["leaveTypeId"],
            "leave_type": record["leaveTypeName"],
            "fiscal_year_id": record["fiscalId"],
            "start_date": date.fromisoformat(record["startDate"]),
            "end_date": date.fromisoformat(record["endDate"]),
            "leave_days": float(record["leaveDays"]),
            "status": record["status"],
            "created_at": datetime.fromisoformat(record["createdAt"]),
            "updated_at": datetime.fromisoformat(record["updatedAt"]),
            "issuer_id": record["leaveIssuerId"],
            "current_issuer_id": record["currentLeaveIssuerId"],
            "record": record,
        }
        for record in served
    )
    people = employees[["employee_id", "department", "designation_id", "designation"]]
    return leaves.merge(people, on="employee_id", how="left")


def keep_people(frame: pd.DataFrame, filters: KpiFilters) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if filters.department:
        keep &= frame["department"].isin(filters.department)
    if filters.designation:
        keep &= frame["designation_id"].isin(filters.designation)
    if filters.employee:
        keep &= frame["employee_id"].isin(filters.employee)
    return frame[keep]


def keep_leaves(
    leaves: pd.DataFrame, filters: KpiFilters, statuses: Iterable[str] | None
) -> pd.DataFrame:
    """Leaves passing every filter; `statuses` None keeps every status."""
    leaves = keep_people(leaves, filters)
    keep = pd.Series(True, index=leaves.index)
    if statuses is not None:
        keep &= leaves["status"].isin(list(statuses))
    if filters.fiscal_year:
        keep &= leaves["fiscal_year_id"].isin(filters.fiscal_year)
    if filters.leave_type:
        keep &= leaves["leave_type_id"].isin(filters.leave_type)
    if filters.date_from:
        keep &= leaves["end_date"] >= filters.date_from
    if filters.date_to:
        keep &= leaves["start_date"] <= filters.date_to
    return leaves[keep]


def working_days(leaves: pd.DataFrame, weekend: Iterable[int], filters: KpiFilters) -> pd.DataFrame:
    """One row per working day of each leave, with an even part of its days (`days`);
    days outside the filters' date range are dropped after the parts are taken."""
    rows = []
    for leave in leaves.to_dict("records"):
        span = (leave["end_date"] - leave["start_date"]).days + 1
        every_day = [leave["start_date"] + timedelta(days=n) for n in range(span)]
        days = [day for day in every_day if day.isoweekday() not in set(weekend)]
        for day in days:
            if (filters.date_from or date.min) <= day <= (filters.date_to or date.max):
                rows.append({**leave, "day": day, "days": leave["leave_days"] / len(days)})
    columns = [*leaves.columns, "day", "days"]
    return pd.DataFrame(rows, columns=columns)
