"""The upstream token, the JWT secret and the admin password never leave the process."""

import logging

import httpx

from backend.main import create_app
from tests.backend.conftest import ADMIN_PASSWORD, settings_for


async def test_no_secret_appears_in_any_response_or_log_line(
    migrated_database_url, upstream, caplog
):
    caplog.set_level(logging.DEBUG)
    settings = settings_for(migrated_database_url, upstream, poll_interval_seconds=0)
    app = create_app(settings)

    texts = []
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as api:
            token = await api.post("/token", data={"username": "admin", "password": ADMIN_PASSWORD})
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            for faults in ({}, {"unauthorized": True}, {"fail_pages": [2]}, {"invalid_share": 0.5}):
                upstream.set_faults(**faults)
                texts.append((await api.post("/sync", headers=headers)).text)
            upstream.reset_faults()
            for path in (
                "/sync/runs",
                "/sync/runs/1",
                "/sync/runs/4/rejected",
                "/ready",
                "/leave_info",
                "/openapi.json",
                "/insert_leave_info",
            ):
                texts.append((await api.get(path, headers=headers)).text)
            texts.append(
                (await api.post("/token", data={"username": "admin", "password": "x"})).text
            )

    everything = "\n".join(texts + [record.getMessage() for record in caplog.records])
    assert len(texts) == 12 and caplog.records
    for secret in (settings.vyaguta_bearer_token, settings.jwt_secret, settings.admin_password):
        assert secret.get_secret_value() not in everything
