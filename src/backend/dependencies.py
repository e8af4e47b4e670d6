"""What a route may ask for: the pool, the settings, the upstream client, the caller."""

from typing import Annotated

import asyncpg
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from starlette.datastructures import State

from backend.auth.tokens import InvalidToken, Principal, VerifiedToken, verify_token
from backend.errors import ApiError
from backend.ingest.upstream import VyagutaClient
from backend.services.sync_runner import SyncRunner
from backend.settings import Settings

bearer_token = OAuth2PasswordBearer(tokenUrl="token", auto_error=False)
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def get_settings_from_app(request: Request) -> Settings:
    return request.app.state.settings


def get_pool(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


def get_upstream(request: Request) -> VyagutaClient:
    client = request.app.state.upstream
    if client is None:
        raise ApiError(503, "upstream_not_configured", "VYAGUTA_API_URL is not set")
    return client


def get_runner(request: Request) -> SyncRunner:
    return request.app.state.sync_runner


def get_upstream_runner(
    request: Request, _: Annotated[VyagutaClient, Depends(get_upstream)]
) -> SyncRunner:
    return request.app.state.sync_runner


SettingsDep = Annotated[Settings, Depends(get_settings_from_app)]
PoolDep = Annotated[asyncpg.Pool, Depends(get_pool)]
RunnerDep = Annotated[SyncRunner, Depends(get_runner)]
UpstreamRunnerDep = Annotated[SyncRunner, Depends(get_upstream_runner)]


def verified_token(settings: Settings, token: str | None) -> VerifiedToken:
    """The bearer token, checked on its own: our signature, not expired."""
    if not token:
        raise ApiError(
            401,
            "not_authenticated",
            "sign in: POST /token, then send the bearer token",
            headers=CHALLENGE,
        )
    try:
        return verify_token(token, settings.jwt_secret.get_secret_value())
    except InvalidToken:
        raise ApiError(
            401, "invalid_token", "the access token is invalid or expired", headers=CHALLENGE
        ) from None


async def confirmed_principal(state: State, verified: VerifiedToken) -> Principal:
    """The token's principal, once its user is known to exist still with the token's role."""
    if not await state.accounts.still_valid(state.pool, verified.principal, verified.issued_at):
        raise ApiError(
            401,
            "account_changed",
            "the account was removed or its role changed since the token was issued: sign in again",
            headers=CHALLENGE,
        )
    return verified.principal


async def get_caller(
    request: Request, token: Annotated[str | None, Depends(bearer_token)]
) -> Principal:
    # On the event loop: the user check may wait for the list of users to be read again.
    state = request.app.state
    return await confirmed_principal(state, verified_token(state.settings, token))


def role_required(role: str):
    def check(caller: Annotated[Principal, Depends(get_caller)]) -> Principal:
        if not caller.may_act_as(role):
            raise ApiError(403, "forbidden", f"this needs the {role} role")
        return caller

    return check


Viewer = Annotated[Principal, Depends(role_required("viewer"))]
Admin = Annotated[Principal, Depends(role_required("admin"))]
