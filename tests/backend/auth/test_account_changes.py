"""A token whose user was removed, or added again with another role, is refused (401) within a
few seconds in every API process, on the admin routes, the KPI routes and repeated KPI requests
alike; a user added while the API runs can use their token at once."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
import pytest_asyncio
from fastapi import FastAPI

from backend.repositories import users as users_repository
from backend.routes import kpi
from backend.services.users import add_user
from backend.settings import Settings
from tests.backend.conftest import bearer_headers, running_api, settings_for
from tests.backend.test_users_cli import users_command
from tests.waiting import eventually

PASSWORD = "a-long-enough-password"
ADMIN_ROUTE = "/sync/runs"
KPI_ROUTE = "/kpi/summary"
# Reads the users so often that a test waiting for the next read does not wait long.
FREQUENT_READS = 0.1
# No periodic read during a test: what it sees is decided by the reads a sign-in or a token
# asks for.
NO_PERIODIC_READ = 3600


@pytest.fixture
def settings(migrated_database_url, upstream) -> Settings:
    return settings_for(migrated_database_url, upstream, users_reload_seconds=FREQUENT_READS)


@pytest_asyncio.fixture
async def app_and_api(settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    async with running_api(settings) as running:
        yield running


def without_periodic_reads(settings: Settings) -> Settings:
    return settings.model_copy(update={"users_reload_seconds": NO_PERIODIC_READ})


@pytest.fixture
def app(app_and_api) -> FastAPI:
    return app_and_api[0]


@pytest.fixture
def api(app_and_api) -> httpx.AsyncClient:
    return app_and_api[1]


@pytest.fixture
def route_calls(monkeypatch) -> list[str]:
    """The KPI requests that reached the route (the others were answered ahead of routing)."""
    calls: list[str] = []
    answer = kpi.kpi_answer

    async def counted(name, *arguments):
        calls.append(name)
        return await answer(name, *arguments)

    monkeypatch.setattr(kpi, "kpi_answer", counted)
    return calls


async def signed_in(app: FastAPI, api: httpx.AsyncClient, name: str, role: str) -> dict[str, str]:
    await add_user(app.state.pool, name, PASSWORD, role)
    return await bearer_headers(api, name, PASSWORD)


def signed_long_ago(settings: Settings, name: str, role: str) -> dict[str, str]:
    """A token the API could have issued ten minutes ago, still valid for five."""
    now = datetime.now(UTC)
    claims = {
        "sub": name,
        "role": role,
        "iat": now - timedelta(minutes=10),
        "exp": now + timedelta(minutes=5),
    }
    token = jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm="HS256")
    return {"Authorization": f"Bearer {token}"}


def refused_as_changed(answer: httpx.Response) -> bool:
    error = answer.json()["error"]
    return (
        answer.status_code == 401
        and answer.headers["www-authenticate"] == "Bearer"
        and error["code"] == "account_changed"
        and "sign in again" in error["message"]
    )


async def refused_soon(api: httpx.AsyncClient, path: str, headers: dict[str, str]) -> None:
    """Waits for the API to refuse the token (it reads the users every FREQUENT_READS), then
    checks how it refuses it."""

    async def refused() -> bool:
        return (await api.get(path, headers=headers)).status_code == 401

    await eventually(refused, within=10)
    assert refused_as_changed(await api.get(path, headers=headers))


async def test_a_removed_users_token_is_refused_on_every_route(app, api):
    admin = await signed_in(app, api, "hr.admin", "admin")
    viewer = await signed_in(app, api, "hr.viewer", "viewer")
    assert (await api.get(ADMIN_ROUTE, headers=admin)).status_code == 200
    assert (await api.get(KPI_ROUTE, headers=viewer)).status_code == 200

    await users_repository.delete_user(app.state.pool, "hr.admin")
    await users_repository.delete_user(app.state.pool, "hr.viewer")

    await refused_soon(api, ADMIN_ROUTE, admin)
    await refused_soon(api, KPI_ROUTE, viewer)


async def test_a_removed_users_token_issued_long_before_is_refused_too(app, api, settings):
    # Signed in (ten minutes ago, say), which read the users; the token is checked from memory.
    await signed_in(app, api, "hr.viewer", "viewer")
    viewer = signed_long_ago(settings, "hr.viewer", "viewer")
    assert (await api.get(KPI_ROUTE, headers=viewer)).status_code == 200

    await users_repository.delete_user(app.state.pool, "hr.viewer")

    await refused_soon(api, KPI_ROUTE, viewer)


async def test_a_user_added_again_with_another_role_has_their_old_token_refused(app, api):
    as_admin = await signed_in(app, api, "ana", "admin")
    assert (await api.get(ADMIN_ROUTE, headers=as_admin)).status_code == 200

    await users_repository.delete_user(app.state.pool, "ana")
    as_viewer = await signed_in(app, api, "ana", "viewer")

    assert refused_as_changed(await api.get(ADMIN_ROUTE, headers=as_admin))
    assert refused_as_changed(await api.get(KPI_ROUTE, headers=as_admin))
    assert (await api.get(KPI_ROUTE, headers=as_viewer)).status_code == 200
    assert (await api.get(ADMIN_ROUTE, headers=as_viewer)).status_code == 403


async def test_a_valid_users_token_keeps_working_across_reads_of_the_users(app, api):
    viewer = await signed_in(app, api, "hr.viewer", "viewer")
    admin = await signed_in(app, api, "hr.admin", "admin")
    leaver = await signed_in(app, api, "leaver", "viewer")
    await users_repository.delete_user(app.state.pool, "leaver")

    await refused_soon(api, KPI_ROUTE, leaver)

    assert (await api.get(KPI_ROUTE, headers=viewer)).status_code == 200
    assert (await api.get(KPI_ROUTE, headers=admin)).status_code == 200
    assert (await api.get(ADMIN_ROUTE, headers=admin)).status_code == 200


async def test_a_repeated_kpi_request_with_a_removed_users_token_is_refused(
    app, api, route_calls, migrated_database_url
):
    viewer = await signed_in(app, api, "hr.viewer", "viewer")
    other = await signed_in(app, api, "hr.other", "viewer")
    assert (await api.get(KPI_ROUTE, headers=viewer)).status_code == 200
    assert (await api.get(KPI_ROUTE, headers=other)).status_code == 200
    assert route_calls == ["summary"]  # the repeat was answered from the cache

    removed = users_command(migrated_database_url, "remove", "hr.viewer")
    assert removed.returncode == 0, removed.stderr

    await refused_soon(api, KPI_ROUTE, viewer)
    assert (await api.get(KPI_ROUTE, headers=other)).status_code == 200
    assert route_calls == ["summary"]  # `other` is still answered ahead of routing


async def test_a_user_added_by_the_cli_while_the_api_runs_can_use_their_token_at_once(
    api, migrated_database_url
):
    added = users_command(
        migrated_database_url, "add", "new.hire", "--password-stdin", stdin=f"{PASSWORD}\n"
    )
    assert added.returncode == 0, added.stderr

    viewer = await bearer_headers(api, "new.hire", PASSWORD)

    assert (await api.get(KPI_ROUTE, headers=viewer)).status_code == 200


async def test_another_replica_sees_a_user_added_and_removed_through_the_first(settings):
    quiet = without_periodic_reads(settings)
    async with running_api(quiet) as (app, api), running_api(quiet) as (_, other_replica):
        await add_user(app.state.pool, "new.hire", PASSWORD, "viewer")
        # Signed in at one replica, used at once at the other, which has not read it yet.
        viewer = await bearer_headers(api, "new.hire", PASSWORD)
        assert (await other_replica.get(KPI_ROUTE, headers=viewer)).status_code == 200

        # Added again as an admin, signed in at the first: the second has the viewer in memory.
        await users_repository.delete_user(app.state.pool, "new.hire")
        admin = await signed_in(app, api, "new.hire", "admin")
        assert (await other_replica.get(ADMIN_ROUTE, headers=admin)).status_code == 200
        # Reading the users for the admin's token showed that the viewer is gone.
        assert refused_as_changed(await other_replica.get(KPI_ROUTE, headers=viewer))


async def test_tokens_of_unknown_users_do_not_make_the_api_read_the_users_each_time(
    settings, monkeypatch
):
    reads: list[None] = []
    roles = users_repository.roles

    async def counted(pool):
        reads.append(None)
        return await roles(pool)

    ghost = signed_long_ago(settings, "ghost", "admin")

    async with running_api(without_periodic_reads(settings)) as (_, api):
        monkeypatch.setattr(users_repository, "roles", counted)
        answers = [await api.get(ADMIN_ROUTE, headers=ghost) for _ in range(20)]

    assert all(refused_as_changed(answer) for answer in answers)
    # The list read at start postdates the token: nothing to read again for it.
    assert reads == []
