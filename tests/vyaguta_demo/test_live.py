"""Live mode: each tick adds new applications and decides some pending ones."""

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.vyaguta_demo.upstream_settings import SEED, TODAY, FetchAll
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

SMALL = 400


@pytest.fixture(scope="module")
def live_upstream() -> Iterator[DemoUpstream]:
    """Its own server: ticks change the data, which the shared upstream must never see."""
    with run_demo_upstream(records=SMALL, seed=SEED, today=TODAY) as upstream:
        yield upstream


def by_id(records: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {record["id"]: record for record in records}


def test_a_tick_adds_new_requested_leaves_with_new_ids(
    live_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    before = by_id(fetch_all(live_upstream))
    created = live_upstream.live_tick()["created"]
    after = by_id(fetch_all(live_upstream))
    assert created
    assert min(created) > max(before)
    assert set(after) == set(before) | set(created)
    newest = max(record["createdAt"] for record in before.values())
    for leave_id in created:
        assert after[leave_id]["status"] == "REQUESTED"
        assert after[leave_id]["createdAt"] > newest
        assert after[leave_id]["fiscalIsCurrent"] is True
        assert after[leave_id]["startDate"] >= TODAY.isoformat()


def test_a_tick_decides_some_requested_leaves_with_a_newer_updated_at(
    live_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    before = by_id(fetch_all(live_upstream))
    updated = live_upstream.live_tick()["updated"]
    after = by_id(fetch_all(live_upstream))
    assert updated
    for leave_id in updated:
        assert before[leave_id]["status"] == "REQUESTED"
        assert after[leave_id]["status"] in {"APPROVED", "REJECTED", "CANCELLED"}
        assert after[leave_id]["updatedAt"] > before[leave_id]["updatedAt"]
        assert after[leave_id]["remarks"]
    unchanged = set(before) - set(updated)
    assert all(after[leave_id] == before[leave_id] for leave_id in unchanged)


def test_new_leaves_are_counted_in_stats_and_the_total(
    live_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    before = live_upstream.stats()
    created = live_upstream.live_tick()["created"]
    after = live_upstream.stats()
    assert after["records"] == before["records"] + len(created)
    assert after["live_ticks"] == before["live_ticks"] + 1
    assert len(fetch_all(live_upstream)) == after["records"]


def test_the_live_interval_ticks_by_itself() -> None:
    with run_demo_upstream(records=100, seed=SEED, today=TODAY, live_interval=0.1) as upstream:
        deadline = time.monotonic() + 10
        while upstream.stats()["live_ticks"] < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        stats = upstream.stats()
    assert stats["live_ticks"] >= 2
    assert stats["records"] > 100
