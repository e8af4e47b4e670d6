from datetime import date

from backend.ingest.raw_rows import RAW_COLUMNS, to_raw_row
from tests.records import as_v2, leave_record


def as_columns(row: tuple) -> dict:
    return dict(zip(RAW_COLUMNS, row, strict=True))


def test_every_v1_field_has_a_raw_column():
    row = as_columns(to_raw_row(leave_record(), sync_run_id=7, ordinal=3))

    assert row["sync_run_id"] == 7
    assert row["ordinal"] == 3
    assert row["leave_issuer_first_name"] == "Bikash"
    assert row["status"] == "APPROVED"
    assert row["leave_type_name"] == "Annual"
    assert row["remarks"] == "ok"


def test_v2_names_map_onto_the_same_columns_as_v1():
    v1 = as_columns(to_raw_row(leave_record(), sync_run_id=1, ordinal=0))
    v2 = as_columns(to_raw_row(as_v2(leave_record()), sync_run_id=1, ordinal=0))

    assert {k: v for k, v in v2.items() if k != "payload"} == {
        k: v for k, v in v1.items() if k != "payload"
    }


def test_ids_flags_and_dates_keep_their_types_and_days_become_the_decimal_sent():
    row = as_columns(
        to_raw_row(
            leave_record(isHr=True, leaveDays=0.5, middleName=None, startDate="2024-03-01"),
            sync_run_id=1,
            ordinal=0,
        )
    )

    assert (
        row["is_hr"],
        row["leave_days"],
        row["middle_name"],
        row["id"],
        row["start_date"],
    ) == (True, "0.5", None, 1001, date(2024, 3, 1))


def test_fields_without_a_column_are_kept_as_the_payload():
    record = leave_record(newFieldFromUpstream={"nested": 1})

    row = as_columns(to_raw_row(record, sync_run_id=1, ordinal=0))

    assert row["payload"] == {"newFieldFromUpstream": {"nested": 1}}
    assert row["allocations"] == record["allocations"]


def test_a_record_with_a_column_for_every_field_has_no_payload():
    row = as_columns(to_raw_row(leave_record(), sync_run_id=1, ordinal=0))

    assert row["payload"] is None


def test_the_fingerprint_is_carried_into_the_row():
    row = as_columns(to_raw_row(leave_record(), sync_run_id=1, ordinal=0, fingerprint=-5))

    assert row["fingerprint"] == -5
