"""Expected rows of balances, employees and filter values, computed from the records."""

from datetime import date

from db.kpi.filters import KpiFilters
from tests.db.kpi.frames import keep_people
from tests.db.kpi.upstream import Upstream

DOCUMENTED_STATUSES = ["APPROVED", "REQUESTED", "REJECTED", "CANCELLED"]


def employee_balances(up: Upstream, filters: KpiFilters) -> list[dict]:
    """Each employee's chain of years from their first year with a leave, type by type."""
    years = up.fiscal_years.to_dict("records")
    position = {year["fiscalId"]: n for n, year in enumerate(years)}
    first_year = up.leaves.groupby("employee_id")["fiscal_year_id"].agg(
        lambda ids: min(position[i] for i in ids)
    )
    days = up.leaves.groupby(["employee_id", "leave_type_id", "fiscal_year_id", "status"])[
        "leave_days"
    ].sum()
    rows = []
    for employee in keep_people(up.employees, filters).to_dict("records"):
        if employee["employee_id"] not in first_year:
            continue
        for leave_type in up.leave_types.to_dict("records"):
            carried = 0.0
            for year in years[first_year[employee["employee_id"]] :]:
                key = (employee["employee_id"], leave_type["leaveTypeId"], year["fiscalId"])
                used = float(days.get((*key, "APPROVED"), 0.0))
                allotted = leave_type["defaultDays"] + carried
                rows.append(
                    {
                        "employee_id": employee["employee_id"],
                        "employee_name": employee["employee_name"],
                        "department": employee["department"],
                        "fiscal_year_id": year["fiscalId"],
                        "fiscal_year_start": date.fromisoformat(year["fiscalStartDate"]),
                        "fiscal_year_end": date.fromisoformat(year["fiscalEndDate"]),
                        "leave_type_id": leave_type["leaveTypeId"],
                        "leave_type": leave_type["leaveTypeName"],
                        "default_days": leave_type["defaultDays"],
                        "carried_over": carried,
                        "allotted": allotted,
                        "used": used,
                        "pending": float(days.get((*key, "REQUESTED"), 0.0)),
                        "remaining": allotted - used,
                    }
                )
                carried = max(0.0, min(leave_type["transferableDays"], allotted - used))
    rows = [
        row
        for row in rows
        if (not filters.fiscal_year or row["fiscal_year_id"] in filters.fiscal_year)
        and (not filters.leave_type or row["leave_type_id"] in filters.leave_type)
    ]
    rows.sort(key=lambda row: (row["employee_id"], row["fiscal_year_start"], row["leave_type_id"]))
    return [{**row, "total": len(rows)} for row in rows]


def filter_values(up: Upstream) -> list[dict]:
    years = up.fiscal_years.sort_values("fiscalStartDate", ascending=False)
    statuses = DOCUMENTED_STATUSES + sorted(
        {record["status"] for record in up.snapshot} - set(DOCUMENTED_STATUSES)
    )
    designations = {record["designationId"]: record["designationName"] for record in up.snapshot}
    choices = [
        *(
            (
                "fiscal_year",
                str(year["fiscalId"]),
                f"{year['fiscalStartDate'][:4]}/{year['fiscalEndDate'][2:4]}",
                date.fromisoformat(year["fiscalStartDate"]),
                date.fromisoformat(year["fiscalEndDate"]),
                year["fiscalIsCurrent"],
            )
            for year in years.to_dict("records")
        ),
        *(
            ("department", name, name)
            for name in sorted({record["departmentDescription"] for record in up.snapshot})
        ),
        *(
            ("designation", str(key), name)
            for key, name in sorted(designations.items(), key=lambda item: (item[1], item[0]))
        ),
        *(
            ("leave_type", str(row["leaveTypeId"]), row["leaveTypeName"])
            for row in up.leave_types.sort_values(["leaveTypeName", "leaveTypeId"]).to_dict(
                "records"
            )
        ),
        *(("status", status, status) for status in statuses),
        *(
            ("employee", str(row["employee_id"]), row["employee_name"])
            for row in up.employees.sort_values(["employee_name", "employee_id"]).to_dict("records")
        ),
    ]
    columns = ["filter", "value", "label", "start_date", "end_date", "is_current"]
    # Rows other than fiscal years have no dates and no current flag.
    return [dict.fromkeys(columns) | dict(zip(columns, choice, strict=False)) for choice in choices]


def employees(up: Upstream, filters: KpiFilters) -> list[dict]:
    people = keep_people(up.employees, filters)
    if filters.search:
        text = filters.search.lower()
        people = people[
            [
                text in f"{name}".lower() or text in f"{email}".lower()
                for name, email in zip(people["employee_name"], people["email"], strict=True)
            ]
        ]
    people = people.sort_values(["employee_name", "employee_id"])
    columns = [
        "employee_id",
        "emp_id",
        "employee_name",
        "email",
        "department",
        "designation_id",
        "designation",
    ]
    return [
        {**{c: row[c] for c in columns}, "total": len(people)} for row in people.to_dict("records")
    ]


def employee_details(up: Upstream, filters: KpiFilters) -> list[dict]:
    people = keep_people(up.employees, filters).sort_values("employee_id")
    rows = []
    for person in people.to_dict("records"):
        record = person["record"]
        issuer = record["currentLeaveIssuerId"]
        rows.append(
            {
                **{c: person[c] for c in ["employee_id", "emp_id"]},
                "first_name": record["firstName"],
                "middle_name": record["middleName"],
                "last_name": record["lastName"],
                **{c: person[c] for c in ["employee_name", "email"]},
                "is_hr": record["isHr"],
                "is_supervisor": record["isSupervisor"],
                **{c: person[c] for c in ["department", "designation_id", "designation"]},
                "team_manager_id": record["teamManagerId"],
                "leave_issuer_id": issuer,
                "leave_issuer_name": up.issuer_name(issuer),
                "leave_issuer_email": up.issuer_email(issuer),
                "allocations": sorted(record["allocations"] or [], key=lambda a: a["id"]),
                "total": len(people),
            }
        )
    return rows
