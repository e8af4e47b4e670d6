from datetime import date

import asyncpg
import pytest

from tests.database_state import DBO_TABLES, TABLE_SHAPE
from tests.records import as_v2, leave_record, merge_records


def two_employees_snapshot() -> list[dict]:
    return [
        leave_record(id=1, userId=11, startDate="2024-08-05", endDate="2024-08-05"),
        leave_record(
            id=2,
            userId=11,
            startDate="2024-09-02",
            endDate="2024-09-03",
            leaveDays=2,
            status="REQUESTED",
            remarks=None,
        ),
        leave_record(
            id=3,
            userId=12,
            empId="E012",
            firstName="Binod",
            lastName="Rai",
            email="binod+hr@example.com",
            departmentDescription="Human Resources",
            designationId=7,
            designationName="HR Officer",
            isHr=True,
            allocations=None,
            leaveTypeId=2,
            leaveTypeName="Sick",
            defaultDays=12,
            transferableDays=0,
            leaveIssuerId=91,
            currentLeaveIssuerId=92,
            leaveIssuerFirstName="Chandra",
            leaveIssuerLastName="Thapa",
            currentLeaveIssuerEmail="dipa@example.com",
        ),
    ]


async def row_versions(connection: asyncpg.Connection) -> dict[str, set]:
    """Every dbo row with its xmin: the xmin changes whenever a row is rewritten."""
    versions = {}
    for table in DBO_TABLES:
        rows = await connection.fetch(
            f"SELECT xmin::text AS version, t::text AS row FROM dbo.{table} t"
        )
        versions[table] = {(row["version"], row["row"]) for row in rows}
    return versions


async def test_a_snapshot_lands_as_the_expected_normalized_rows(connection):
    counts = await merge_records(connection, two_employees_snapshot())

    assert dict(counts) == {"inserted": 3, "updated": 0, "unchanged": 0, "deleted": 0}
    assert await connection.fetch("SELECT name FROM dbo.departments ORDER BY name") == [
        ("Engineering",),
        ("Human Resources",),
    ]
    assert await connection.fetch("SELECT id, name FROM dbo.designations ORDER BY id") == [
        (3, "Software Engineer"),
        (7, "HR Officer"),
    ]
    assert await connection.fetch("SELECT id FROM dbo.team_managers") == [(90,)]
    assert await connection.fetch(
        "SELECT id, first_name, last_name, email FROM dbo.leave_issuers ORDER BY id"
    ) == [
        (90, "Bikash", "Shrestha", "bikash@example.com"),
        (91, "Chandra", "Thapa", None),
        (92, None, None, "dipa@example.com"),
    ]
    assert await connection.fetch(
        "SELECT id, name, default_days, transferable_days FROM dbo.leave_types ORDER BY id"
    ) == [(1, "Annual", 13, 8), (2, "Sick", 12, 0)]
    assert await connection.fetch(
        "SELECT id, start_date, end_date, is_current FROM dbo.fiscal_years"
    ) == [(101, date(2024, 7, 16), date(2025, 7, 16), True)]
    assert await connection.fetch("SELECT id, name, type FROM dbo.allocations") == [
        (501, "Project Falcon", "project")
    ]
    assert await connection.fetch(
        "SELECT e.id, e.emp_id, e.first_name, e.email, e.is_hr, d.name, e.designation_id"
        " FROM dbo.employees e JOIN dbo.departments d ON d.id = e.department_id ORDER BY e.id"
    ) == [
        (11, "E011", "Asha", "asha.karki@example.com", False, "Engineering", 3),
        (12, "E012", "Binod", "binod+hr@example.com", True, "Human Resources", 7),
    ]
    assert await connection.fetch("SELECT * FROM dbo.employee_allocations") == [(11, 501)]
    assert await connection.fetch(
        "SELECT employee_id, leave_issuer_id FROM dbo.employee_leave_issuer ORDER BY employee_id"
    ) == [(11, 90), (12, 92)]
    assert await connection.fetch(
        "SELECT id, employee_id, leave_type_id, fiscal_year_id, leave_issuer_id,"
        " current_leave_issuer_id, start_date, end_date, leave_days, status, deleted_at"
        " FROM dbo.employee_leaves ORDER BY id"
    ) == [
        (1, 11, 1, 101, 90, 90, date(2024, 8, 5), date(2024, 8, 5), 1, "APPROVED", None),
        (2, 11, 1, 101, 90, 90, date(2024, 9, 2), date(2024, 9, 3), 2, "REQUESTED", None),
        (3, 12, 2, 101, 91, 92, date(2024, 8, 5), date(2024, 8, 5), 1, "APPROVED", None),
    ]


