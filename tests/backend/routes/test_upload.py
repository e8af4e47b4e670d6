import csv
import io

import orjson

from tests.backend.conftest import ADMIN_PASSWORD, bearer_headers, running_api, settings_for
from tests.records import leave_record

UPLOADED_IDS = (900_001, 900_002, 900_003)


def uploaded_records() -> list[dict]:
    return [leave_record(id=leave_id, userId=77) for leave_id in UPLOADED_IDS]


def as_csv(records: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]))
    writer.writeheader()
    for record in records:
        cells = {
            k: orjson.dumps(v).decode() if isinstance(v, list) else v for k, v in record.items()
        }
        writer.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in cells.items()})
    return out.getvalue().encode()


def csv_cell(value: object) -> object:
    if isinstance(value, list):
        return orjson.dumps(value).decode()
    return str(value).lower() if isinstance(value, bool) else value


def json_file(records) -> dict:
    return {"file": ("leaves.json", orjson.dumps(records), "application/json")}


async def test_a_json_upload_merges_valid_records_and_lists_the_rejected(api, admin_headers, app):
    records = [*uploaded_records(), leave_record(id=900_004, endDate="2024-08-01")]

    answer = await api.post("/leaves/upload", headers=admin_headers, files=json_file(records))

    body = answer.json()
    assert answer.status_code == 200, body
    assert (body["accepted"], body["rejected"], body["run"]["trigger"]) == (3, 1, "upload")
    assert body["first_rejected"] == [
        {"id": 900_004, "reason": "endDate 2024-08-01 is before startDate 2024-08-05"}
    ]
    sources = await app.state.pool.fetch("SELECT id, source FROM dbo.employee_leaves ORDER BY id")
    assert [tuple(row) for row in sources] == [(i, "upload") for i in UPLOADED_IDS]


async def test_a_csv_upload_lands_the_same_as_json(api, admin_headers, app):
    files = {"file": ("leaves.csv", as_csv(uploaded_records()), "text/csv")}

    answer = await api.post("/leaves/upload", headers=admin_headers, files=files)

    assert answer.status_code == 200, answer.json()
    assert answer.json()["accepted"] == 3
    stored = await app.state.pool.fetch(
        "SELECT leave_days, status, allocations FROM dbo.employee_leaves l"
        " JOIN dbo.employee_allocations a USING (employee_id)"
        " CROSS JOIN LATERAL (SELECT a.allocation_id AS allocations) x LIMIT 1"
    )
    assert [tuple(row) for row in stored] == [(1, "APPROVED", 501)]


async def test_uploaded_leaves_survive_a_later_upstream_snapshot(api, admin_headers, app):
    await api.post("/leaves/upload", headers=admin_headers, files=json_file(uploaded_records()))

    run = (await api.post("/sync", headers=admin_headers)).json()

    assert run["status"] == "succeeded"
    deleted = await app.state.pool.fetchval(
        "SELECT count(*) FROM dbo.employee_leaves WHERE id >= 900000 AND deleted_at IS NOT NULL"
    )
    assert deleted == 0


async def test_a_csv_with_unknown_or_missing_columns_is_a_422_naming_them(api, admin_headers):
    unknown = b"id,userId,favouriteColour\n1,2,blue\n"
    missing = b"id,userId\n1,2\n"

    first = await api.post(
        "/leaves/upload", headers=admin_headers, files={"file": ("a.csv", unknown, "text/csv")}
    )
    second = await api.post(
        "/leaves/upload", headers=admin_headers, files={"file": ("b.csv", missing, "text/csv")}
    )

    assert first.status_code == second.status_code == 422
    assert first.json()["error"]["message"] == "a.csv: unknown column(s): favouriteColour"
    assert second.json()["error"]["message"].startswith("b.csv: missing column(s): leaveTypeId")


async def test_bytes_that_are_not_utf8_are_a_422(api, admin_headers):
    files = {"file": ("latin1.csv", "id,userId\n1,Désirée\n".encode("latin-1"), "text/csv")}

    answer = await api.post("/leaves/upload", headers=admin_headers, files=files)

    assert answer.status_code == 422
    assert "not UTF-8 text" in answer.json()["error"]["message"]


async def test_json_that_is_not_an_array_is_a_422(api, admin_headers):
    files = {"file": ("x.json", b'{"id": 1}', "application/json")}

    answer = await api.post("/leaves/upload", headers=admin_headers, files=files)

    assert answer.status_code == 422
    assert "expected a JSON array" in answer.json()["error"]["message"]


async def test_a_file_over_the_size_limit_is_refused_with_413(migrated_database_url, upstream):
    settings = settings_for(migrated_database_url, upstream, upload_max_bytes=2048)
    async with running_api(settings) as (_, api):
        headers = await bearer_headers(api, "admin", ADMIN_PASSWORD)
        files = {"file": ("big.json", b"[" + b" " * 4096 + b"]", "application/json")}
        answer = await api.post("/leaves/upload", headers=headers, files=files)

    assert answer.status_code == 413
    assert answer.json()["error"]["status"] == 413


async def test_viewers_cannot_upload(api, viewer_headers):
    answer = await api.post(
        "/leaves/upload", headers=viewer_headers, files=json_file(uploaded_records())
    )

    assert answer.status_code == 403
