"""POST /token: the OAuth2 password flow."""

import logging
import time
from typing import Annotated

import asyncpg
from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import OAuth2PasswordRequestForm

from backend.auth.tokens import issue_access_token
from backend.dependencies import CHALLENGE, PoolDep, SettingsDep
from backend.errors import ApiError
from backend.rate_limit import LoginAttemptDep
from backend.schemas import AccessToken, ErrorBody
from backend.services.users import authenticate

logger = logging.getLogger(__name__)

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
    request: Request,
    response: Response,
) -> AccessToken:
    principal = await authenticate(pool, form.username, form.password)
    if principal is None:
        raise ApiError(401, "bad_credentials", "wrong username or password", headers=CHALLENGE)
    attempt.succeeded()
    await read_users_again(request, pool)
    response.headers["Cache-Control"] = "no-store"  # RFC 6749 5.1: a token is never cached
    return AccessToken(
        access_token=issue_access_token(
            principal, settings.jwt_secret.get_secret_value(), settings.access_token_minutes
        )
    )


async def read_users_again(request: Request, pool: asyncpg.Pool) -> None:
    """A user added since this process last read the users (maybe by another replica, or the
    CLI) can use the token at once. The token is good either way: without this, its first use
    reads them instead, so a failure here does not fail the sign-in."""
    try:
        await request.app.state.accounts.read_after(time.time(), pool)
    except Exception:
        logger.warning("the API users could not be read again after a sign-in", exc_info=True)
