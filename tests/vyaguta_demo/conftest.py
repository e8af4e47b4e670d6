"""A real demo upstream subprocess shared by the protocol and fault tests, plus HTTP helpers."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.vyaguta_demo.upstream_settings import RECORDS, SEED, TODAY, FetchAll, GetPage
from vyaguta_demo.process import DemoUpstream, run_demo_upstream


@pytest.fixture(scope="session")
def shared_upstream() -> Iterator[DemoUpstream]:
    """Never live-ticked, so its records always equal dataset.generate(RECORDS, SEED, TODAY)."""
    with run_demo_upstream(records=RECORDS, seed=SEED, today=TODAY) as upstream:
        yield upstream


@pytest.fixture
def upstream(shared_upstream: DemoUpstream) -> DemoUpstream:
    shared_upstream.reset_faults()
    return shared_upstream


@pytest.fixture(scope="session")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as session:
        yield session


@pytest.fixture(scope="session")
def get_page(client: httpx.Client) -> GetPage:
    """GET the leaves endpoint with the right token; params override page=1, size=100."""

    def get(upstream: DemoUpstream, **params: Any) -> httpx.Response:
        query = {"fetchType": "all", "roleType": "issuer", "page": 1, "size": 100, **params}
        return client.get(upstream.leaves_url, params=query, headers=upstream.headers)

    return get


def records_of(body: Any) -> list[dict[str, Any]]:
    return body if isinstance(body, list) else body["data"]


@pytest.fixture(scope="session")
def fetch_all(get_page: GetPage) -> FetchAll:
    """Every record of a window, paging until a page comes back shorter than the size."""

    def fetch(upstream: DemoUpstream, size: int = 100, **params: Any) -> list[dict[str, Any]]:
        collected: list[dict[str, Any]] = []
        for number in range(1, 10_000):
            response = get_page(upstream, page=number, size=size, **params)
            response.raise_for_status()
            batch = records_of(response.json())
            collected.extend(batch)
            if len(batch) < size:
                return collected
        raise AssertionError("paging never ended")

    return fetch
