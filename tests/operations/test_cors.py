"""CORS is off unless CORS_ORIGINS names the origins allowed to call the API from a browser."""

from tests.backend.conftest import running_api
from tests.operations.in_process import in_process_settings

ALLOWED = "https://hr.example.com"
OTHER = "https://elsewhere.example.org"


def preflight(http, origin: str):
    headers = {"Origin": origin, "Access-Control-Request-Method": "GET"}
    return http.options("/kpi/summary", headers=headers)


async def test_without_cors_origins_a_preflight_is_not_allowed(api):
    answer = await preflight(api, ALLOWED)

    assert "access-control-allow-origin" not in answer.headers


async def test_without_cors_origins_an_answer_names_no_allowed_origin(api):
    answer = await api.get("/", headers={"Origin": ALLOWED})

    assert "access-control-allow-origin" not in answer.headers


async def test_a_configured_origin_passes_the_preflight(scenario_database_url):
    settings = in_process_settings(scenario_database_url, cors_origins=(ALLOWED,))
    async with running_api(settings) as (_, http):
        answer = await preflight(http, ALLOWED)

    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == ALLOWED


async def test_another_origin_is_refused_when_some_are_configured(scenario_database_url):
    settings = in_process_settings(scenario_database_url, cors_origins=(ALLOWED,))
    async with running_api(settings) as (_, http):
        answer = await preflight(http, OTHER)

    assert "access-control-allow-origin" not in answer.headers


def test_cors_origins_are_read_as_a_comma_separated_list(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", f"{ALLOWED}/, {OTHER}")

    assert in_process_settings("postgresql:///unused").cors_origins == (ALLOWED, OTHER)
