import orjson

from backend.ingest.envelopes import keys_of_records, parse_page
from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.latest_records import LatestRecords
from backend.ingest.page_rows import sort_fetched_page, sort_page
from tests.records import as_v2, leave_record


def sorted_page(records):
    return sort_page(records, sync_run_id=5, first_ordinal=100)


def test_valid_records_become_rows_numbered_in_arrival_order():
    page = sorted_page([leave_record(id=1), leave_record(id=2)])

    assert [(row[0], row[1], row[2]) for row in page.rows] == [(5, 100, 1), (5, 101, 2)]
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


def fetched(body: bytes, remembered: dict[int, int]):
    """A page as the upstream sends it, sorted the way a sync sorts it."""
    page = parse_page(body)
    keys = keys_of_records(page) if remembered else None
    latest = LatestRecords()
    sorted_rows = sort_fetched_page(
        page, keys, sync_run_id=1, first_ordinal=0, remembered=remembered, latest=latest
    )
    return sorted_rows, latest


def test_a_fetched_records_fingerprint_is_that_of_the_json_as_sent():
    record = orjson.dumps(leave_record(id=1), option=orjson.OPT_INDENT_2)

    rows, _ = fetched(b"[" + record + b"]", {})

    assert rows.rows[0][-1] == fingerprint_of(record)


def test_a_fetched_record_with_a_remembered_fingerprint_is_passed_by_and_noted_as_latest():
    record = orjson.dumps(leave_record(id=1, userId=11))

    rows, latest = fetched(b"[" + record + b"]", {1: fingerprint_of(record)})

    assert (rows.rows, rows.unchanged, rows.fetched_ids) == ([], 1, [(1, 0)])
    assert [entry.decoded()["id"] for entry in latest.unchanged_latest()] == [1]


def test_a_fetched_record_that_changed_is_decoded_and_validated():
    changed = orjson.dumps(leave_record(id=1, leaveDays=-1))

    rows, _ = fetched(b"[" + changed + b"]", {1: 12345})

    assert [reason for _, _, reason in rows.rejected] == [
        "leaveDays -1 does not fit a leave of 1 calendar day(s)"
    ]


def test_a_fetched_record_we_cannot_decode_is_set_aside_as_text():
    rows, _ = fetched(b'[{"id": 1, "leaveDays": 1e400}]', {})

    _, payload, reason = rows.rejected[0]
    assert reason.startswith("record is not JSON we can read")
    assert payload == '{"id": 1, "leaveDays": 1e400}'


def test_an_escaped_backslash_before_u0000_is_text_not_a_nul_character():
    body = orjson.dumps([leave_record(id=1, reason="C:\\u0000")])

    rows, _ = fetched(body, {})

    assert len(rows.rows) == 1


def test_a_nul_character_in_a_fetched_record_is_set_aside():
    rows, _ = fetched(orjson.dumps([leave_record(id=1, reason="a\x00b")]), {})

    assert rows.rejected[0][2] == "contains a NUL character, which PostgreSQL cannot store"


def test_a_fetched_page_gives_the_rows_and_reasons_an_upload_of_its_records_gives():
    records = [
        leave_record(id=1),
        as_v2(leave_record(id=2)),
        leave_record(id=3, newFieldFromUpstream={"nested": 1}),
        leave_record(id=4, leaveDays=-1),
        leave_record(id=5, createdAt="2024-08-01T09:00:00.1234567Z"),
    ]
    body = orjson.dumps(records)

    rows, _ = fetched(body, {})
    uploaded = sort_page(
        records,
        sync_run_id=rows.rows[0][0],
        first_ordinal=0,
        remembered={},
    )

    assert [row[:-1] for row in rows.rows] == [row[:-1] for row in uploaded.rows]
    assert [reason for *_, reason in rows.rejected] == [reason for *_, reason in uploaded.rejected]
    assert len(rows.rows) == 4
