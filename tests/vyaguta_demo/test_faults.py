"""Every fault does what it says, switched per test through /_admin/faults."""

import json
import time
from collections import Counter
from datetime import date
from typing import Any

import httpx
import pytest

from tests.vyaguta_demo.upstream_settings import RECORDS, FetchAll, GetPage
from vyaguta_demo.process import DemoUpstream

V1_KEY_COUNT = 37


def problems(record: dict[str, Any]) -> list[str]:
    """What a careful client would reject, checked independently of the server's code."""
    found = []
    if not isinstance(record.get("id"), int):
        found.append("id")
    try:
        start, end = date.fromisoformat(record["startDate"]), date.fromisoformat(record["endDate"])
        if end < start:
            found.append("end before start")
    except ValueError:
        found.append("impossible date")
    days = record["leaveDays"]
    if not isinstance(days, int | float) or isinstance(days, bool) or not 0 < days <= 98:
        found.append("leaveDays")
    if not isinstance(record["allocations"], list | None):
        found.append("allocations")
    return found


def statuses_of(get_page: GetPage, upstream: DemoUpstream, count: int, **params: Any) -> list[int]:
    return [get_page(upstream, **params).status_code for _ in range(count)]


def test_unauthorized_answers_401_even_to_the_right_token(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(unauthorized=True)
    response = get_page(upstream)
    assert response.status_code == 401
    assert response.json()["error"]
    assert upstream.stats()["records"] == RECORDS


def test_error_rate_answers_503_and_429_with_retry_after(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(error_rate=0.5, retry_after=0)
    responses = [get_page(upstream) for _ in range(60)]
    counts = Counter(response.status_code for response in responses)
    assert set(counts) == {200, 429, 503}
    assert 15 <= counts[429] + counts[503] <= 45
    assert all(r.headers["Retry-After"] == "0" for r in responses if r.status_code == 429)
    assert all(r.json()["error"] for r in responses if r.status_code != 200)


def test_error_rate_fails_the_same_requests_every_time_it_is_set(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(error_rate=0.3)
    first = statuses_of(get_page, upstream, 30)
    upstream.set_faults(error_rate=0.3)
    assert statuses_of(get_page, upstream, 30) == first


def test_fail_pages_always_fail_with_the_given_status(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(fail_pages=[2], fail_status=500)
    assert statuses_of(get_page, upstream, 3, page=2) == [500, 500, 500]
    assert statuses_of(get_page, upstream, 2, page=1) + statuses_of(
        get_page, upstream, 1, page=3
    ) == [200, 200, 200]


def test_fail_first_n_fails_then_recovers(upstream: DemoUpstream, get_page: GetPage) -> None:
    upstream.set_faults(fail_first_n=3)
    assert statuses_of(get_page, upstream, 5) == [503, 503, 503, 200, 200]


def test_latency_delays_every_answer(upstream: DemoUpstream, get_page: GetPage) -> None:
    upstream.set_faults(latency_ms=300)
    began = time.perf_counter()
    assert get_page(upstream).status_code == 200
    assert time.perf_counter() - began >= 0.3


def test_timeout_pages_hang_past_the_client_timeout(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(timeout_pages=[2], hang_seconds=3)
    with httpx.Client(timeout=0.5) as impatient, pytest.raises(httpx.ReadTimeout):
        impatient.get(upstream.leaves_url, params={"page": 2}, headers=upstream.headers)
    assert get_page(upstream, page=1).status_code == 200


@pytest.mark.parametrize("status", [200, 502])
def test_html_error_answers_an_html_page_instead_of_json(
    upstream: DemoUpstream, get_page: GetPage, status: int
) -> None:
    upstream.set_faults(html_error=status)
    response = get_page(upstream)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.lstrip().lower().startswith("<!doctype html>")
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)


def test_html_error_pages_limit_the_html_page_to_those_pages(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(html_error=502, html_error_pages=[2])
    assert [get_page(upstream, page=n).status_code for n in (1, 2, 3)] == [200, 502, 200]


def test_truncate_pages_cut_the_json_mid_way(upstream: DemoUpstream, get_page: GetPage) -> None:
    intact = get_page(upstream, page=2).content
    upstream.set_faults(truncate_pages=[2])
    cut = get_page(upstream, page=2)
    assert cut.status_code == 200
    assert 0 < len(cut.content) < len(intact)
    assert intact.startswith(cut.content)
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut.content)


def test_invalid_share_makes_that_share_of_records_invalid_in_every_way(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    upstream.set_faults(invalid_share=0.4)
    served = fetch_all(upstream)
    found = Counter(problem for record in served for problem in problems(record))
    invalid = sum(1 for record in served if problems(record))
    assert len(served) == RECORDS
    assert invalid / RECORDS == pytest.approx(0.4, abs=0.06)
    assert set(found) == {"id", "end before start", "impossible date", "leaveDays", "allocations"}
    assert {r.get("id") for r in served if problems(r)} >= {"x", None}
    assert {r["leaveDays"] for r in served if "leaveDays" in problems(r)} >= {"abc", 500}
    assert any(isinstance(d, int | float) and d < 0 for d in (r["leaveDays"] for r in served))


def test_invalid_records_are_the_same_on_every_request(
    upstream: DemoUpstream, get_page: GetPage
) -> None:
    upstream.set_faults(invalid_share=0.4)
    assert get_page(upstream).content == get_page(upstream).content


def test_duplicate_share_repeats_records_with_the_same_id(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    upstream.set_faults(duplicate_share=0.2)
    served = fetch_all(upstream)
    repeats = Counter(record["id"] for record in served)
    twice = [record_id for record_id, count in repeats.items() if count == 2]
    assert set(repeats) == set(range(1, RECORDS + 1))
    assert max(repeats.values()) == 2
    assert len(twice) / RECORDS == pytest.approx(0.2, abs=0.06)


def test_hostile_strings_fill_text_fields_yet_records_stay_valid(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    upstream.set_faults(hostile_strings=True)
    served = fetch_all(upstream)
    reasons = {record["reason"] for record in served}
    assert all(not problems(record) and len(record) == V1_KEY_COUNT for record in served)
    assert any("DROP TABLE" in reason for reason in reasons)
    assert any("<script>" in reason for reason in reasons)
    assert any(len(reason) == 10_000 for reason in reasons)
    assert any(any(ord(char) > 0xFFFF for char in reason) for reason in reasons)
    assert any(any(ord(char) < 0x20 for char in reason) for reason in reasons)
    assert any("DROP TABLE" in (record["remarks"] or "") for record in served)


def test_put_changes_only_the_faults_given(upstream: DemoUpstream) -> None:
    upstream.set_faults(latency_ms=5)
    faults = upstream.set_faults(fail_pages=[3])
    assert faults["latency_ms"] == 5
    assert faults["fail_pages"] == [3]
    assert upstream.faults() == faults


def test_delete_switches_every_fault_off(upstream: DemoUpstream, get_page: GetPage) -> None:
    upstream.set_faults(unauthorized=True, error_rate=1.0, latency_ms=5)
    faults = upstream.reset_faults()
    assert not faults["unauthorized"] and faults["error_rate"] == 0 and faults["latency_ms"] == 0
    assert get_page(upstream).status_code == 200


@pytest.mark.parametrize("body", [
    {"error_rate": 1.5}, {"invalid_share": -0.1}, {"no_such_fault": True}, {"fail_pages": "2"},
])  # fmt: skip
def test_bad_fault_settings_get_400_and_change_nothing(
    upstream: DemoUpstream, client: httpx.Client, body: dict[str, Any]
) -> None:
    response = client.put(upstream.base_url + "/_admin/faults", json=body, headers=upstream.headers)
    assert response.status_code == 400
    assert response.json()["error"]
    assert upstream.faults()["error_rate"] == 0
