"""The API, run with the deployed uvicorn flags, does not say what server (or version) it is."""

import httpx

from tests.operations.api_process import api_process
from tests.operations.credentials import ADMIN_PASSWORD, JWT_SECRET


def test_no_answer_names_the_server_software(scenario_database_url, tmp_path):
    environment = {
        "DATABASE_URL": scenario_database_url,
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
        "JWT_SECRET": JWT_SECRET,
        "POLL_INTERVAL_SECONDS": "0",
        "APP_ENV": "test",
    }
    with api_process(environment, tmp_path / "api.log") as api:
        answers = [httpx.get(f"{api.base_url}{path}") for path in ("/", "/no-such-page", "/docs")]

    assert [answer.headers.get("server") for answer in answers] == [None, None, None]
