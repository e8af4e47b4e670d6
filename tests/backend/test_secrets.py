"""The upstream token, the JWT secret and the admin password never leave the process."""

import logging

from tests.backend.conftest import ADMIN_PASSWORD, bearer_headers, running_api, settings_for

READ_PATHS = (
    "/sync/runs",
    "/sync/runs/1",
    "/sync/runs/4/rejected",
    "/ready",
    "/leave_info",
    "/openapi.json",
    "/insert_leave_info",
    "/kpi/summary",
    "/employees",
    "/metrics",
)
FAULTS = ({}, {"unauthorized": True}, {"fail_pages": [2]}, {"invalid_share": 0.5})


async def test_no_secret_appears_in_any_response_or_log_line(
    migrated_database_url, upstream, caplog
):
    caplog.set_level(logging.DEBUG)
    settings = settings_for(migrated_database_url, upstream)
    texts = []

    async with running_api(settings) as (_, api):
        headers = await bearer_headers(api, "admin", ADMIN_PASSWORD)
        for faults in FAULTS:
            upstream.set_faults(**faults)
            texts.append((await api.post("/sync", headers=headers)).text)
        upstream.reset_faults()
        for path in READ_PATHS:
            texts.append((await api.get(path, headers=headers)).text)
        wrong = {"username": "admin", "password": "x"}
        texts.append((await api.post("/token", data=wrong)).text)

    everything = "\n".join(texts + [record.getMessage() for record in caplog.records])
    assert len(texts) == len(FAULTS) + len(READ_PATHS) + 1 and caplog.records
    for secret in (settings.vyaguta_bearer_token, settings.jwt_secret, settings.admin_password):
        assert secret.get_secret_value() not in everything
