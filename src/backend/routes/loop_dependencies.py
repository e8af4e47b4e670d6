"""The app's dependencies, declared async for the routes read most (KPIs, employees).

FastAPI runs a plain `def` dependency on a worker thread: the Viewer chain (settings, caller,
role), the pool, the settings and the query-parameter check cost each request five or six
thread hand-offs, more than serving a cached KPI answer. These call the same functions on the
event loop instead.
"""

import time
from typing import Annotated

import asyncpg
from fastapi import Depends, Request

from backend.auth.tokens import Principal, VerifiedToken
from backend.dependencies import bearer_token, confirmed_principal, role_required, verified_token
from backend.settings import Settings
from backend.unknown_parameters import refuse_unknown_query_parameters

may_view = role_required("viewer")


async def settings_of(request: Request) -> Settings:
    return request.app.state.settings


async def pool_of(request: Request) -> asyncpg.Pool:
    return request.app.state.pool


class CheckedTokens:
    """Tokens already verified, until they expire: a dashboard sends the same token with every
    request, and verifying it (PyJWT) cost more than a cached answer. Only the signature and the
    expiry are remembered: whether the user still exists with that role is asked each time
    (`confirmed_principal`, a lookup in memory)."""

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self.entries: dict[tuple[str, str], VerifiedToken] = {}

    def verified(self, settings: Settings, token: str | None) -> VerifiedToken:
        secret = settings.jwt_secret.get_secret_value()
        key = (token or "", secret)
        if (known := self.entries.get(key)) is not None and time.time() < known.expires_at:
            return known
        verified = verified_token(settings, token)  # raises the 401s, as for every other route
        if len(self.entries) >= self.max_entries:
            self.entries.clear()
        self.entries[key] = verified
        return verified


checked_tokens = CheckedTokens()


async def viewer(
    request: Request, token: Annotated[str | None, Depends(bearer_token)]
) -> Principal:
    state = request.app.state
    return may_view(
        await confirmed_principal(state, checked_tokens.verified(state.settings, token))
    )


async def no_unknown_query_parameters(request: Request) -> None:
    refuse_unknown_query_parameters(request)


SettingsDep = Annotated[Settings, Depends(settings_of)]
PoolDep = Annotated[asyncpg.Pool, Depends(pool_of)]
Viewer = Annotated[Principal, Depends(viewer)]
