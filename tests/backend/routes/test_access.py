"""Every route against every kind of caller: anonymous, viewer, admin."""

import pytest

PUBLIC = [("GET", "/"), ("GET", "/health"), ("GET", "/ready")]
ADMIN_ONLY = [
    ("GET", "/insert_leave_info"),
    ("POST", "/sync"),
    ("GET", "/sync/runs"),
    ("GET", "/sync/runs/1"),
    ("GET", "/sync/runs/1/rejected"),
]


@pytest.mark.parametrize(("method", "path"), PUBLIC)
async def test_public_routes_answer_anyone(api, method, path):
    assert (await api.request(method, path)).status_code == 200


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY)
async def test_admin_routes_refuse_anonymous_callers_with_401(api, method, path):
    answer = await api.request(method, path)

    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["error"]["code"] == "not_authenticated"


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY)
async def test_admin_routes_refuse_viewers_with_403(api, viewer_headers, method, path):
    answer = await api.request(method, path, headers=viewer_headers)

    assert answer.status_code == 403
    assert answer.json()["error"]["message"] == "this needs the admin role"


@pytest.mark.parametrize(("method", "path"), ADMIN_ONLY)
async def test_admin_routes_serve_admins(api, admin_headers, method, path):
    answer = await api.request(method, path, headers=admin_headers)

    assert answer.status_code in (200, 404)
    if answer.status_code == 404:
        assert answer.json()["error"]["message"] == "no sync run 1"


async def test_a_garbage_token_is_refused_with_401(api):
    answer = await api.get("/sync/runs", headers={"Authorization": "Bearer not.a.jwt"})

    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_token"
