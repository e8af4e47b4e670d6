"""The app's dependencies, declared async for the routes read most (KPIs, employees).

FastAPI runs a plain `def` dependency on a worker thread: the Viewer chain (settings, caller,
role), the pool, the settings and the query-parameter check cost each request five or six
thread hand-offs, more than serving a cached KPI answer. These call the same functions on the
event loop instead.
"""

import base64
import json
import time
from typing import Annotated

import asyncpg
from fastapi import Depends, Request

from backend.auth.tokens import Principal
from backend.dependencies import bearer_token, get_caller, role_required
from backend.settings import Settings
from backend.unknown_parameters import refuse_unknown_query_parameters

may_view = role_required("viewer")


async def settings_of(request: Request) -> Settings:
    return request.app.state.settings


async def pool_of(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


class CheckedTokens:
    """Tokens already verified, with their principal, until they expire: a dashboard sends the
    same token with every request, and verifying it (PyJWT) cost more than a cached answer."""

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self.entries: dict[tuple[str, str], tuple[Principal, float]] = {}

    def principal(self, settings: Settings, token: str | None) -> Principal:
        secret = settings.jwt_secret.get_secret_value()
        key = (token or "", secret)
        if (known := self.entries.get(key)) is not None and time.time() < known[1]:
            return known[0]
        caller = get_caller(settings, token)  # raises the 401s, as for every other route
        if len(self.entries) >= self.max_entries:
            self.entries.clear()
        self.entries[key] = (caller, expiry_of(token or ""))
        return caller


def expiry_of(token: str) -> float:
    """The `exp` of a token get_caller has just verified (it requires one)."""
    payload = token.split(".")[1]
    return float(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["exp"])


checked_tokens = CheckedTokens()


async def viewer(
    request: Request, token: Annotated[str | None, Depends(bearer_token)]
) -> Principal:
    return may_view(checked_tokens.principal(request.app.state.settings, token))


async def no_unknown_query_parameters(request: Request) -> None:
    refuse_unknown_query_parameters(request)


SettingsDep = Annotated[Settings, Depends(settings_of)]
PoolDep = Annotated[asyncpg.Pool, Depends(pool_of)]
Viewer = Annotated[Principal, Depends(viewer)]
