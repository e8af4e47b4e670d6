import orjson
import pytest

from backend.ingest.envelopes import MalformedPage, decoded, keys_of_records, parse_page


def test_the_meta_envelope_gives_records_and_total():
    page = parse_page(
        orjson.dumps({"data": [{"id": 1}], "meta": {"page": 1, "size": 1, "total": 9}})
    )

    assert ([decoded(record) for record in page.records], page.total) == ([{"id": 1}], 9)


def test_without_meta_the_total_comes_from_the_records_total_count():
    page = parse_page(orjson.dumps({"data": [{"id": 1, "totalCount": 4}]}))

    assert page.total == 4


def test_a_bare_list_is_a_page_without_total():
    page = parse_page(orjson.dumps([{"id": 1}, {"id": 2}]))

    assert (len(page.records), page.total) == (2, None)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"<!DOCTYPE html><html><body>Bad gateway</body></html>", "HTML page instead of JSON"),
        (b'{"data": [{"id": 1}, {"id"', "invalid JSON"),
        (b'{"items": []}', "JSON without a list of records"),
        (b"", "invalid JSON"),
    ],
)
def test_a_body_we_cannot_read_says_why(body, problem):
    with pytest.raises(MalformedPage, match=problem):
        parse_page(body)


def test_each_record_stays_the_json_the_upstream_sent():
    page = parse_page(b'{"data": [{"id": 1,  "reason": "x"}, {"id":2}]}')

    assert [bytes(record) for record in page.records] == [b'{"id": 1,  "reason": "x"}', b'{"id":2}']


def test_the_keys_of_each_record_are_read_without_its_other_fields():
    page = parse_page(orjson.dumps([{"id": 1, "userId": 11, "fiscalId": 3, "reason": "x"}]))

    assert keys_of_records(page) == [(1, 11, None, None, None, None, 3)]


def test_a_record_that_is_no_object_or_unreadable_has_no_keys():
    page = parse_page(b'[{"id": 1}, "text", {"id": 1e400}]')

    assert keys_of_records(page) == [(1, None, None, None, None, None, None), None, None]
