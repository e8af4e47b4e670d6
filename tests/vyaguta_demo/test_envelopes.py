"""Each envelope the real API has answered with: meta, totalCount per record, bare list."""

from collections.abc import Iterator

import pytest

from tests.vyaguta_demo.upstream_settings import RECORDS, SEED, TODAY, FetchAll, GetPage
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

SMALL = 250


@pytest.fixture(scope="module")
def totalcount_upstream() -> Iterator[DemoUpstream]:
    with run_demo_upstream(records=SMALL, seed=SEED, today=TODAY, envelope="totalcount") as up:
        yield up


@pytest.fixture(scope="module")
def list_upstream() -> Iterator[DemoUpstream]:
    with run_demo_upstream(records=SMALL, seed=SEED, today=TODAY, envelope="list") as up:
        yield up


def test_meta_envelope_has_data_and_page_size_total(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    body = get_page(upstream, page=2, size=50).json()
    assert set(body) == {"data", "meta"}
    assert body["meta"] == {"page": 2, "size": 50, "total": RECORDS}
    assert len(body["data"]) == 50


def test_totalcount_envelope_has_no_meta_and_the_total_in_every_record(
    totalcount_upstream: DemoUpstream, get_page: GetPage
) -> None:
    body = get_page(totalcount_upstream, page=1, size=40, startDate="2025-01-01").json()
    window_total = body["data"][0]["totalCount"]
    assert set(body) == {"data"}
    assert 40 < window_total < SMALL
    assert all(record["totalCount"] == window_total for record in body["data"])
    assert all(len(record) == 38 for record in body["data"])


def test_totalcount_envelope_pages_through_every_record(
    totalcount_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    ids = [record["id"] for record in fetch_all(totalcount_upstream, size=60)]
    assert ids == list(range(1, SMALL + 1))


def test_list_envelope_is_a_bare_array(list_upstream: DemoUpstream, get_page: GetPage) -> None:
    body = get_page(list_upstream, page=1, size=30).json()
    assert isinstance(body, list)
    assert [record["id"] for record in body] == list(range(1, 31))


def test_list_envelope_ends_with_a_short_page(
    list_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    ids = [record["id"] for record in fetch_all(list_upstream, size=100)]
    assert ids == list(range(1, SMALL + 1))
