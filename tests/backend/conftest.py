"""The service as it really runs: a migrated PostgreSQL and the demo upstream over real HTTP."""

import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from pydantic import SecretStr

from backend.ingest.upstream import RetryPolicy, VyagutaClient
from backend.main import create_app
from backend.services.sync import SyncOptions
from backend.services.users import add_user
from backend.settings import Settings
from db.dsn import with_database
from db.pool import create_pool
from tests.conftest import create_database, drop_database
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

DEMO_RECORDS = 600
DEMO_SEED = 7
ADMIN_PASSWORD = "admin-password-for-tests"
VIEWER_PASSWORD = "viewer-password-for-tests"


@pytest.fixture(scope="session")
def demo_upstream() -> Iterator[DemoUpstream]:
    with run_demo_upstream(
        records=DEMO_RECORDS, seed=DEMO_SEED, token="upstream-secret-token"
    ) as up:
        yield up


@pytest.fixture
def upstream(demo_upstream: DemoUpstream) -> Iterator[DemoUpstream]:
    """The shared demo upstream, with no fault left over from another test."""
    demo_upstream.reset_faults()
    yield demo_upstream
    demo_upstream.reset_faults()


def settings_for(database_url: str, upstream: DemoUpstream, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": SecretStr(database_url),
        "vyaguta_api_url": upstream.leaves_url,
        "vyaguta_bearer_token": SecretStr(upstream.token),
        "vyaguta_page_size": 100,
        "vyaguta_max_tries": 3,
        "vyaguta_retry_base_seconds": 0.01,
        "vyaguta_timeout_seconds": 2,
        "poll_interval_seconds": 0,
        "admin_username": "admin",
        "admin_password": SecretStr(ADMIN_PASSWORD),
        "jwt_secret": SecretStr("test-jwt-secret-that-is-long-enough-0123456789"),
        "app_env": "test",
    }
    return Settings(_env_file=None, **(values | overrides))


@pytest.fixture
def settings(migrated_database_url: str, upstream: DemoUpstream) -> Settings:
    return settings_for(migrated_database_url, upstream)


@pytest_asyncio.fixture
async def pool(migrated_database_url: str):
    pool = await create_pool(migrated_database_url, max_size=4)
    yield pool
    await pool.close()


@pytest_asyncio.fixture
async def client(settings: Settings) -> AsyncIterator[VyagutaClient]:
    async with httpx.AsyncClient(timeout=settings.vyaguta_timeout_seconds) as http:
        yield VyagutaClient(
            http,
            settings.vyaguta_api_url or "",
            settings.vyaguta_bearer_token,
            RetryPolicy(settings.vyaguta_max_tries, settings.vyaguta_retry_base_seconds),
        )


@pytest.fixture
def options(settings: Settings) -> SyncOptions:
    return SyncOptions.from_settings(settings)


@asynccontextmanager
async def running_api(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The app with its lifespan running, and an HTTP client that talks to it."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as http:
            yield application, http


@pytest_asyncio.fixture
async def app_and_api(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    async with running_api(settings) as running:
        yield running


@pytest.fixture
def app(app_and_api: tuple[FastAPI, httpx.AsyncClient]) -> FastAPI:
    return app_and_api[0]


@pytest.fixture
def api(app_and_api: tuple[FastAPI, httpx.AsyncClient]) -> httpx.AsyncClient:
    return app_and_api[1]


async def bearer_headers(api: httpx.AsyncClient, username: str, password: str) -> dict[str, str]:
    answer = await api.post("/token", data={"username": username, "password": password})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@pytest_asyncio.fixture
async def admin_headers(api: httpx.AsyncClient) -> dict[str, str]:
    return await bearer_headers(api, "admin", ADMIN_PASSWORD)


async def sign_in_a_viewer(app: FastAPI, api: httpx.AsyncClient) -> dict[str, str]:
    await add_user(app.state.pool, "viewer", VIEWER_PASSWORD, "viewer")
    return await bearer_headers(api, "viewer", VIEWER_PASSWORD)


@pytest_asyncio.fixture
async def viewer_headers(api: httpx.AsyncClient, app: FastAPI) -> dict[str, str]:
    return await sign_in_a_viewer(app, api)


@asynccontextmanager
async def synced_api_of_its_own(
    postgres_url: str, template_database: str, demo_upstream: DemoUpstream, label: str
) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient, dict[str, str]]]:
    """A database of its own, synced once, the API over it, and a signed-in viewer's headers:
    for a module whose tests only read."""
    name = f"{label}_{uuid.uuid4().hex[:12]}"
    await create_database(postgres_url, name, template=template_database)
    demo_upstream.reset_faults()
    async with running_api(settings_for(with_database(postgres_url, name), demo_upstream)) as (
        app,
        api,
    ):
        admin = await bearer_headers(api, "admin", ADMIN_PASSWORD)
        assert (await api.post("/sync", headers=admin)).json()["status"] in ("succeeded", "skipped")
        yield app, api, await sign_in_a_viewer(app, api)
    await drop_database(postgres_url, name)