async def test_merging_the_same_snapshot_again_writes_no_row(connection):
    await merge_records(connection, two_employees_snapshot())
    before = await row_versions(connection)

    counts = await merge_records(connection, two_employees_snapshot())

    assert dict(counts) == {"inserted": 0, "updated": 0, "unchanged": 3, "deleted": 0}
    assert await row_versions(connection) == before


async def test_a_status_change_updates_exactly_that_leave(connection):
    snapshot = two_employees_snapshot()
    await merge_records(connection, snapshot)
    before = await row_versions(connection)

    snapshot[1] = {**snapshot[1], "status": "APPROVED", "updatedAt": "2024-08-20T08:00:00.000Z"}
    counts = await merge_records(connection, snapshot)

    after = await row_versions(connection)
    assert dict(counts) == {"inserted": 0, "updated": 1, "unchanged": 2, "deleted": 0}
    assert (
        await connection.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = 2")
        == "APPROVED"
    )
    changed_tables = [table for table in DBO_TABLES if after[table] != before[table]]
    assert changed_tables == ["employee_leaves"]
    assert len(after["employee_leaves"] - before["employee_leaves"]) == 1


async def test_v2_field_names_land_the_same_as_v1(connection):
    await merge_records(connection, two_employees_snapshot())
    before = await row_versions(connection)

    counts = await merge_records(connection, [as_v2(record) for record in two_employees_snapshot()])

    assert dict(counts) == {"inserted": 0, "updated": 0, "unchanged": 3, "deleted": 0}
    assert await row_versions(connection) == before


async def test_a_v2_snapshot_into_an_empty_database_fills_the_renamed_fields(connection):
    await merge_records(connection, [as_v2(record) for record in two_employees_snapshot()])

    assert await connection.fetch(
        "SELECT first_name, last_name FROM dbo.leave_issuers WHERE id = 90"
    ) == [("Bikash", "Shrestha")]
    assert await connection.fetch(
        "SELECT status, remarks FROM dbo.employee_leaves WHERE id = 1"
    ) == [("APPROVED", "ok")]
    assert await connection.fetchval("SELECT name FROM dbo.leave_types WHERE id = 2") == "Sick"


async def test_a_leave_missing_from_the_snapshot_is_marked_deleted_not_erased(connection):
    snapshot = two_employees_snapshot()
    await merge_records(connection, snapshot)

    counts = await merge_records(connection, [snapshot[0], snapshot[2]])

    assert dict(counts) == {"inserted": 0, "updated": 0, "unchanged": 2, "deleted": 1}
    deleted = await connection.fetch(
        "SELECT id FROM dbo.employee_leaves WHERE deleted_at IS NOT NULL"
    )
    assert deleted == [(2,)]


async def test_a_deleted_leave_that_comes_back_is_revived(connection):
    snapshot = two_employees_snapshot()
    await merge_records(connection, snapshot)
    await merge_records(connection, [snapshot[0], snapshot[2]])

    counts = await merge_records(connection, snapshot)

    assert dict(counts) == {"inserted": 0, "updated": 1, "unchanged": 2, "deleted": 0}
    assert (
        await connection.fetchval(
            "SELECT count(*) FROM dbo.employee_leaves WHERE deleted_at IS NOT NULL"
        )
        == 0
    )


async def test_leaves_outside_the_fetched_window_are_not_marked_deleted(connection):
    snapshot = two_employees_snapshot()
    await merge_records(connection, snapshot)

    counts = await merge_records(
        connection, [snapshot[0], snapshot[2]], window=(date(2024, 8, 1), date(2024, 8, 31))
    )

    assert counts["deleted"] == 0
    assert (
        await connection.fetchval("SELECT deleted_at FROM dbo.employee_leaves WHERE id = 2") is None
    )


