"""The bearer token check shared by the leaves endpoint and the admin endpoints."""

import secrets

from starlette.requests import Request

BEARER_PREFIX = "bearer "


def bearer_token_matches(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith(BEARER_PREFIX):
        return False
    offered = header[len(BEARER_PREFIX) :].strip()
    return secrets.compare_digest(offered.encode(), token.encode())
