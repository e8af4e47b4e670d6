import asyncio


async def test_insert_leave_info_runs_a_sync_and_answers_its_summary(api, admin_headers, upstream):
    answer = await api.get("/insert_leave_info", headers=admin_headers)

    run = answer.json()
    assert answer.status_code == 200
    assert (run["status"], run["trigger"]) == ("succeeded", "manual")
    assert run["inserted"] == upstream.stats()["records"]


async def test_a_failing_upstream_gives_502_with_the_reason_and_the_run_id(
    api, admin_headers, upstream
):
    upstream.set_faults(unauthorized=True)

    answer = await api.post("/sync", headers=admin_headers)

    error = answer.json()["error"]
    assert answer.status_code == 502
    assert error["message"] == "upstream 401: bad token"
    run = (await api.get(f"/sync/runs/{error['details']['run_id']}", headers=admin_headers)).json()
    assert (run["status"], run["error"]) == ("failed", "upstream 401: bad token")


async def test_two_concurrent_triggers_give_one_409_naming_the_running_run(
    api, admin_headers, upstream
):
    upstream.set_faults(latency_ms=150)

    answers = await asyncio.gather(
        api.post("/sync", headers=admin_headers),
        api.get("/insert_leave_info", headers=admin_headers),
    )

    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200, 409]
    done = next(answer for answer in answers if answer.status_code == 200).json()
    refused = next(answer for answer in answers if answer.status_code == 409).json()["error"]
    assert refused["details"]["run_id"] == done["id"]


async def test_runs_are_listed_newest_first_and_paginated(api, admin_headers, upstream):
    for _ in range(3):
        await api.post("/sync", headers=admin_headers)
        upstream.live_tick()

    first = (await api.get("/sync/runs?limit=2", headers=admin_headers)).json()
    second = (await api.get("/sync/runs?limit=2&offset=2", headers=admin_headers)).json()

    ids = [run["id"] for run in first["items"] + second["items"]]
    assert first["total"] == second["total"] == 3
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 3


async def test_runs_can_be_filtered_by_status(api, admin_headers, upstream):
    await api.post("/sync", headers=admin_headers)
    upstream.set_faults(unauthorized=True)
    await api.post("/sync", headers=admin_headers)

    failed = (await api.get("/sync/runs?status=failed", headers=admin_headers)).json()

    assert [run["status"] for run in failed["items"]] == ["failed"]


async def test_rejected_records_of_a_run_come_with_their_reasons(api, admin_headers, upstream):
    upstream.set_faults(invalid_share=0.03)
    run = (await api.post("/sync", headers=admin_headers)).json()

    page = (
        await api.get(f"/sync/runs/{run['id']}/rejected?limit=1000", headers=admin_headers)
    ).json()

    assert page["total"] == run["rejected"] == len(page["items"]) > 0
    assert all(item["reason"] and item["sync_run_id"] == run["id"] for item in page["items"])


async def test_a_limit_over_1000_is_a_422_naming_the_field(api, admin_headers):
    answer = await api.get("/sync/runs?limit=5000", headers=admin_headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "query.limit"


async def test_a_misspelt_query_parameter_is_a_422_naming_it(api, admin_headers):
    answer = await api.get("/sync/runs?limt=5", headers=admin_headers)

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "query.limt"
