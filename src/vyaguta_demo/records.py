"""Turns planned leaves into v1-shaped records, the way Vyaguta names their fields."""

from collections.abc import Iterator
from typing import Any

from vyaguta_demo.days import iso_dates, iso_timestamps
from vyaguta_demo.fiscal import FiscalYear, fiscal_index_of_days
from vyaguta_demo.leave_types import LEAVE_TYPES, LeaveType
from vyaguta_demo.plan import LeavePlan, sliced
from vyaguta_demo.statuses import REMARKS, REQUESTED, STATUSES
from vyaguta_demo.workforce import Employee

CHUNK = 50_000
Record = dict[str, Any]


def render_records(
    plan: LeavePlan,
    employees: tuple[Employee, ...],
    years: tuple[FiscalYear, ...],
    first_id: int,
) -> Iterator[Record]:
    """Records in plan order with ids first_id, first_id + 1, ...; built chunk by chunk."""
    people = [employee_fields(e, employees) for e in employees]
    kinds = [leave_type_fields(t) for t in LEAVE_TYPES]
    fiscal = [fiscal_fields(y) for y in years]
    for begin in range(0, len(plan), CHUNK):
        part = sliced(plan, begin, begin + CHUNK)
        columns = zip(
            range(first_id + begin, first_id + begin + len(part)),
            part.employee.tolist(),
            part.current_issuer.tolist(),
            part.leave_type.tolist(),
            iso_dates(part.start),
            iso_dates(part.end),
            part.half_days.tolist(),
            part.status.tolist(),
            part.reason_pick.tolist(),
            part.remark_pick.tolist(),
            fiscal_index_of_days(years, part.start).tolist(),
            iso_timestamps(part.created),
            iso_timestamps(part.updated),
            part.converted.tolist(),
            strict=True,
        )
        for (
            leave_id,
            person,
            current,
            kind,
            start,
            end,
            half_days,
            status,
            reason_pick,
            remark_pick,
            year,
            created,
            updated,
            converted,
        ) in columns:
            employee = employees[person]
            issuer = employees[employee.issuer]
            leave_type = LEAVE_TYPES[kind]
            yield {
                "id": leave_id,
                **people[person],
                "leaveIssuerId": issuer.user_id,
                "currentLeaveIssuerId": employees[current].user_id,
                "leaveIssuerFirstName": issuer.first_name,
                "leaveIssuerLastName": issuer.last_name,
                "currentLeaveIssuerEmail": employees[current].email,
                "departmentDescription": employee.department,
                "startDate": start,
                "endDate": end,
                "leaveDays": half_days // 2 if half_days % 2 == 0 else half_days / 2,
                "reason": leave_type.reasons[reason_pick % len(leave_type.reasons)],
                "status": STATUSES[status],
                "remarks": remark_for(status, remark_pick),
                **kinds[kind],
                **fiscal[year],
                "createdAt": created,
                "updatedAt": updated,
                "isConverted": converted,
            }


def remark_for(status: int, pick: int) -> str | None:
    if status == REQUESTED:
        return None
    texts = REMARKS[status]
    return texts[pick % len(texts)]


def employee_fields(employee: Employee, employees: tuple[Employee, ...]) -> Record:
    manager = None if employee.manager is None else employees[employee.manager].user_id
    return {
        "userId": employee.user_id,
        "empId": employee.emp_id,
        "teamManagerId": manager,
        "designationId": employee.designation_id,
        "designationName": employee.designation_name,
        "firstName": employee.first_name,
        "middleName": employee.middle_name,
        "lastName": employee.last_name,
        "email": employee.email,
        "isHr": employee.is_hr,
        "isSupervisor": employee.is_supervisor,
        "allocations": employee.allocations,
    }


def leave_type_fields(leave_type: LeaveType) -> Record:
    return {
        "leaveTypeId": leave_type.id,
        "leaveTypeName": leave_type.name,
        "defaultDays": leave_type.default_days,
        "transferableDays": leave_type.transferable_days,
        "isConsecutive": leave_type.is_consecutive,
    }


def fiscal_fields(year: FiscalYear) -> Record:
    return {
        "fiscalId": year.id,
        "fiscalStartDate": year.start.isoformat(),
        "fiscalEndDate": year.end.isoformat(),
        "fiscalIsCurrent": year.is_current,
    }
