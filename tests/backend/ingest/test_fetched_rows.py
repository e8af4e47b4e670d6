import orjson

from backend.ingest.fetched_rows import sort_fetched_page
from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.latest_records import LatestRecords
from tests.records import leave_record


def sort(records: list, remembered: dict[int, int]):
    return sort_fetched_page(records, remembered, LatestRecords(), sync_run_id=1, first_ordinal=10)


def test_a_record_whose_fingerprint_is_remembered_is_passed_by_as_unchanged():
    record = leave_record(id=1)

    rows = sort([record], {1: fingerprint_of(orjson.dumps(record))})

    assert (rows.changed, rows.unchanged, rows.fetched_ids) == ([], 1, [(1, 10)])


def test_a_record_with_another_fingerprint_becomes_a_row_carrying_its_new_one():
    record = leave_record(id=1)

    rows = sort([record], {1: 12345})

    assert len(rows.changed) == 1
    assert rows.changed[0][-1] == fingerprint_of(orjson.dumps(record))
    assert rows.fetched_ids == [(1, 10)]


def test_an_invalid_record_is_set_aside_and_not_counted_as_fetched():
    rows = sort([leave_record(id=1, leaveDays=-1), "not a record"], {})

    assert [reason for _, _, reason in rows.rejected] == [
        "leaveDays -1 does not fit a leave of 1 calendar day(s)",
        "record is not a JSON object",
    ]
    assert rows.fetched_ids == []


def test_an_unhashable_id_is_rejected_rather_than_looked_up():
    rows = sort([leave_record(id=[1])], {1: 0})

    assert rows.rejected and not rows.fetched_ids
