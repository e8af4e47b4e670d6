"""The one place that maps an upstream record, of either field generation, onto a raw row."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from backend.ingest.iso_values import parse_timestamp

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

# Fields without a column that the upstream's second generation sends with every record; like
# any field without a column, they are kept in the payload.
EXTRA_UPSTREAM_NAMES = ("isAutomated", "totalCount")

RAW_COLUMNS: tuple[str, ...] = (
    "sync_run_id",
    "ordinal",
    *(column for column, _ in FIELD_SOURCES),
    "payload",
    "fingerprint",
)


UPSTREAM_NAME: dict[str, str] = {column: names[0] for column, names in FIELD_SOURCES}
COLUMNS = tuple(column for column, _ in FIELD_SOURCES)
PREFERRED_NAMES = tuple(names[0] for _, names in FIELD_SOURCES)
NAMES_WITH_A_COLUMN = frozenset(name for _, names in FIELD_SOURCES for name in names)
OTHER_NAMES = tuple((column, names[1:]) for column, names in FIELD_SOURCES if len(names) > 1)
# Validation has checked every value's type. Ids and flags go to their typed columns as they
# are, dates and timestamps once parsed; the numbers of days go as text, so that PostgreSQL
# reads the decimal the upstream sent (a float would arrive as its exact binary expansion), and
# so does an empId (text or number, upstream).
TEXT_NUMBER_COLUMNS = ("emp_id", "leave_days", "default_days", "transferable_days")
DATE_COLUMNS = ("start_date", "end_date", "fiscal_start_date", "fiscal_end_date")
TIMESTAMP_COLUMNS = ("created_at", "updated_at")
TEXT_NUMBER_POSITIONS = tuple(COLUMNS.index(column) for column in TEXT_NUMBER_COLUMNS)
DATE_POSITIONS = tuple(COLUMNS.index(column) for column in DATE_COLUMNS)
TIMESTAMP_POSITIONS = tuple(COLUMNS.index(column) for column in TIMESTAMP_COLUMNS)


def canonical_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's values under our column names, whichever generation of names it used."""
    get = record.get
    fields = dict(zip(COLUMNS, map(get, PREFERRED_NAMES), strict=True))
    for column, others in OTHER_NAMES:
        if fields[column] is None:
            for name in others:
                if (value := get(name)) is not None:
                    fields[column] = value
                    break
    return fields


def unknown_fields(record: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the typed columns cannot hold: the fields we have no column for (the payload)."""
    if record.keys() <= NAMES_WITH_A_COLUMN:
        return None
    return {name: value for name, value in record.items() if name not in NAMES_WITH_A_COLUMN}


def raw_row(
    fields: Mapping[str, Any],
    record: Mapping[str, Any],
    *,
    sync_run_id: int,
    ordinal: int,
    fingerprint: int | None = None,
) -> tuple[Any, ...]:
    """A row for raw.imported_leave_information, in RAW_COLUMNS order, from a VALID record."""
    values = list(fields.values())
    for position in TEXT_NUMBER_POSITIONS:
        if values[position] is not None:
            values[position] = str(values[position])
    for position in DATE_POSITIONS:
        values[position] = date.fromisoformat(values[position])
    for position in TIMESTAMP_POSITIONS:
        values[position] = parse_timestamp(values[position])
    return (sync_run_id, ordinal, *values, unknown_fields(record), fingerprint)


def to_raw_row(
    record: Mapping[str, Any], *, sync_run_id: int, ordinal: int, fingerprint: int | None = None
) -> tuple[Any, ...]:
    return raw_row(
        canonical_fields(record),
        record,
        sync_run_id=sync_run_id,
        ordinal=ordinal,
        fingerprint=fingerprint,
    )
