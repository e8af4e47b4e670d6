from tests.backend.conftest import ADMIN_PASSWORD


async def test_the_first_admin_gets_a_bearer_token(api):
    answer = await api.post("/token", data={"username": "admin", "password": ADMIN_PASSWORD})

    assert answer.status_code == 200
    assert answer.json()["token_type"] == "bearer"
    assert answer.json()["access_token"].count(".") == 2


async def test_a_wrong_password_gets_401_without_saying_which_part_was_wrong(api):
    wrong_password = await api.post("/token", data={"username": "admin", "password": "nope"})
    no_such_user = await api.post("/token", data={"username": "ghost", "password": "nope"})

    assert wrong_password.status_code == no_such_user.status_code == 401
    assert wrong_password.json() == no_such_user.json()


async def test_a_token_request_without_the_form_names_the_missing_fields(api):
    answer = await api.post("/token", data={})

    assert answer.status_code == 422
    assert {problem["field"] for problem in answer.json()["error"]["details"]} == {
        "body.username",
        "body.password",
    }
