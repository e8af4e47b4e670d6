"""GET /leave_info: one upstream page, fetched with the CALLER's own Vyaguta token.

The service's token is never used here: a caller sees only what their own token allows.
"""

import re
from typing import Annotated, Any

import httpx
import orjson
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response

from backend.errors import ApiError
from backend.iso_dates import IsoDate
from backend.schemas import ErrorBody

router = APIRouter(tags=["upstream"])

# RFC 6750's b64token: anything else cannot be a bearer token (and cannot be sent on as one).
BEARER_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")


def caller_token(authorization: str | None) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not BEARER_TOKEN.fullmatch(token.strip()):
        raise ApiError(
            401,
            "not_authenticated",
            "send your Vyaguta token as 'Authorization: Bearer ...'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


@router.get(
    "/leave_info",
    responses={
        200: {"content": {"application/json": {}}},
        401: {"model": ErrorBody},
        502: {"model": ErrorBody},
    },
    summary="One page of leave records from Vyaguta, read with your own token",
)
async def leave_info(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    size: Annotated[int, Query(ge=1, le=10_000)] = 100,
    start_date: Annotated[IsoDate | None, Query(alias="startDate")] = None,
    end_date: Annotated[IsoDate | None, Query(alias="endDate")] = None,
) -> Response:
    settings = request.app.state.settings
    if not settings.vyaguta_api_url:
        raise ApiError(503, "upstream_not_configured", "VYAGUTA_API_URL is not set")
    params: dict[str, Any] = {"fetchType": "all", "roleType": "issuer", "page": page, "size": size}
    if start_date:
        params["startDate"] = start_date.isoformat()
    if end_date:
        params["endDate"] = end_date.isoformat()
    headers = {"Authorization": f"Bearer {caller_token(authorization)}"}
    http: httpx.AsyncClient = request.app.state.http
    try:
        answer = await http.get(settings.vyaguta_api_url, params=params, headers=headers)
    except httpx.HTTPError as error:
        raise ApiError(502, "upstream_unreachable", f"upstream: {type(error).__name__}") from None
    if answer.status_code in (401, 403):
        raise ApiError(answer.status_code, "upstream_refused", "Vyaguta refused your token")
    if answer.status_code >= 400:
        raise ApiError(502, "upstream_error", f"upstream answered {answer.status_code}")
    try:
        orjson.loads(answer.content)
    except orjson.JSONDecodeError:
        raise ApiError(
            502, "upstream_error", "upstream answered with something that is not JSON"
        ) from None
    return Response(answer.content, media_type="application/json")
