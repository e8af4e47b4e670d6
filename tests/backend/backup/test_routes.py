"""The admin endpoints: /admin/backups, POST /admin/backups, POST /admin/backups/{name}/restore."""

from collections.abc import AsyncIterator

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from backend.backup.tables import TABLES
from tests.backend.backup.conftest import OTHER_RECORDS, RECORDS, load
from tests.backend.conftest import running_api, settings_for
from tests.database_state import dbo_contents


@pytest.fixture
def backup_root(tmp_path):
    return tmp_path / "backups"


@pytest.fixture
def settings(migrated_database_url, upstream, backup_root):
    return settings_for(migrated_database_url, upstream, backup_dir=backup_root)


@pytest_asyncio.fixture
async def app_and_api(settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The app serving a loaded database, its backups kept under backup_root."""
    async with running_api(settings) as (application, http):
        async with application.state.pool.acquire() as connection:
            await load(connection, RECORDS)
        yield application, http


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/admin/backups"), ("POST", "/admin/backups"), ("POST", "/admin/backups/x/restore")],
)
async def test_every_endpoint_needs_a_signed_in_admin(api, viewer_headers, method, path):
    anonymous = await api.request(method, path)
    viewer = await api.request(method, path, headers=viewer_headers)

    assert (anonymous.status_code, viewer.status_code) == (401, 403)
    assert viewer.json()["error"]["code"] == "forbidden"


async def test_a_created_backup_answers_its_manifest_and_is_listed(api, admin_headers, app):
    created = await api.post(
        "/admin/backups", json={"name": "before-upgrade"}, headers=admin_headers
    )
    listed = await api.get("/admin/backups", headers=admin_headers)

    leaves = await app.state.pool.fetchval("SELECT count(*) FROM dbo.employee_leaves")
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "before-upgrade"
    assert [entry["table"] for entry in created.json()["tables"]] == list(TABLES)
    assert created.json()["tables"][-1]["rows"] == leaves
    assert listed.json() == [created.json()]


async def test_a_restore_brings_back_the_rows_of_the_backup(api, admin_headers, app, backup_root):
    await api.post("/admin/backups", json={"name": "nightly"}, headers=admin_headers)
    backed_up = await dbo_contents(app.state.pool)
    async with app.state.pool.acquire() as connection:
        await load(connection, OTHER_RECORDS)

    restored = await api.post("/admin/backups/nightly/restore", headers=admin_headers)

    assert restored.status_code == 200, restored.text
    assert [(entry["table"], entry["rows"]) for entry in restored.json()["tables"]] == [
        (table, len(rows)) for table, rows in backed_up.items()
    ]
    assert await dbo_contents(app.state.pool) == backed_up


async def test_a_name_already_taken_is_a_conflict(api, admin_headers):
    await api.post("/admin/backups", json={"name": "nightly"}, headers=admin_headers)

    again = await api.post("/admin/backups", json={"name": "nightly"}, headers=admin_headers)

    assert again.status_code == 409
    assert again.json()["error"]["message"] == "a backup named 'nightly' exists"


async def test_restoring_an_unknown_backup_is_not_found(api, admin_headers):
    answer = await api.post("/admin/backups/nothing-here/restore", headers=admin_headers)

    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == "no backup named 'nothing-here'"


async def test_a_damaged_backup_is_refused_as_invalid(api, admin_headers, backup_root):
    await api.post("/admin/backups", json={"name": "nightly"}, headers=admin_headers)
    (backup_root / "nightly" / "employees.avro").write_bytes(b"garbage")

    answer = await api.post("/admin/backups/nightly/restore", headers=admin_headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "backup_invalid"


@pytest.mark.parametrize("name", ["..", "../outside", ".hidden", "a/b", "/etc"])
async def test_a_backup_name_that_leaves_the_folder_is_refused(
    api, admin_headers, backup_root, name
):
    answer = await api.post("/admin/backups", json={"name": name}, headers=admin_headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.name"
    assert not backup_root.exists()


@pytest.mark.parametrize("name", ["%2E%2E", ".hidden", "-rf"])
async def test_a_restore_name_that_is_no_plain_folder_name_is_refused(api, admin_headers, name):
    answer = await api.post(f"/admin/backups/{name}/restore", headers=admin_headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "path.name"


@pytest.mark.parametrize("name", ["%2E%2E%2Foutside", "a%2F..%2F..%2Foutside"])
async def test_a_restore_name_with_a_separator_matches_no_route(api, admin_headers, name):
    answer = await api.post(f"/admin/backups/{name}/restore", headers=admin_headers)

    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == "Not Found"


async def test_the_list_leaves_out_folders_without_a_finished_backup(
    api, admin_headers, backup_root
):
    (backup_root / "half-done").mkdir(parents=True)
    (backup_root / "broken").mkdir()
    (backup_root / "broken" / "manifest.json").write_text("{}")

    listed = await api.get("/admin/backups", headers=admin_headers)

    assert listed.json() == []


async def test_a_refused_backup_answers_why_and_leaves_no_folder(
    api, admin_headers, app, backup_root
):
    await app.state.pool.execute("ALTER TABLE dbo.departments ADD COLUMN extra jsonb")

    answer = await api.post("/admin/backups", json={"name": "nightly"}, headers=admin_headers)

    assert answer.status_code == 409
    assert answer.json()["error"] == {
        "status": 409,
        "code": "backup_refused",
        "message": "dbo.departments.extra is of type jsonb, which backups cannot hold yet",
        "details": None,
    }
    assert list(backup_root.iterdir()) == []
