"""Schemathesis against the API's own OpenAPI document, every operation, as a viewer and as an
admin, over real HTTP: no answer is a 5xx, and every answer matches what the document says."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from backend.main import create_app
from backend.services.users import add_user
from db.pool import create_pool
from tests.operations.api_process import ApiProcess, api_process
from tests.operations.credentials import ADMIN_PASSWORD, UPSTREAM_TOKEN
from tests.operations.environment import api_environment
from tests.operations.in_process import in_process_settings
from vyaguta_demo.process import run_demo_upstream

VIEWER_PASSWORD = "fuzzing-viewer-password"
EXAMPLES_PER_OPERATION = 10
# Filter values are checked against the data: an unknown department or fiscal year is a 422 by
# design, which no schema can say, so "every schema-valid request succeeds" cannot hold.
NOT_CHECKED = [positive_data_acceptance]
FUZZING = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)


def bearer_headers(base_url: str, username: str, password: str) -> dict[str, str]:
    answer = httpx.post(f"{base_url}/token", data={"username": username, "password": password})
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def add_the_viewer(database_url: str) -> None:
    pool = await create_pool(database_url, max_size=1)
    try:
        await add_user(pool, "viewer", VIEWER_PASSWORD, "viewer")
    finally:
        await pool.close()


@pytest.fixture(scope="module")
def synced_api(scenario_database_url: str, tmp_path_factory) -> Iterator[ApiProcess]:
    """A synced database with a viewer, served by a real API process with a live upstream."""
    folder: Path = tmp_path_factory.mktemp("fuzzing")
    with run_demo_upstream(records=600, seed=19, token=UPSTREAM_TOKEN) as upstream:
        environment = api_environment(
            scenario_database_url, upstream, LOGIN_MAX_FAILURES=1000, BACKUP_DIR=str(folder)
        )
        with api_process(environment, folder / "api.log") as api:
            admin = bearer_headers(api.base_url, "admin", ADMIN_PASSWORD)
            httpx.post(f"{api.base_url}/sync", headers=admin, timeout=60).raise_for_status()
            asyncio.run(add_the_viewer(scenario_database_url))
            yield api


@pytest.fixture(scope="module")
def viewer(synced_api: ApiProcess) -> dict[str, str]:
    return bearer_headers(synced_api.base_url, "viewer", VIEWER_PASSWORD)


@pytest.fixture(scope="module")
def admin(synced_api: ApiProcess) -> dict[str, str]:
    return bearer_headers(synced_api.base_url, "admin", ADMIN_PASSWORD)


# The document the API serves at /openapi.json: built by the same code, without a server.
schema = schemathesis.openapi.from_dict(
    create_app(in_process_settings("postgresql:///unused")).openapi()
)


@schema.parametrize()
@FUZZING
def test_as_a_viewer(case, synced_api, viewer):
    case.call_and_validate(
        base_url=synced_api.base_url, headers=viewer, excluded_checks=NOT_CHECKED
    )


@schema.parametrize()
@FUZZING
def test_as_an_admin(case, synced_api, admin):
    case.call_and_validate(base_url=synced_api.base_url, headers=admin, excluded_checks=NOT_CHECKED)
