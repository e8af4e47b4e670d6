"""Every answer carries the standard security headers, and the docs pages still work."""

import base64
import hashlib
from urllib.parse import urlsplit

import httpx
import pytest

from tests.backend.conftest import running_api
from tests.operations.in_process import in_process_settings
from tests.operations.page_loads import page_loads

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
ANSWERS = [
    ("GET", "/", 200),
    ("GET", "/ready", 200),
    ("GET", "/openapi.json", 200),
    ("GET", "/metrics", 200),
    ("GET", "/no-such-page", 404),
    ("GET", "/sync/runs", 401),
    ("POST", "/token", 422),
    ("GET", "/docs", 200),
]


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def allowed(source: str, url: str) -> bool:
    parts = urlsplit(url)
    if not parts.scheme:
        return source == "'self'"
    return source == f"{parts.scheme}://{parts.netloc}"


@pytest.mark.parametrize(("method", "path", "status"), ANSWERS)
async def test_every_answer_carries_the_common_headers(api, method, path, status):
    answer = await api.request(method, path)

    assert answer.status_code == status
    assert {name: answer.headers.get(name) for name in COMMON} == COMMON


@pytest.mark.parametrize(("method", "path", "status"), ANSWERS)
async def test_no_answer_may_be_framed(api, method, path, status):
    policy = directives((await api.request(method, path)).headers["content-security-policy"])

    assert policy["frame-ancestors"] == ["'none'"]


async def test_api_answers_may_load_nothing(api):
    policy = directives((await api.get("/ready")).headers["content-security-policy"])

    assert policy["default-src"] == ["'none'"]


async def test_an_unhandled_error_answers_500_with_the_headers_too(migrated_database_url):
    async def explode() -> None:
        raise RuntimeError("a bug")

    async with running_api(in_process_settings(migrated_database_url)) as (app, _):
        app.add_api_route("/explode", explode)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as http:
            answer = await http.get("/explode")

    assert answer.status_code == 500
    assert {name: answer.headers.get(name) for name in COMMON} == COMMON


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
async def test_the_docs_policy_allows_everything_the_docs_page_loads(api, path):
    answer = await api.get(path)
    policy = directives(answer.headers["content-security-policy"])
    loads = page_loads(answer.text).loads

    assert {directive for directive, _ in loads} >= {"script-src", "style-src", "img-src"}
    for directive, url in loads:
        assert any(allowed(source, url) for source in policy[directive]), (directive, url)


@pytest.mark.parametrize("path", ["/docs", "/docs/oauth2-redirect"])
async def test_the_docs_policy_allows_the_pages_inline_scripts_by_their_hashes_only(api, path):
    answer = await api.get(path)
    script_sources = directives(answer.headers["content-security-policy"])["script-src"]
    scripts = page_loads(answer.text).inline_scripts

    assert scripts
    assert "'unsafe-inline'" not in script_sources
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in script_sources
