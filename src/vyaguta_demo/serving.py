"""GET /api/leave/leaves: auth, query, faults, then a page assembled from stored bytes."""

import asyncio
from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from vyaguta_demo.auth import bearer_token_matches
from vyaguta_demo.corruption import with_record_faults
from vyaguta_demo.envelopes import page_body
from vyaguta_demo.errors import html_error_page, json_error
from vyaguta_demo.query import BadQuery, LeaveQuery, parse_leave_query
from vyaguta_demo.runtime import DemoRuntime

LEAVES_PATH = "/api/leave/leaves"
UNAUTHORIZED_HEADERS = {"WWW-Authenticate": "Bearer"}


async def serve_leaves(request: Request) -> Response:
    runtime: DemoRuntime = request.app.state.runtime
    runtime.requests += 1
    response = await leaves_response(request, runtime)
    runtime.responses[response.status_code] += 1
    return response


async def leaves_response(request: Request, runtime: DemoRuntime) -> Response:
    faults = runtime.faults
    if faults.settings.unauthorized or not bearer_token_matches(request, runtime.options.token):
        return json_error(401, "missing or wrong bearer token", UNAUTHORIZED_HEADERS)
    try:
        query = parse_leave_query(request.query_params)
    except BadQuery as error:
        return json_error(400, str(error))
    if faults.settings.latency_ms:
        await asyncio.sleep(faults.settings.latency_ms / 1000)
    failure = faults.failure_for(query.page)
    if failure is not None:
        return json_error(failure.status, failure.message, failure.headers)
    if faults.hangs(query.page):
        await asyncio.sleep(faults.settings.hang_seconds)
    html_status = faults.html_status_for(query.page)
    if html_status is not None:
        return html_error_page(html_status)
    body = page_of(runtime, query)
    if faults.truncates(query.page):
        body = body[: len(body) // 2]
    return Response(body, media_type="application/json")


def page_of(runtime: DemoRuntime, query: LeaveQuery) -> bytes:
    store = runtime.store
    positions = store.positions_overlapping(ordinal(query.start_date), ordinal(query.end_date))
    chosen = positions[query.offset : query.offset + query.size]
    bodies = [store.bodies[position] for position in chosen.tolist()]
    v2 = store.v2[chosen].tolist()
    settings = runtime.faults.settings
    if settings.changes_records:
        bodies, v2 = with_record_faults(
            settings, runtime.options.seed, store.ids[chosen], bodies, v2
        )
    envelope = runtime.options.envelope
    return page_body(envelope, bodies, v2, query.page, query.size, len(positions))


def ordinal(day: date | None) -> int | None:
    return None if day is None else day.toordinal()
