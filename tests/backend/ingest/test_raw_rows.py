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


def test_scalars_become_text_the_way_postgres_reads_them():
    row = as_columns(
        to_raw_row(
            leave_record(isHr=True, leaveDays=0.5, middleName=None), sync_run_id=1, ordinal=0
        )
    )

    assert (row["is_hr"], row["leave_days"], row["middle_name"], row["id"]) == (
        "true",
        "0.5",
        None,
        "1001",
    )


def test_the_whole_record_is_kept_as_payload_with_unknown_fields():
    record = leave_record(newFieldFromUpstream={"nested": 1})

    row = as_columns(to_raw_row(record, sync_run_id=1, ordinal=0))

    assert row["payload"] == record
    assert row["allocations"] == record["allocations"]
