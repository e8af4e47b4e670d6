import orjson
import pytest

from backend.ingest.envelopes import MalformedPage, parse_page


def test_the_meta_envelope_gives_records_and_total():
    page = parse_page(
        orjson.dumps({"data": [{"id": 1}], "meta": {"page": 1, "size": 1, "total": 9}})
    )

    assert (page.records, page.total) == ([{"id": 1}], 9)


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
