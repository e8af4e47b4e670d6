async def test_the_root_answers_like_the_earlier_service(api):
    assert (await api.get("/")).json() == {"success": True}


async def test_health_says_ok(api):
    assert (await api.get("/health")).json() == {"status": "ok"}


async def test_ready_reports_the_database_and_no_sync_yet(api):
    answer = await api.get("/ready")

    assert answer.json() == {"status": "ready", "database": "ok", "seconds_since_last_sync": None}


async def test_ready_tells_how_old_the_data_is_after_a_sync(api, admin_headers):
    await api.get("/insert_leave_info", headers=admin_headers)

    age = (await api.get("/ready")).json()["seconds_since_last_sync"]

    assert 0 <= age < 60


async def test_ready_is_503_when_the_database_is_gone(api, app):
    await app.state.pool.close()

    answer = await api.get("/ready")

    assert answer.status_code == 503
    assert answer.json()["database"] == "unreachable"


async def test_an_unknown_path_gets_the_common_error_shape(api):
    answer = await api.get("/no/such/thing")

    assert answer.status_code == 404
    assert answer.json() == {
        "error": {"status": 404, "code": "not_found", "message": "Not Found", "details": None}
    }
