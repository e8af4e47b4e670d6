async def test_the_callers_own_token_is_forwarded_upstream(api, upstream):
    answer = await api.get(
        "/leave_info?size=5", headers={"Authorization": f"Bearer {upstream.token}"}
    )

    assert answer.status_code == 200
    assert len(answer.json()["data"]) == 5


async def test_page_and_size_are_passed_through(api, upstream):
    headers = {"Authorization": f"Bearer {upstream.token}"}

    first = (await api.get("/leave_info?page=1&size=3", headers=headers)).json()["data"]
    second = (await api.get("/leave_info?page=2&size=3", headers=headers)).json()["data"]

    assert [r["id"] for r in first] + [r["id"] for r in second] == sorted(
        r["id"] for r in first + second
    )
    assert len({r["id"] for r in first + second}) == 6


async def test_without_a_token_the_answer_is_401_and_the_server_token_is_never_used(api, upstream):
    answer = await api.get("/leave_info")

    assert answer.status_code == 401
    assert upstream.token not in answer.text


async def test_a_token_the_upstream_refuses_is_401(api):
    answer = await api.get("/leave_info", headers={"Authorization": "Bearer somebody-elses"})

    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "upstream_refused"


async def test_an_upstream_failure_is_502(api, upstream):
    upstream.set_faults(html_error=200)

    answer = await api.get("/leave_info", headers={"Authorization": f"Bearer {upstream.token}"})

    assert answer.status_code == 502
