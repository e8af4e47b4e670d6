"""Expected rows of the usage KPIs (APPROVED leave), computed from the upstream records."""

from datetime import date

from db.kpi.filters import KpiFilters
from tests.db.kpi.frames import keep_leaves, keep_people
from tests.db.kpi.upstream import Upstream

APPROVED = ["APPROVED"]


def summary(up: Upstream, filters: KpiFilters, as_of: date, weekend: tuple) -> list[dict]:
    leaves = keep_leaves(up.leaves, filters, None)
    approved = leaves[leaves["status"] == "APPROVED"]
    headcount = len(keep_people(up.employees, filters))
    # "Today" is as_of: the period filters (fiscal year, dates) say nothing about it.
    today = keep_leaves(up.leaves, people_and_types(filters), APPROVED)
    on_leave = today[(today["start_date"] <= as_of) & (today["end_date"] >= as_of)]
    decided = leaves["status"].isin(["APPROVED", "REJECTED"]).sum()
    total = float(approved["leave_days"].sum())
    return [
        {
            "total_leave_days": total,
            "employees_who_took_leave": approved["employee_id"].nunique(),
            "headcount": headcount,
            "leave_days_per_head": total / headcount if headcount else None,
            "employees_on_leave_today": (
                0 if as_of.isoweekday() in weekend else on_leave["employee_id"].nunique()
            ),
            "pending_requests": int((leaves["status"] == "REQUESTED").sum()),
            "approval_rate": len(approved) / decided if decided else None,
        }
    ]


def people_and_types(filters: KpiFilters) -> KpiFilters:
    return KpiFilters(
        **filters.model_dump(include={"department", "designation", "leave_type", "employee"})
    )


def leave_by(up: Upstream, filters: KpiFilters, keys: list[str]) -> list[dict]:
    """Per group of people (department or designation): headcount and approved days."""
    approved = keep_leaves(up.leaves, filters, APPROVED)
    rows = []
    for group, people in keep_people(up.employees, filters).groupby(keys):
        mine = approved[(approved[keys] == list(group)).all(axis=1)]
        days = float(mine["leave_days"].sum())
        rows.append(
            {
                **dict(zip(keys, group, strict=True)),
                "headcount": len(people),
                "leaves": len(mine),
                "employees_with_leave": mine["employee_id"].nunique(),
                "leave_days": days,
                "leave_days_per_head": days / len(people),
            }
        )
    return sorted(rows, key=lambda row: (-row["leave_days"], row[keys[0]]))


def leave_by_leave_type(up: Upstream, filters: KpiFilters) -> list[dict]:
    approved = keep_leaves(up.leaves, filters, APPROVED)
    headcount = len(keep_people(up.employees, filters))
    rows = []
    for leave_type in up.leave_types.to_dict("records"):
        if filters.leave_type and leave_type["leaveTypeId"] not in filters.leave_type:
            continue
        mine = approved[approved["leave_type_id"] == leave_type["leaveTypeId"]]
        days = float(mine["leave_days"].sum())
        rows.append(
            {
                "leave_type_id": leave_type["leaveTypeId"],
                "leave_type": leave_type["leaveTypeName"],
                "headcount": headcount,
                "leaves": len(mine),
                "employees_with_leave": mine["employee_id"].nunique(),
                "leave_days": days,
                "leave_days_per_head": days / headcount if headcount else None,
            }
        )
    return sorted(rows, key=lambda row: (-row["leave_days"], row["leave_type_id"]))


def top_employees(up: Upstream, filters: KpiFilters) -> list[dict]:
    approved = keep_leaves(up.leaves, filters, APPROVED)
    usage = approved.groupby("employee_id").agg(
        leaves=("leave_id", "size"), leave_days=("leave_days", "sum")
    )
    usage["rank"] = usage["leave_days"].rank(method="min", ascending=False).astype(int)
    usage = usage.reset_index().merge(up.employees, on="employee_id")
    usage = usage.sort_values(["leave_days", "employee_id"], ascending=[False, True])
    columns = ["rank", "employee_id", "employee_name", "email", "department", "designation"]
    return [
        {
            **{c: row[c] for c in columns},
            "leaves": row["leaves"],
            "leave_days": row["leave_days"],
            "total": len(usage),
        }
        for row in usage.to_dict("records")
    ]
