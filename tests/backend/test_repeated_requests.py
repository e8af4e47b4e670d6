"""A KPI request asked before is answered from the cache, and only as the route would answer."""

import itertools

import pytest
import pytest_asyncio

from backend.routes import kpi
from backend.services import answer_cache
from tests.backend.conftest import synced_api_of_its_own

PATH = "/kpi/leave-days/by-department"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def synced_app_and_api(postgres_url, template_database, demo_upstream):
    async with synced_api_of_its_own(
        postgres_url, template_database, demo_upstream, "repeated"
    ) as synced:
        yield synced


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
    # Another process's run: seen when the version is read, served once switched in.
    await app.state.answer_cache.data_changed(app.state.pool)
    await api.get("/kpi/top-employees", headers=viewer, params=query)

    assert route_calls == ["top_employees", "top_employees"]
