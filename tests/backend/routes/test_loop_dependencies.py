"""The async dependencies of the KPI routes: the same checks as the app's own."""

import pytest
from pydantic import SecretStr

from backend.auth.tokens import Principal, issue_access_token
from backend.errors import ApiError
from backend.routes import loop_dependencies
from backend.routes.loop_dependencies import CheckedTokens
from backend.settings import Settings

SECRET = "a-test-secret-that-is-long-enough-0123456789"


@pytest.fixture
def settings() -> Settings:
    return Settings(_env_file=None, jwt_secret=SecretStr(SECRET))  # type: ignore[call-arg]


def test_a_checked_token_is_answered_from_memory_until_it_expires(settings, monkeypatch):
    tokens = CheckedTokens()
    token = issue_access_token(Principal("ana", "viewer"), SECRET, minutes=5)
    assert tokens.verified(settings, token).principal == Principal("ana", "viewer")

    verified = []
    monkeypatch.setattr(loop_dependencies, "verified_token", lambda *args: verified.append(args))
    assert tokens.verified(settings, token).principal == Principal("ana", "viewer")
    assert verified == []


def test_an_expired_token_is_refused_even_when_it_was_checked_before(settings, monkeypatch):
    tokens = CheckedTokens()
    token = issue_access_token(Principal("ana", "viewer"), SECRET, minutes=5)
    expiry = tokens.verified(settings, token).expires_at

    monkeypatch.setattr(loop_dependencies.time, "time", lambda: expiry + 1)
    monkeypatch.setattr(
        loop_dependencies,
        "verified_token",
        lambda *args: (_ for _ in ()).throw(ApiError(401, "invalid_token", "expired")),
    )
    with pytest.raises(ApiError):
        tokens.verified(settings, token)


def test_a_token_signed_with_another_secret_is_not_taken_from_memory(settings):
    tokens = CheckedTokens()
    token = issue_access_token(Principal("ana", "viewer"), SECRET, minutes=5)
    tokens.verified(settings, token)
    other = settings.model_copy(update={"jwt_secret": SecretStr("another-secret-" + "x" * 40)})

    with pytest.raises(ApiError):
        tokens.verified(other, token)
