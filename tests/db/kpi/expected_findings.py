"""Expected rows of the findings KPIs and the leave history, computed from the records."""

import numpy as np
import pandas as pd

from db.kpi.filters import KpiFilters
from tests.db.kpi.frames import keep_leaves
from tests.db.kpi.upstream import Upstream

DECIDED = ["APPROVED", "REJECTED"]


def decided_requests(up: Upstream, filters: KpiFilters) -> pd.DataFrame:
    decided = keep_leaves(up.leaves, filters, DECIDED).copy()
    latency = decided["updated_at"] - decided["created_at"]
    decided["latency_hours"] = [delta.total_seconds() / 3600 for delta in latency]
    # Whoever holds a request now decides it.
    decided["decider"] = decided["current_issuer_id"].fillna(decided["issuer_id"]).astype(int)
    return decided


def latency_of(requests: pd.DataFrame) -> dict:
    median, p90 = np.percentile(requests["latency_hours"], [50, 90])
    return {"median_latency_hours": median, "p90_latency_hours": p90}


def decisions_of(requests: pd.DataFrame) -> dict:
    approved = int((requests["status"] == "APPROVED").sum())
    rejected = int((requests["status"] == "REJECTED").sum())
    return {
        "decided": len(requests),
        "approved": approved,
        "rejected": rejected,
        "approval_rate": approved / len(requests),
        "rejection_rate": rejected / len(requests),
        **latency_of(requests),
    }


def approvals_by_issuer(up: Upstream, filters: KpiFilters) -> list[dict]:
    rows = [
        {
            "leave_issuer_id": issuer,
            "leave_issuer_name": up.issuer_name(issuer),
            "leave_issuer_email": up.issuer_email(issuer),
            **decisions_of(requests),
        }
        for issuer, requests in decided_requests(up, filters).groupby("decider")
    ]
    return sorted(rows, key=lambda row: (-row["decided"], row["leave_issuer_id"]))


def approval_latency_by_department(up: Upstream, filters: KpiFilters) -> list[dict]:
    return [
        {"department": department, **decisions_of(requests)}
        for department, requests in decided_requests(up, filters).groupby("department")
    ]


def share_per_department(up: Upstream, filters: KpiFilters, flag: str, names: tuple) -> list:
    """Per department, then over all of them: leaves, those flagged, and their share."""
    leaves = keep_leaves(up.leaves, filters, filters.status).copy()
    leaves["late"] = [
        c.date() > s for c, s in zip(leaves["created_at"], leaves["start_date"], strict=True)
    ]
    leaves["reassigned"] = leaves["current_issuer_id"] != leaves["issuer_id"]
    groups = [*((d, False, g) for d, g in leaves.groupby("department")), (None, True, leaves)]
    count_name, share_name = names
    return [
        {
            "department": department,
            "is_total": is_total,
            "leaves": len(group),
            count_name: int(group[flag].sum()),
            share_name: group[flag].sum() / len(group) if len(group) else None,
        }
        for department, is_total, group in groups
    ]


def leave_history(up: Upstream, filters: KpiFilters) -> list[dict]:
    leaves = keep_leaves(up.leaves, filters, filters.status)
    leaves = leaves.sort_values(["start_date", "leave_id"], ascending=False)
    names = dict(zip(up.employees["employee_id"], up.employees["employee_name"], strict=True))
    return [
        {
            "leave_id": leave["leave_id"],
            "employee_id": leave["employee_id"],
            "employee_name": names[leave["employee_id"]],
            "department": leave["department"],
            "fiscal_year_id": leave["fiscal_year_id"],
            "leave_type_id": leave["leave_type_id"],
            "leave_type": leave["leave_type"],
            "start_date": leave["start_date"],
            "end_date": leave["end_date"],
            "leave_days": leave["leave_days"],
            "status": leave["status"],
            "reason": leave["record"]["reason"],
            "remarks": leave["record"]["remarks"],
            "created_at": leave["created_at"],
            "updated_at": leave["updated_at"],
            "applied_late": leave["created_at"].date() > leave["start_date"],
            "leave_issuer_id": leave["issuer_id"],
            "leave_issuer_name": up.issuer_name(leave["issuer_id"]),
            "current_leave_issuer_id": leave["current_issuer_id"],
            "current_leave_issuer_name": up.issuer_name(leave["current_issuer_id"]),
            "total": len(leaves),
        }
        for leave in leaves.to_dict("records")
    ]
