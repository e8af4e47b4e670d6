import orjson

from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.page_rows import sort_page
from tests.records import leave_record


def sorted_page(records):
    return sort_page(records, sync_run_id=5, first_ordinal=100)


def test_valid_records_become_rows_numbered_in_arrival_order():
    page = sorted_page([leave_record(id=1), leave_record(id=2)])

    assert [(row[0], row[1], row[2]) for row in page.rows] == [(5, 100, "1"), (5, 101, "2")]
    assert page.rejected == []


def test_a_record_that_is_not_an_object_is_set_aside():
    page = sorted_page([leave_record(), "oops", 7])

    assert len(page.rows) == 1
    assert [(payload, reason) for _, payload, reason in page.rejected] == [
        ("oops", "record is not a JSON object"),
        (7, "record is not a JSON object"),
    ]


def test_a_nul_character_anywhere_is_set_aside_and_stored_without_it():
    record = leave_record(extraField="a\x00b")

    page = sorted_page([record])

    _, payload, reason = page.rejected[0]
    assert reason == "contains a NUL character, which PostgreSQL cannot store"
    assert payload["extraField"] == "a\ufffdb"


def sort(records: list, remembered: dict[int, int]):
    return sort_page(records, sync_run_id=1, first_ordinal=10, remembered=remembered)


def test_a_record_whose_fingerprint_is_remembered_is_passed_by_as_unchanged():
    record = leave_record(id=1)

    rows = sort([record], {1: fingerprint_of(orjson.dumps(record))})

    assert (rows.rows, rows.unchanged, rows.fetched_ids) == ([], 1, [(1, 10)])


def test_a_record_with_another_fingerprint_becomes_a_row_carrying_its_new_one():
    record = leave_record(id=1)

    rows = sort([record], {1: 12345})

    assert len(rows.rows) == 1
    assert rows.rows[0][-1] == fingerprint_of(orjson.dumps(record))
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
