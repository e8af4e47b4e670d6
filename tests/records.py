"""Upstream-shaped records for tests, and a way to merge a snapshot of them."""

from datetime import date
from typing import Any

import asyncpg
import orjson

from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.raw_rows import RAW_COLUMNS, to_raw_row
from db.sql_files import query

V2_RENAMES = {
    "leaveIssuerFirstName": "issuerFirstName",
    "leaveIssuerLastName": "issuerLastName",
    "remarks": "responseRemarks",
    "leaveTypeName": "leaveType",
}


def leave_record(**overrides: Any) -> dict[str, Any]:
    """A valid v1 record; override any field by its upstream name."""
    record: dict[str, Any] = {
        "id": 1001,
        "userId": 11,
        "empId": "E011",
        "teamManagerId": 90,
        "designationId": 3,
        "designationName": "Software Engineer",
        "firstName": "Asha",
        "middleName": None,
        "lastName": "Karki",
        "email": "asha.karki@example.com",
        "isHr": False,
        "isSupervisor": False,
        "allocations": [{"id": 501, "name": "Project Falcon", "type": "project"}],
        "leaveIssuerId": 90,
        "currentLeaveIssuerId": 90,
        "leaveIssuerFirstName": "Bikash",
        "leaveIssuerLastName": "Shrestha",
        "currentLeaveIssuerEmail": "bikash@example.com",
        "departmentDescription": "Engineering",
        "startDate": "2024-08-05",
        "endDate": "2024-08-05",
        "leaveDays": 1,
        "reason": "Family event",
        "status": "APPROVED",
        "remarks": "ok",
        "leaveTypeId": 1,
        "leaveTypeName": "Annual",
        "defaultDays": 13,
        "transferableDays": 8,
        "isConsecutive": False,
        "fiscalId": 101,
        "fiscalStartDate": "2024-07-16",
        "fiscalEndDate": "2025-07-16",
        "fiscalIsCurrent": True,
        "createdAt": "2024-08-01T09:00:00.000Z",
        "updatedAt": "2024-08-02T10:30:00.000Z",
        "isConverted": False,
    }
    record.update(overrides)
    return record


def as_v2(record: dict[str, Any]) -> dict[str, Any]:
    """The same record in the upstream's second field generation."""
    renamed = {V2_RENAMES.get(key, key): value for key, value in record.items()}
    renamed["leaveStatus"] = record["status"]
    renamed["issuerMiddleName"] = None
    renamed["isAutomated"] = False
    renamed["totalCount"] = 1
    return renamed


async def merge_records(
    connection: asyncpg.Connection,
    records: list[dict[str, Any]],
    window: tuple[date | None, date | None] = (None, None),
) -> asyncpg.Record:
    """Load `records` as the raw snapshot of an upstream sync (every record changed, every id
    fetched) and merge it; answers the merge's counts."""
    async with connection.transaction():
        await connection.execute(query("sync/truncate_raw"))
        await connection.copy_records_to_table(
            "imported_leave_information",
            schema_name="raw",
            columns=RAW_COLUMNS,
            records=[
                to_raw_row(
                    record,
                    sync_run_id=0,
                    ordinal=ordinal,
                    fingerprint=fingerprint_of(orjson.dumps(record)),
                )
                for ordinal, record in enumerate(records)
            ],
        )
        await connection.copy_records_to_table(
            "fetched_leaves",
            schema_name="raw",
            columns=("id", "ordinal"),
            records=[(record["id"], ordinal) for ordinal, record in enumerate(records)],
        )
        return await connection.fetchrow(query("sync/merge_snapshot"), *window)
