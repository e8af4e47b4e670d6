"""A KPI request asked before, byte for byte, answered from the answer cache ahead of routing.

Routing, solving the dependencies and validating the ~13 query parameters cost more than
serving a cached answer. A request the KPI route has answered already (same path, query
string and CSV preference, on the same day) names the same question again, so its answer can
be looked up at once. The caller is checked for every request, as the route checks it (a
token verified before is taken from memory until it expires; that its user still exists with
its role is looked up in memory each time), and anything this cannot settle
(an unknown or expired token, an answer not computed yet for the current data version, the
database not answering) goes the usual way, which answers it or says what is wrong.
"""

from collections.abc import Hashable
from datetime import date

from fastapi import FastAPI
from fastapi.security.utils import get_authorization_scheme_param
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.dependencies import confirmed_principal
from backend.errors import ApiError
from backend.kpi_answers import CSV_MEDIA_TYPE, response_of
from backend.routes.loop_dependencies import checked_tokens, may_view
from backend.services.answer_cache import CachedAnswer

RequestKey = tuple[str, bytes, bool, date]


def request_key(scope: Scope, today: date) -> RequestKey:
    """What decides a KPI request's question, apart from the data: a new day is a new key,
    since a question asked without `as_of` is about the day it is asked."""
    accept = Headers(scope=scope).get("accept", "")
    return scope["path"], scope["query_string"], CSV_MEDIA_TYPE in accept, today


class KnownRequests:
    """Which question each request the KPI route answered stands for."""

    def __init__(self, max_entries: int = 16_384) -> None:
        self.max_entries = max_entries
        self.questions: dict[RequestKey, Hashable] = {}

    def remember(self, scope: Scope, today: date, question: Hashable) -> None:
        if len(self.questions) >= self.max_entries:
            self.questions.clear()
        self.questions[request_key(scope, today)] = question


class RepeatedKpiRequests:
    def __init__(self, app: ASGIApp, paths: frozenset[str]) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] in self.paths:
            answer = await self.known_answer(scope)
            if answer is not None:
                await response_of(answer)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def known_answer(self, scope: Scope) -> CachedAnswer | None:
        state = scope["app"].state
        question = state.known_kpi_requests.questions.get(request_key(scope, date.today()))
        if question is None:
            return None
        try:
            if not await self.may_view(scope):
                return None
            return await state.answer_cache.kept_answer(state.pool, question)
        except Exception:  # e.g. the database is down: the usual way answers with the reason
            return None

    @staticmethod
    async def may_view(scope: Scope) -> bool:
        scheme, token = get_authorization_scheme_param(Headers(scope=scope).get("authorization"))
        if scheme.lower() != "bearer":
            return False
        state = scope["app"].state
        try:
            may_view(
                await confirmed_principal(state, checked_tokens.verified(state.settings, token))
            )
        except ApiError:
            return False
        return True


def install_repeated_kpi_requests(app: FastAPI, paths: frozenset[str]) -> None:
    """Innermost of the middleware: metrics, CORS and security headers see these answers too."""
    app.state.known_kpi_requests = KnownRequests()
    app.add_middleware(RepeatedKpiRequests, paths=paths)
