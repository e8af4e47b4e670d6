"""The one place that maps an upstream record, of either field generation, onto a raw row."""

from collections.abc import Mapping
from typing import Any

import orjson

# (raw column, upstream names in order of preference). The upstream renamed a few fields
# between API generations (v1 first, v2 second); both are accepted everywhere through this table.
FIELD_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("id", ("id",)),
    ("user_id", ("userId",)),
    ("emp_id", ("empId",)),
    ("team_manager_id", ("teamManagerId",)),
    ("designation_id", ("designationId",)),
    ("designation_name", ("designationName",)),
    ("first_name", ("firstName",)),
    ("middle_name", ("middleName",)),
    ("last_name", ("lastName",)),
    ("email", ("email",)),
    ("is_hr", ("isHr",)),
    ("is_supervisor", ("isSupervisor",)),
    ("allocations", ("allocations",)),
    ("leave_issuer_id", ("leaveIssuerId",)),
    ("current_leave_issuer_id", ("currentLeaveIssuerId",)),
    ("leave_issuer_first_name", ("leaveIssuerFirstName", "issuerFirstName")),
    ("leave_issuer_middle_name", ("leaveIssuerMiddleName", "issuerMiddleName")),
    ("leave_issuer_last_name", ("leaveIssuerLastName", "issuerLastName")),
    ("current_leave_issuer_email", ("currentLeaveIssuerEmail",)),
    ("department_description", ("departmentDescription",)),
    ("start_date", ("startDate",)),
    ("end_date", ("endDate",)),
    ("leave_days", ("leaveDays",)),
    ("reason", ("reason",)),
    ("status", ("leaveStatus", "status")),
    ("remarks", ("remarks", "responseRemarks")),
    ("leave_type_id", ("leaveTypeId",)),
    ("leave_type_name", ("leaveTypeName", "leaveType")),
    ("default_days", ("defaultDays",)),
    ("transferable_days", ("transferableDays",)),
    ("is_consecutive", ("isConsecutive",)),
    ("fiscal_id", ("fiscalId",)),
    ("fiscal_start_date", ("fiscalStartDate",)),
    ("fiscal_end_date", ("fiscalEndDate",)),
    ("fiscal_is_current", ("fiscalIsCurrent",)),
    ("created_at", ("createdAt",)),
    ("updated_at", ("updatedAt",)),
    ("is_converted", ("isConverted",)),
)

RAW_COLUMNS: tuple[str, ...] = (
    "sync_run_id",
    "ordinal",
    *(column for column, _ in FIELD_SOURCES),
    "payload",
)


UPSTREAM_NAME: dict[str, str] = {column: names[0] for column, names in FIELD_SOURCES}


def canonical_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's values under our column names, whichever generation of names it used."""
    fields = {}
    for column, names in FIELD_SOURCES:
        value = None
        for name in names:
            value = record.get(name)
            if value is not None:
                break
        fields[column] = value
    return fields


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return orjson.dumps(value).decode()


def raw_row(
    fields: Mapping[str, Any], record: Mapping[str, Any], *, sync_run_id: int, ordinal: int
) -> tuple[Any, ...]:
    """A row for raw.imported_leave_information, in RAW_COLUMNS order."""
    values: list[Any] = [sync_run_id, ordinal]
    for column, _ in FIELD_SOURCES:
        value = fields[column]
        values.append(value if column == "allocations" else as_text(value))
    values.append(record)
    return tuple(values)


def to_raw_row(record: Mapping[str, Any], *, sync_run_id: int, ordinal: int) -> tuple[Any, ...]:
    return raw_row(canonical_fields(record), record, sync_run_id=sync_run_id, ordinal=ordinal)
