"""The leaves endpoint speaks Vyaguta's protocol: auth, paging, date window, errors."""

from datetime import date

import httpx
import pytest

from tests.vyaguta_demo.upstream_settings import RECORDS, SEED, TODAY, FetchAll, GetPage
from vyaguta_demo.dataset import generate
from vyaguta_demo.process import DemoUpstream


def test_a_missing_token_gets_401_with_a_json_body(
    upstream: DemoUpstream, client: httpx.Client
) -> None:
    response = client.get(upstream.leaves_url, params={"page": 1, "size": 10})
    assert response.status_code == 401
    assert response.json()["error"]


def test_a_wrong_token_gets_401_with_a_json_body(
    upstream: DemoUpstream, client: httpx.Client
) -> None:
    response = client.get(upstream.leaves_url, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401
    assert response.json()["error"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/_admin/faults"),
        ("PUT", "/_admin/faults"),
        ("DELETE", "/_admin/faults"),
        ("POST", "/_admin/live/tick"),
        ("GET", "/_admin/stats"),
    ],
)
def test_admin_endpoints_need_the_token(
    upstream: DemoUpstream, client: httpx.Client, method: str, path: str
) -> None:
    response = client.request(method, upstream.base_url + path, json={"error_rate": 1})
    assert response.status_code == 401
    assert upstream.faults()["error_rate"] == 0


def test_page_one_is_the_first_page(upstream: DemoUpstream, get_page: GetPage) -> None:
    body = get_page(upstream, page=1, size=5).json()
    assert [record["id"] for record in body["data"]] == [1, 2, 3, 4, 5]
    assert body["meta"] == {"page": 1, "size": 5, "total": RECORDS}


def test_paging_returns_every_record_exactly_once_in_id_order(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    ids = [record["id"] for record in fetch_all(upstream, size=97)]
    assert ids == list(range(1, RECORDS + 1))


def test_a_page_after_the_last_is_empty(upstream: DemoUpstream, get_page: GetPage) -> None:
    body = get_page(upstream, page=RECORDS // 10 + 1, size=10).json()
    assert body["data"] == []
    assert body["meta"]["total"] == RECORDS


def test_the_date_window_returns_exactly_the_leaves_overlapping_it(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    first, last = "2024-10-01", "2024-10-31"
    served = fetch_all(upstream, startDate=first, endDate=last)
    expected = [
        r["id"]
        for r in generate(RECORDS, SEED, TODAY)
        if r["startDate"] <= last and r["endDate"] >= first
    ]
    assert [record["id"] for record in served] == expected
    assert any(record["startDate"] < first for record in served) or any(
        record["endDate"] > last for record in served
    ), "the window should include leaves that only partly overlap it"


def test_a_leave_spanning_the_whole_window_is_in_it(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    spanning = next(r for r in generate(RECORDS, SEED, TODAY) if r["startDate"] < r["endDate"])
    inside = date.fromordinal(date.fromisoformat(spanning["startDate"]).toordinal() + 1)
    served = fetch_all(upstream, startDate=inside.isoformat(), endDate=inside.isoformat())
    assert spanning["id"] in {record["id"] for record in served}


def test_a_missing_end_date_is_no_upper_bound(upstream: DemoUpstream, fetch_all: FetchAll) -> None:
    served = fetch_all(upstream, startDate=TODAY.isoformat())
    expected = [r["id"] for r in generate(RECORDS, SEED, TODAY) if r["endDate"] >= str(TODAY)]
    assert [record["id"] for record in served] == expected
    assert any(record["startDate"] > str(TODAY) for record in served)


@pytest.mark.parametrize(
    "params",
    [
        {"page": 0},
        {"page": "abc"},
        {"page": -1},
        {"size": 0},
        {"size": 100_001},
        {"startDate": "2024-02-30"},
        {"startDate": "23-11-2026"},
        {"endDate": "yesterday"},
        {"startDate": "2025-01-02", "endDate": "2025-01-01"},
    ],
)
def test_bad_parameters_get_400_with_a_json_body(
    upstream: DemoUpstream, get_page: GetPage, params: dict[str, object]
) -> None:
    response = get_page(upstream, **params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_an_unknown_path_gets_a_json_404(upstream: DemoUpstream, client: httpx.Client) -> None:
    response = client.get(upstream.base_url + "/api/leave/nothing", headers=upstream.headers)
    assert response.status_code == 404
    assert response.json()["error"]


def test_stats_count_records_and_requests(upstream: DemoUpstream, get_page: GetPage) -> None:
    before = upstream.stats()["requests"]
    get_page(upstream)
    stats = upstream.stats()
    assert stats["records"] == RECORDS
    assert stats["requests"] == before + 1
