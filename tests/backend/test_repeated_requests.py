"""A KPI request asked before is answered from the cache, and only as the route would answer."""

import itertools
import uuid

import pytest
import pytest_asyncio

from backend.routes import kpi
from backend.services import answer_cache
from db.dsn import with_database
from tests.backend.conftest import (
    ADMIN_PASSWORD,
    bearer_headers,
    running_api,
    settings_for,
    sign_in_a_viewer,
)
from tests.conftest import create_database, drop_database

PATH = "/kpi/leave-days/by-department"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def synced_app_and_api(postgres_url, template_database, demo_upstream):
    name = f"repeated_{uuid.uuid4().hex[:12]}"
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


@pytest.fixture
def app(synced_app_and_api):
    return synced_app_and_api[0]


@pytest.fixture
def api(synced_app_and_api):
    return synced_app_and_api[1]


@pytest.fixture
def viewer(synced_app_and_api):
    return synced_app_and_api[2]


@pytest.fixture
def route_calls(monkeypatch) -> list[str]:
    """The KPI requests that reached the route."""
    calls: list[str] = []
    answer = kpi.kpi_answer

    async def counted(name, *arguments):
        calls.append(name)
        return await answer(name, *arguments)

    monkeypatch.setattr(kpi, "kpi_answer", counted)
    return calls


LIMITS = itertools.count(1)


def fresh_query() -> dict[str, str]:
    """A question no other test asked: a page size of its own keeps it apart."""
    return {"limit": str(next(LIMITS))}


async def test_a_repeated_request_gets_the_same_answer_without_reaching_the_route(
    api, viewer, route_calls
):
    query = fresh_query()
    first = await api.get("/kpi/top-employees", headers=viewer, params=query)
    again = await api.get("/kpi/top-employees", headers=viewer, params=query)

    assert again.status_code == first.status_code == 200
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert route_calls == ["top_employees"]


async def test_a_repeat_without_a_token_is_refused(api, viewer):
    await api.get(PATH, headers=viewer)

    assert (await api.get(PATH)).status_code == 401


async def test_a_repeat_with_a_forged_token_is_refused(api, viewer):
    await api.get(PATH, headers=viewer)

    forged = {"Authorization": viewer["Authorization"][:-4] + "AAAA"}
    assert (await api.get(PATH, headers=forged)).status_code == 401


async def test_a_repeat_asking_for_csv_in_its_accept_header_gets_csv(api, viewer):
    await api.get(PATH, headers=viewer)

    answer = await api.get(PATH, headers={**viewer, "Accept": "text/csv"})

    assert answer.headers["content-type"].startswith("text/csv")


async def test_a_repeat_after_a_succeeded_run_is_not_answered_from_the_older_data(
    api, app, viewer, route_calls, monkeypatch
):
    monkeypatch.setattr(answer_cache, "VERSION_SECONDS", 0)
    query = fresh_query()
    await api.get("/kpi/top-employees", headers=viewer, params=query)

    await app.state.pool.execute(
        "INSERT INTO ops.sync_runs (trigger, status, finished_at) VALUES ('manual', $1, now())",
        "succeeded",
    )
    await api.get("/kpi/top-employees", headers=viewer, params=query)

    assert route_calls == ["top_employees", "top_employees"]
