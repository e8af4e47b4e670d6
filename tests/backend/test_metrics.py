from datetime import datetime

import pytest_asyncio
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from tests.backend.conftest import running_api, settings_for

METRICS_TOKEN = "metrics-token-for-tests"


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_metrics_count_sync_runs_records_and_failures(api, admin_headers, upstream):
    succeeded = (await api.post("/sync", headers=admin_headers)).json()
    upstream.set_faults(unauthorized=True)
    await api.post("/sync", headers=admin_headers)

    exposed = samples((await api.get("/metrics")).text)

    runs = "leave_sync_runs_total"
    assert exposed[(runs, (("status", "succeeded"), ("trigger", "manual")))] == 1
    assert exposed[(runs, (("status", "failed"), ("trigger", "manual")))] == 1
    assert exposed[("leave_sync_failures_total", (("kind", "upstream_auth"),))] == 1
    inserted = exposed[("leave_sync_records_total", (("outcome", "inserted"),))]
    assert inserted == succeeded["inserted"]
    last_success = exposed[("leave_sync_last_success_timestamp_seconds", ())]
    assert last_success == datetime.fromisoformat(succeeded["finished_at"]).timestamp()


async def test_metrics_include_the_http_requests_served(api):
    await api.get("/health")

    exposed = samples((await api.get("/metrics")).text)

    assert any(
        name == "http_requests_total" and dict(labels).get("handler") == "/health"
        for name, labels in exposed
    )


@pytest_asyncio.fixture
async def guarded_api(migrated_database_url, upstream):
    settings = settings_for(migrated_database_url, upstream, metrics_token=SecretStr(METRICS_TOKEN))
    async with running_api(settings) as (_, api):
        yield api


async def test_with_a_metrics_token_metrics_without_it_are_refused_by_name(guarded_api):
    for headers in ({}, {"Authorization": "Bearer not-the-token"}):
        answer = await guarded_api.get("/metrics", headers=headers)

        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "metrics_token_required"


async def test_with_a_metrics_token_metrics_come_to_whoever_sends_it(guarded_api):
    answer = await guarded_api.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})

    assert answer.status_code == 200
    assert "http_requests_total" in answer.text
