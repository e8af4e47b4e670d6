"""What a route may ask for: the pool, the settings, the upstream client, the caller."""

from typing import Annotated

import asyncpg
from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from backend.auth.tokens import InvalidToken, Principal, principal_from_token
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


def get_caller(
    settings: SettingsDep, token: Annotated[str | None, Depends(bearer_token)]
) -> Principal:
    if not token:
        raise ApiError(
            401,
            "not_authenticated",
            "sign in: POST /token, then send the bearer token",
            headers=CHALLENGE,
        )
    try:
        return principal_from_token(token, settings.jwt_secret.get_secret_value())
    except InvalidToken:
        raise ApiError(
            401, "invalid_token", "the access token is invalid or expired", headers=CHALLENGE
        ) from None


def role_required(role: str):
    def check(caller: Annotated[Principal, Depends(get_caller)]) -> Principal:
        if not caller.may_act_as(role):
            raise ApiError(403, "forbidden", f"this needs the {role} role")
        return caller

    return check


Viewer = Annotated[Principal, Depends(role_required("viewer"))]
Admin = Annotated[Principal, Depends(role_required("admin"))]
