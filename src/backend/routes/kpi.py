"""GET /kpi/...: every KPI, filtered, paged where it lists, as JSON or CSV.

Each KPI is a named query in src/db/sql/queries/kpi/; the dashboard reads the same ones.
"""

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from backend.errors import ApiError
from backend.iso_dates import IsoDate
from backend.kpi_answers import response_of, wants_csv
from backend.routes.kpi_questions import DEFAULT_LIMIT, KpiQuestion, answering
from backend.routes.loop_dependencies import PoolDep, SettingsDep, Viewer
from backend.schemas import ErrorBody, KpiAnswer
from backend.services.answer_cache import AnswerCache
from db.kpi.catalogue import kpi_named
from db.kpi.filters import KpiFilters

router = APIRouter(tags=["kpi"])

KPI_PATHS = {
    "/kpi/summary": "summary",
    "/kpi/monthly-trend/by-status": "monthly_trend_by_status",
    "/kpi/monthly-trend/by-leave-type": "monthly_trend_by_leave_type",
    "/kpi/leave-days/by-department": "leave_by_department",
    "/kpi/leave-days/by-designation": "leave_by_designation",
    "/kpi/leave-days/by-leave-type": "leave_by_leave_type",
    "/kpi/top-employees": "top_employees",
    "/kpi/heatmaps/month-year": "month_year_heatmap",
    "/kpi/heatmaps/weekday-year": "weekday_year_heatmap",
    "/kpi/daily-availability": "daily_availability",
    "/kpi/balances": "employee_balances",
    "/kpi/leave-history": "leave_history",
    "/kpi/approvals/by-issuer": "approvals_by_issuer",
    "/kpi/approvals/latency-by-department": "approval_latency_by_department",
    "/kpi/late-applications": "late_applications",
    "/kpi/issuer-reassignment": "issuer_reassignment",
}
PAGING_PARAMETERS = {"limit", "offset", "format", "as_of"}
ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "the rows (JSON, or CSV when asked for)"},
    422: {"model": ErrorBody, "description": "a filter that does not apply, or an unknown value"},
}


async def kpi_filters(
    request: Request,
    fiscal_year: Annotated[list[int] | None, Query(description="fiscal year ids")] = None,
    department: Annotated[list[str] | None, Query(description="department names")] = None,
    designation: Annotated[list[int] | None, Query(description="designation ids")] = None,
    leave_type: Annotated[list[int] | None, Query(description="leave type ids")] = None,
    status: Annotated[list[str] | None, Query(description="e.g. APPROVED, REQUESTED")] = None,
    date_from: Annotated[IsoDate | None, Query(description="leaves ending on or after")] = None,
    date_to: Annotated[IsoDate | None, Query(description="leaves starting on or before")] = None,
    employee: Annotated[list[int] | None, Query(description="employee (user) ids")] = None,
    search: Annotated[str | None, Query(max_length=200, description="name or e-mail")] = None,
) -> KpiFilters:
    allowed = set(KpiFilters.model_fields) | PAGING_PARAMETERS
    if unknown := sorted(set(request.query_params) - allowed):
        raise ApiError(
            422,
            "unknown_parameter",
            f"unknown query parameter(s): {', '.join(unknown)}",
            [{"field": f"query.{name}", "problem": "unknown parameter"} for name in unknown],
        )
    values = {
        "fiscal_year": fiscal_year,
        "department": department,
        "designation": designation,
        "leave_type": leave_type,
        "status": status,
        "date_from": date_from,
        "date_to": date_to,
        "employee": employee,
        "search": search,
    }
    try:
        return KpiFilters(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})
    except ValidationError as error:
        problems = [
            {
                "field": "query." + ".".join(str(p) for p in e["loc"][:1]) or "query",
                "problem": e["msg"],
            }
            for e in error.errors()
        ]
        raise ApiError(422, "invalid_filter", problems[0]["problem"], problems) from None


Filters = Annotated[KpiFilters, Depends(kpi_filters)]
Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page (lists only)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Format = Annotated[Literal["json", "csv"] | None, Query(alias="format")]
AsOf = Annotated[IsoDate | None, Query(description="'today' for on-leave counts; default today")]


async def kpi_answer(
    name: str,
    request: Request,
    pool: PoolDep,
    settings: SettingsDep,
    filters: KpiFilters,
    limit: int,
    offset: int,
    format_: str | None,
    as_of: date | None,
) -> Response:
    cache: AnswerCache = request.app.state.answer_cache
    as_csv = wants_csv(request, format_)
    if not kpi_named(name).is_paginated:
        # Ignored by the query: one answer for every limit and offset asked.
        limit, offset = DEFAULT_LIMIT, 0
    today = date.today()
    question = KpiQuestion(name, filters, limit, offset, as_csv, as_of or today)
    compute = answering(question, pool, settings, cache)
    answer = await cache.answer(pool, question, compute)
    request.app.state.known_kpi_requests.remember(request.scope, today, question)
    return response_of(answer)


def add_kpi_route(path: str, name: str) -> None:
    async def answer(
        _: Viewer,
        request: Request,
        pool: PoolDep,
        settings: SettingsDep,
        filters: Filters,
        limit: Limit = 100,
        offset: Offset = 0,
        format_: Format = None,
        as_of: AsOf = None,
    ) -> Response:
        return await kpi_answer(
            name, request, pool, settings, filters, limit, offset, format_, as_of
        )

    kpi = kpi_named(name)
    router.add_api_route(
        path,
        answer,
        methods=["GET"],
        response_model=KpiAnswer,
        responses=ANSWERS,
        summary=kpi.description.split(".")[0][:120],
        description=kpi.description,
        name=name,
    )


for kpi_path, kpi_name in KPI_PATHS.items():
    add_kpi_route(kpi_path, kpi_name)
