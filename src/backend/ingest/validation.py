"""Why an upstream record cannot be stored, in words a person can read; None when it can."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from backend.ingest.iso_values import parse_date, parse_timestamp
from backend.ingest.raw_rows import DATE_COLUMNS, TIMESTAMP_COLUMNS, UPSTREAM_NAME

BIGINT_MAX = 2**63 - 1
MAX_DAYS = 366
NUMBER_TYPES = (int, float)

REQUIRED_IDS = ("id", "user_id", "leave_type_id", "fiscal_id")
OPTIONAL_IDS = ("team_manager_id", "designation_id", "leave_issuer_id", "current_leave_issuer_id")
ALL_IDS = (*REQUIRED_IDS, *OPTIONAL_IDS)
OPTIONAL_DAY_COUNTS = ("default_days", "transferable_days")
OPTIONAL_FLAGS = ("is_hr", "is_supervisor", "is_consecutive", "fiscal_is_current", "is_converted")
OPTIONAL_TEXTS = (
    "designation_name",
    "first_name",
    "middle_name",
    "last_name",
    "email",
    "leave_issuer_first_name",
    "leave_issuer_middle_name",
    "leave_issuer_last_name",
    "current_leave_issuer_email",
    "department_description",
    "reason",
    "remarks",
    "leave_type_name",
)
TEXTS = (*OPTIONAL_TEXTS, "status")


def is_whole_number(value: Any) -> bool:
    return type(value) is int and 0 < value <= BIGINT_MAX


def is_number(value: Any) -> bool:
    # `type(...) in` rather than isinstance: True and False are ints too, and are not numbers.
    return type(value) in NUMBER_TYPES and value == value


def rejection_reason(fields: Mapping[str, Any]) -> str | None:
    if problem := problem_with_ids(fields):
        return problem
    dates = parsed_dates(fields)
    if isinstance(dates, str):
        return dates
    return (
        problem_with_timestamps(fields)
        or problem_with_days(fields, dates)
        or problem_with_texts_and_flags(fields)
        or problem_with_allocations(fields["allocations"])
    )


def problem_with_ids(fields: Mapping[str, Any]) -> str | None:
    for column in REQUIRED_IDS:
        if fields[column] is None:
            return f"{UPSTREAM_NAME[column]} is missing"
    for column in ALL_IDS:
        value = fields[column]
        if value is not None and not (type(value) is int and 0 < value <= BIGINT_MAX):
            return f"{UPSTREAM_NAME[column]} is not a positive whole number: {value!r:.40}"
    return None


def parsed_dates(fields: Mapping[str, Any]) -> dict[str, date] | str:
    """The required dates, parsed; or what is wrong with them."""
    parsed = {}
    for column in DATE_COLUMNS:
        value = fields[column]
        if value is None:
            return f"{UPSTREAM_NAME[column]} is missing"
        day = parse_date(value)
        if day is None:
            return f"{UPSTREAM_NAME[column]} is not a real date (YYYY-MM-DD): {value!r:.40}"
        parsed[column] = day
    if parsed["end_date"] < parsed["start_date"]:
        return f"endDate {parsed['end_date']} is before startDate {parsed['start_date']}"
    if parsed["fiscal_end_date"] <= parsed["fiscal_start_date"]:
        return "fiscalEndDate is not after fiscalStartDate"
    return parsed


def problem_with_timestamps(fields: Mapping[str, Any]) -> str | None:
    for column in TIMESTAMP_COLUMNS:
        value = fields[column]
        if value is not None and parse_timestamp(value) is None:
            return f"{UPSTREAM_NAME[column]} is not an ISO-8601 timestamp: {value!r:.40}"
    return None


def problem_with_days(fields: Mapping[str, Any], dates: Mapping[str, date]) -> str | None:
    leave_days = fields["leave_days"]
    if leave_days is None:
        return "leaveDays is missing"
    if not is_number(leave_days):
        return f"leaveDays is not a number: {leave_days!r:.40}"
    span = (dates["end_date"] - dates["start_date"]).days + 1
    if not 0 <= leave_days <= min(span, MAX_DAYS):
        return f"leaveDays {leave_days} does not fit a leave of {span} calendar day(s)"
    for column in OPTIONAL_DAY_COUNTS:
        value = fields[column]
        if value is not None and not (is_number(value) and 0 <= value <= MAX_DAYS):
            return f"{UPSTREAM_NAME[column]} is not a number of days between 0 and {MAX_DAYS}"
    return None


def problem_with_texts_and_flags(fields: Mapping[str, Any]) -> str | None:
    status = fields["status"]
    if not isinstance(status, str) or not status.strip():
        return "status is missing"
    for column in TEXTS:
        value = fields[column]
        if value is None:
            continue
        if type(value) is not str:
            return f"{UPSTREAM_NAME[column]} is not text"
        if "\x00" in value:
            return (
                f"{UPSTREAM_NAME[column]} contains a NUL character, which PostgreSQL cannot store"
            )
    emp_id = fields["emp_id"]
    if emp_id is not None and not (isinstance(emp_id, str) or is_whole_number(emp_id)):
        return "empId is neither text nor a whole number"
    for column in OPTIONAL_FLAGS:
        value = fields[column]
        if value is not None and type(value) is not bool:
            return f"{UPSTREAM_NAME[column]} is not true or false"
    return None


def problem_with_allocations(allocations: Any) -> str | None:
    if allocations is None:
        return None
    if not isinstance(allocations, list):
        return "allocations is not a list"
    for allocation in allocations:
        if not isinstance(allocation, dict) or not is_whole_number(allocation.get("id")):
            return "allocations holds an entry without a whole-number id"
    return None
