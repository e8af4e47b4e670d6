"""Bad input at every door answers 4xx with a message naming what was wrong, never 5xx.

Cases already covered under tests/backend/routes are not repeated here.
"""

import pytest
import pytest_asyncio

from backend.services.users import add_user
from db.pool import create_pool
from tests.backend.conftest import bearer_headers, running_api
from tests.operations.credentials import ADMIN_PASSWORD
from tests.operations.in_process import in_process_settings

VIEWER_PASSWORD = "bad-input-viewer-password"
BIGGER_THAN_A_BIGINT = "99999999999999999999"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def with_a_viewer(scenario_database_url: str) -> None:
    pool = await create_pool(scenario_database_url, max_size=1)
    try:
        await add_user(pool, "viewer", VIEWER_PASSWORD, "viewer")
    finally:
        await pool.close()


@pytest_asyncio.fixture
async def viewer(api, with_a_viewer) -> dict[str, str]:
    return await bearer_headers(api, "viewer", VIEWER_PASSWORD)


@pytest_asyncio.fixture
async def admin(api) -> dict[str, str]:
    return await bearer_headers(api, "admin", ADMIN_PASSWORD)


def refused_naming(answer, field: str) -> bool:
    error = answer.json()["error"]
    return answer.status_code == 422 and any(
        problem["field"].startswith(field) for problem in error["details"]
    )


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/kpi/top-employees?limit=0", "query.limit"),
        ("/kpi/top-employees?limit=-1", "query.limit"),
        ("/kpi/top-employees?offset=-1", "query.offset"),
        ("/employees?limit=-5", "query.limit"),
        ("/employees?offset=-1", "query.offset"),
        ("/employees/1/leaves?limit=100000", "query.limit"),
        ("/employees/0", "path.employee_id"),
        (f"/employees/{BIGGER_THAN_A_BIGINT}", "path.employee_id"),
        (f"/employees/1/leaves?fiscal_year={BIGGER_THAN_A_BIGINT}", "query.fiscal_year"),
        ("/employees?department=", "query.department"),
        ("/employees?search=%00", "query.search"),
        ("/employees?departmnt=Engineering", "query.departmnt"),
        ("/kpi/summary?date_to=0", "query.date_to"),
        ("/kpi/summary?date_from=2025-13-01", "query.date_from"),
        ("/kpi/daily-availability?as_of=tomorrow", "query.as_of"),
        ("/kpi/summary?format=xml", "query.format"),
    ],
)
async def test_a_bad_query_value_for_a_viewer_is_a_422_naming_it(api, viewer, path, field):
    assert refused_naming(await api.get(path, headers=viewer), field)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/sync/runs?limit=0", "query.limit"),
        ("/sync/runs?offset=-1", "query.offset"),
        ("/sync/runs?status=exploded", "query.status"),
        ("/sync/runs/abc", "path.run_id"),
        ("/sync/runs/1/rejected?limit=1001", "query.limit"),
    ],
)
async def test_a_bad_query_value_for_an_admin_is_a_422_naming_it(api, admin, path, field):
    assert refused_naming(await api.get(path, headers=admin), field)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("size=10001", "query.size"),
        ("page=0", "query.page"),
        ("startDate=20250101", "query.startDate"),
    ],
)
async def test_a_bad_leave_info_query_is_a_422_naming_it(api, query, field):
    answer = await api.get(f"/leave_info?{query}", headers={"Authorization": "Bearer anything"})

    assert refused_naming(answer, field)


async def test_a_caller_token_with_bytes_no_bearer_token_has_is_a_401(scenario_database_url):
    upstream = "http://127.0.0.1:9/api/leave/leaves"  # never reached: the token is refused first
    settings = in_process_settings(scenario_database_url, vyaguta_api_url=upstream)
    async with running_api(settings) as (_, http):
        answer = await http.get("/leave_info", headers=[(b"Authorization", b"Bearer caf\xe9")])

    assert answer.status_code == 401


async def test_bytes_that_are_not_utf8_in_a_query_are_refused_with_4xx(api, viewer):
    answer = await api.get("/kpi/leave-days/by-department?department=%FF%FE", headers=viewer)

    assert answer.status_code == 422


async def test_bytes_that_are_not_utf8_in_the_sign_in_form_are_refused_with_4xx(api):
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    answer = await api.post("/token", content=b"username=%FF%FE&password=x", headers=form)

    assert 400 <= answer.status_code < 500


async def test_an_upload_streamed_past_the_limit_without_a_length_is_refused_with_413(api, admin):
    async def endless_file():
        boundary = b"--x\r\nContent-Disposition: form-data; name=file; filename=a.json\r\n\r\n["
        yield boundary
        for _ in range(30 * 1024):
            yield b" " * 1024

    headers = admin | {"Content-Type": "multipart/form-data; boundary=x"}
    answer = await api.post("/leaves/upload", content=endless_file(), headers=headers)

    assert answer.status_code == 413
    assert "UPLOAD_MAX_BYTES" in answer.json()["error"]["message"]


async def test_a_method_a_path_does_not_take_is_a_405_listing_every_method_it_does(api, admin):
    answer = await api.request("DELETE", "/admin/backups", headers=admin)

    assert answer.status_code == 405
    assert answer.headers["Allow"] == "GET, POST"