async def test_a_duplicate_id_in_one_snapshot_counts_once_and_the_last_wins(connection):
    snapshot = two_employees_snapshot()
    snapshot.append({**snapshot[0], "status": "CANCELLED"})

    counts = await merge_records(connection, snapshot)

    assert dict(counts) == {"inserted": 3, "updated": 0, "unchanged": 0, "deleted": 0}
    assert (
        await connection.fetchval("SELECT status FROM dbo.employee_leaves WHERE id = 1")
        == "CANCELLED"
    )


async def test_an_employee_who_moves_department_is_updated(connection):
    snapshot = two_employees_snapshot()
    await merge_records(connection, snapshot)

    moved = [
        {**record, "departmentDescription": "Quality Assurance"}
        if record["userId"] == 11
        else record
        for record in snapshot
    ]
    await merge_records(connection, moved)

    department = await connection.fetchval(
        "SELECT d.name FROM dbo.employees e JOIN dbo.departments d ON d.id = e.department_id"
        " WHERE e.id = 11"
    )
    assert department == "Quality Assurance"


async def test_an_employee_holds_exactly_the_allocations_of_their_latest_record(connection):
    snapshot = two_employees_snapshot()
    await merge_records(connection, snapshot)

    reallocated = [
        {**record, "allocations": [{"id": 502, "name": "Area Data", "type": "area"}]}
        if record["userId"] == 11
        else record
        for record in snapshot
    ]
    await merge_records(connection, reallocated)

    assert await connection.fetch("SELECT * FROM dbo.employee_allocations") == [(11, 502)]


async def test_a_first_load_leaves_every_index_and_foreign_key_as_migrated(connection):
    migrated = await connection.fetchval(TABLE_SHAPE, "dbo.employee_leaves")

    await merge_records(connection, two_employees_snapshot())

    assert await connection.fetchval(TABLE_SHAPE, "dbo.employee_leaves") == migrated
    assert await connection.fetchval("SELECT count(*) FROM dbo.employee_leaves") == 3


async def test_a_first_load_remembers_every_fingerprint_under_the_migrated_key(connection):
    migrated = await connection.fetchval(TABLE_SHAPE, "raw.leave_fingerprints")

    await merge_records(connection, two_employees_snapshot())

    assert await connection.fetchval(TABLE_SHAPE, "raw.leave_fingerprints") == migrated
    assert await connection.fetchval(
        "SELECT array_agg(id ORDER BY id) FROM raw.leave_fingerprints"
    ) == [1, 2, 3]


async def test_after_a_first_load_a_leave_of_an_unknown_employee_is_still_refused(connection):
    await merge_records(connection, two_employees_snapshot())

    with pytest.raises(asyncpg.ForeignKeyViolationError):
        await connection.execute("UPDATE dbo.employee_leaves SET employee_id = 999 WHERE id = 1")


async def test_a_large_merge_analyzes_the_leaves_and_restores_the_statistics_target(connection):
    records = [leave_record(id=leave_id) for leave_id in range(1, 1001)]

    async with connection.transaction():
        await merge_records(connection, records)
        target = await connection.fetchval("SELECT current_setting('default_statistics_target')")
        estimate = await connection.fetchval(
            "SELECT reltuples FROM pg_class WHERE oid = 'dbo.employee_leaves'::regclass"
        )

    assert (target, estimate) == ("100", 1000)


async def test_every_department_and_team_manager_a_record_names_is_kept(connection):
    await merge_records(
        connection,
        [
            leave_record(id=1, departmentDescription="Old", teamManagerId=71),
            leave_record(id=2, departmentDescription="New", teamManagerId=72),
        ],
    )

    departments = await connection.fetchval(
        "SELECT array_agg(name ORDER BY name) FROM dbo.departments"
    )
    managers = await connection.fetchval("SELECT array_agg(id ORDER BY id) FROM dbo.team_managers")
    assert (departments, managers) == (["New", "Old"], [71, 72])
