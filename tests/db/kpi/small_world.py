"""Hand-made upstream records for the tests that need a case spelled out."""

from typing import Any

from tests.records import leave_record

FISCAL_YEARS = {
    201: ("2022-07-17", "2023-07-16"),
    202: ("2023-07-17", "2024-07-16"),
    203: ("2024-07-17", "2025-07-16"),
    204: ("2025-07-17", "2026-07-16"),
}
SICK = {"leaveTypeId": 2, "leaveTypeName": "Sick", "defaultDays": 12, "transferableDays": 0}


def leave(leave_id: int, fiscal_year: int, start: str, end: str, **overrides: Any) -> dict:
    """A leave of employee 11 (Annual: 13 days, 8 transferable) unless overridden."""
    first, last = FISCAL_YEARS[fiscal_year]
    return leave_record(
        id=leave_id,
        fiscalId=fiscal_year,
        fiscalStartDate=first,
        fiscalEndDate=last,
        fiscalIsCurrent=fiscal_year == 203,
        startDate=start,
        endDate=end,
        **overrides,
    )


def colleague(leave_id: int, fiscal_year: int, start: str, end: str, **overrides: Any) -> dict:
    """A leave of employee 12, in Human Resources."""
    return leave(
        leave_id,
        fiscal_year,
        start,
        end,
        userId=12,
        empId="E012",
        firstName="Binod",
        lastName="Rai",
        email="binod@example.com",
        departmentDescription="Human Resources",
        **overrides,
    )
