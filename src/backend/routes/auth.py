"""POST /token: the OAuth2 password flow."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.security import OAuth2PasswordRequestForm

from backend.auth.tokens import issue_access_token
from backend.dependencies import CHALLENGE, PoolDep, SettingsDep
from backend.errors import ApiError
from backend.rate_limit import LoginAttemptDep
from backend.schemas import AccessToken, ErrorBody
from backend.services.users import authenticate

router = APIRouter(tags=["auth"])


@router.post(
    "/token",
    response_model=AccessToken,
    responses={
        401: {"model": ErrorBody},
        429: {"model": ErrorBody, "description": "too many failed sign-ins; see Retry-After"},
    },
    summary="Exchange a username and password for a bearer token",
)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    attempt: LoginAttemptDep,
    pool: PoolDep,
    settings: SettingsDep,
    response: Response,
) -> AccessToken:
    principal = await authenticate(pool, form.username, form.password)
    if principal is None:
        raise ApiError(401, "bad_credentials", "wrong username or password", headers=CHALLENGE)
    attempt.succeeded()
    response.headers["Cache-Control"] = "no-store"  # RFC 6749 5.1: a token is never cached
    return AccessToken(
        access_token=issue_access_token(
            principal, settings.jwt_secret.get_secret_value(), settings.access_token_minutes
        )
    )
