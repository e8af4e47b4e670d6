from datetime import date

import orjson
import pytest

from backend.ingest.raw_rows import canonical_fields, raw_row
from backend.ingest.validation import rejection_reason
from backend.ingest.well_formed import well_formed
from tests.records import as_v2, leave_record
from vyaguta_demo.corruption import INVALID_KINDS
from vyaguta_demo.dataset import generate


def full_path_row(record: dict) -> tuple:
    """What validation + raw_rows make of the record: its columns and payload."""
    fields = canonical_fields(record)
    assert rejection_reason(fields) is None
    return raw_row(fields, record, sync_run_id=0, ordinal=0)[2:-1]


def row_of(encoded: bytes) -> tuple | None:
    accepted = well_formed(encoded)
    if accepted is None:
        return None
    _, values, payload = accepted
    return (*values, payload)


def test_a_usual_record_gives_the_row_the_full_validation_gives():
    record = leave_record()

    assert row_of(orjson.dumps(record)) == full_path_row(record)


def test_a_v2_record_gives_the_full_paths_row_with_its_extra_fields_as_payload():
    record = as_v2(leave_record())

    row = row_of(orjson.dumps(record))

    assert row == full_path_row(record)
    assert row[-1] == {"isAutomated": False, "totalCount": 1}


def test_every_record_of_a_demo_snapshot_gives_the_full_paths_row():
    records = generate(3_000, seed=7)

    rows = [row_of(orjson.dumps(record)) for record in records]

    assert rows == [full_path_row(record) for record in records]


def test_the_keys_are_the_id_and_the_entities_named_as_numbers():
    keys, _, _ = well_formed(orjson.dumps(leave_record()))

    assert keys == (1001, 11, 3, 90, 90, 1, 101)


def test_ids_flags_and_dates_are_typed_and_days_are_the_decimal_sent():
    _, values, _ = well_formed(orjson.dumps(leave_record(leaveDays=0.5, isHr=True)))

    assert values[:3] == [1001, 11, "E011"]
    assert True in values
    assert date(2024, 8, 5) in values
    assert "0.5" in values


@pytest.mark.parametrize("corrupt", INVALID_KINDS, ids=lambda kind: kind.__name__)
def test_each_invalid_kind_the_demo_serves_is_left_to_the_full_validation(corrupt):
    record = leave_record()
    corrupt(record)

    assert well_formed(orjson.dumps(record)) is None


@pytest.mark.parametrize(
    "overrides",
    [
        {"newFieldFromUpstream": 1},
        {"reason": "bad\x00byte"},
        {"allocations": [{"id": 1, "tags": ["nested"]}]},
        {"allocations": [{"name": "no id"}]},
        {"startDate": "2024-W32-1", "endDate": "2024-08-05"},
        {"createdAt": "2024-08-01T09"},
        {"status": "  "},
        {"fiscalEndDate": "2024-07-16"},
        {"leaveDays": 2},
        {"startDate": "2024-01-01", "endDate": "2025-12-31", "leaveDays": 400},
        {"id": 2**63},
        {"isHr": 1},
        {"defaultDays": 400},
    ],
)
def test_an_unusual_record_is_left_to_the_full_validation(overrides):
    assert well_formed(orjson.dumps(leave_record(**overrides))) is None


def test_an_integer_orjson_cannot_read_is_left_to_the_full_validation():
    record = orjson.dumps(leave_record(allocations=[{"id": 1, "budget": 1}]))

    too_long = record.replace(b'"budget":1', b'"budget":18446744073709551617')

    assert too_long != record
    assert well_formed(too_long) is None


@pytest.mark.parametrize(
    "created_at",
    [
        "2024-08-01T09:15:00Z",
        "2024-08-01T09:15:00.123456+05:45",
        "2024-08-01T09:15:00.5-03:00",
        "2024-08-01 09:15:00+0545",
        "2024-08-01t09:15:00z",
        "2024-08-01T09:15:00.1234565Z",
    ],
)
def test_a_timestamp_to_the_second_with_an_offset_is_read_on_the_fast_path(created_at):
    record = leave_record(createdAt=created_at)

    assert row_of(orjson.dumps(record)) == full_path_row(record)


@pytest.mark.parametrize(
    "created_at", ["2024-08-01T09:15:00", "2024-08-01T09:15:00+05", "2024-08-01T09:15Z"]
)
def test_a_timestamp_in_a_rarer_form_is_left_to_the_full_path_which_reads_it(created_at):
    record = leave_record(createdAt=created_at)

    assert well_formed(orjson.dumps(record)) is None
    assert full_path_row(record)


def test_a_timestamp_of_a_day_that_does_not_exist_is_left_to_the_full_validation():
    assert well_formed(orjson.dumps(leave_record(createdAt="2024-02-30T09:15:00Z"))) is None
