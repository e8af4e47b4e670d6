"""Repeated pages kept on disk, and decoded when they must be read after all."""

import orjson

from backend.ingest.envelopes import decoded
from backend.ingest.page_spool import page_spool
from backend.ingest.pages import RepeatedPage
from backend.ingest.remembered_pages import PageSummary


def repeated_page(number: int, records: list) -> RepeatedPage:
    body = orjson.dumps({"data": records, "meta": {"total": 4}})
    return RepeatedPage(body, PageSummary(number, number * 10, len(records), len(records), 4))


def test_kept_pages_come_back_decoded_in_the_order_kept():
    with page_spool() as spool:
        spool.keep(repeated_page(1, [{"id": 1}, {"id": 2}]))
        spool.keep(repeated_page(2, [{"id": 3}, {"id": 4}]))

        replayed = [
            (page.number, [decoded(record) for record in page.content.records], page.body_hash)
            for page in spool.replay()
        ]

    assert replayed == [(1, [{"id": 1}, {"id": 2}], 10), (2, [{"id": 3}, {"id": 4}], 20)]


def test_a_replayed_spool_is_empty():
    with page_spool() as spool:
        spool.keep(repeated_page(1, [{"id": 1}]))
        list(spool.replay())

        assert (len(spool), list(spool.replay())) == (0, [])


def test_the_summaries_of_kept_pages_say_what_they_held():
    with page_spool() as spool:
        spool.keep(repeated_page(1, [{"id": 1}]))

        assert spool.summaries() == [PageSummary(1, 10, 1, 1, 4)]
