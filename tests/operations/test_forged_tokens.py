"""The API refuses bearer tokens it did not issue as they are: another key, expired, a changed
role, unsigned."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from backend.auth.tokens import Principal, issue_access_token
from tests.operations.credentials import JWT_SECRET

ADMIN_ROUTE = "/sync/runs"


def signed_with_another_key() -> str:
    return issue_access_token(Principal("admin", "admin"), "another-key-" + JWT_SECRET, 5)


def expired() -> str:
    claims = {"sub": "admin", "role": "admin", "exp": datetime.now(UTC) - timedelta(seconds=1)}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def with_its_role_changed() -> str:
    header, payload, signature = issue_access_token(
        Principal("viewer", "viewer"), JWT_SECRET, 5
    ).split(".")
    claims = jwt.utils.base64url_decode(payload).replace(b'"viewer"', b'"admin"')
    return f"{header}.{jwt.utils.base64url_encode(claims).decode()}.{signature}"


def unsigned() -> str:
    claims = {"sub": "admin", "role": "admin", "exp": datetime.now(UTC) + timedelta(minutes=5)}
    return jwt.encode(claims, None, algorithm="none")


def with_an_unknown_role() -> str:
    claims = {"sub": "admin", "role": "root", "exp": datetime.now(UTC) + timedelta(minutes=5)}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


@pytest.mark.parametrize(
    "forge",
    [signed_with_another_key, expired, with_its_role_changed, unsigned, with_an_unknown_role],
)
async def test_a_forged_token_is_refused_with_401(api, forge):
    answer = await api.get(ADMIN_ROUTE, headers={"Authorization": f"Bearer {forge()}"})

    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_token"


async def test_a_token_the_api_issued_is_accepted(api):
    token = issue_access_token(Principal("admin", "admin"), JWT_SECRET, 5)

    assert (
        await api.get(ADMIN_ROUTE, headers={"Authorization": f"Bearer {token}"})
    ).status_code == 200
