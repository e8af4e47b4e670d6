from datetime import UTC, datetime, timedelta

import jwt
import pytest

from backend.auth.tokens import (
    InvalidToken,
    Principal,
    issue_access_token,
    verify_token,
)

SECRET = "a-secret-of-at-least-thirty-two-characters"


def test_a_token_we_issued_names_the_user_and_role():
    token = issue_access_token(Principal("asha", "viewer"), SECRET, minutes=5)

    assert verify_token(token, SECRET).principal == Principal("asha", "viewer")


def test_a_verified_token_says_when_it_was_issued_and_until_when_it_is_valid():
    issued = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    claims = {"sub": "asha", "role": "viewer", "iat": issued, "exp": issued + timedelta(days=1)}
    token = jwt.encode(claims, SECRET, algorithm="HS256")

    verified = verify_token(token, SECRET)

    assert verified.principal == Principal("asha", "viewer")
    assert (verified.issued_at, verified.expires_at) == (
        issued.timestamp(),
        issued.timestamp() + 86400,
    )


def test_a_token_without_an_issue_time_counts_as_issued_long_ago():
    claims = {"sub": "asha", "role": "viewer", "exp": datetime.now(UTC) + timedelta(minutes=5)}

    assert verify_token(jwt.encode(claims, SECRET, algorithm="HS256"), SECRET).issued_at == 0


def test_a_token_signed_with_another_key_is_refused():
    token = issue_access_token(Principal("asha", "admin"), "another-key-another-key-another-key", 5)

    with pytest.raises(InvalidToken):
        verify_token(token, SECRET)


def test_an_expired_token_is_refused():
    claims = {"sub": "asha", "role": "admin", "exp": datetime.now(UTC) - timedelta(minutes=1)}

    with pytest.raises(InvalidToken):
        verify_token(jwt.encode(claims, SECRET, algorithm="HS256"), SECRET)


def test_a_token_whose_role_was_changed_is_refused():
    header, payload, signature = issue_access_token(Principal("asha", "viewer"), SECRET, 5).split(
        "."
    )
    forged_payload = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(payload).replace(b'"viewer"', b'"admin"')
    ).decode()

    with pytest.raises(InvalidToken):
        verify_token(f"{header}.{forged_payload}.{signature}", SECRET)


def test_an_unsigned_token_is_refused():
    token = jwt.encode({"sub": "asha", "role": "admin", "exp": 9999999999}, None, algorithm="none")

    with pytest.raises(InvalidToken):
        verify_token(token, SECRET)


def test_an_admin_may_act_as_viewer_but_not_the_other_way():
    assert Principal("a", "admin").may_act_as("viewer")
    assert not Principal("v", "viewer").may_act_as("admin")
