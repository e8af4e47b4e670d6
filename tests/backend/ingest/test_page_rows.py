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
