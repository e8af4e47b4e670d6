"""Employees, one employee with their allocations and issuer, and the values filters accept."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from backend.errors import ApiError
from backend.kpi_answers import json_answer, plain_rows, response_of
from backend.routes.kpi import ANSWERS, AsOf, Format, Limit, Offset, kpi_answer
from backend.routes.loop_dependencies import (
    PoolDep,
    SettingsDep,
    Viewer,
    no_unknown_query_parameters,
)
from backend.schemas import ErrorBody, KpiAnswer
from backend.services.answer_cache import AnswerCache, CachedAnswer
from backend.services.kpis import FilterProblem, Paging, read_kpi
from db.kpi.filters import Id, KpiFilters, Text
from db.kpi.known_values import filter_values

router = APIRouter(tags=["employees"], dependencies=[Depends(no_unknown_query_parameters)])

EmployeeId = Annotated[int, Path(ge=1, le=2**63 - 1)]
Search = Annotated[
    str | None,
    Query(max_length=200, pattern=r"^[^\x00]*$", description="part of a name or e-mail"),
]
# The filters' own bounds, so that a value they would refuse is a 422 here and in the schema.
Departments = Annotated[list[Text] | None, Query(description="department names")]
FiscalYears = Annotated[list[Id] | None, Query(description="fiscal year ids")]


@router.get(
    "/employees",
    response_model=KpiAnswer,
    responses=ANSWERS,
    summary="Employees, searchable by name or e-mail, paged",
)
async def list_employees(
    _: Viewer,
    request: Request,
    pool: PoolDep,
    settings: SettingsDep,
    search: Search = None,
    department: Departments = None,
    limit: Limit = 100,
    offset: Offset = 0,
    format_: Format = None,
) -> Response:
    filters = KpiFilters(search=search, department=tuple(department) if department else None)
    return await kpi_answer(
        "employees", request, pool, settings, filters, limit, offset, format_, None
    )


@router.get(
    "/employees/{employee_id}",
    responses={404: {"model": ErrorBody}},
    summary="One employee: details, allocations, current leave issuer",
)
async def get_employee(
    _: Viewer, request: Request, pool: PoolDep, settings: SettingsDep, employee_id: EmployeeId
) -> Response:
    cache: AnswerCache = request.app.state.answer_cache

    async def compute() -> CachedAnswer:
        try:
            result = await read_kpi(
                pool,
                "employee_details",
                KpiFilters(employee=(employee_id,)),
                Paging(1, 0),
                as_of=None,
                weekend_days=settings.weekend_isodows,
                cache=cache,
            )
        except FilterProblem:
            raise ApiError(404, "not_found", f"no employee {employee_id}") from None
        return json_answer(plain_rows(result.rows)[0])

    return response_of(await cache.answer(pool, ("employee_details", employee_id), compute))


async def one_employees_kpi(
    name: str,
    request: Request,
    pool: PoolDep,
    settings: SettingsDep,
    employee_id: int,
    fiscal_year: list[int] | None,
    limit: int,
    offset: int,
    format_: str | None,
    as_of: date | None,
) -> Response:
    filters = KpiFilters(
        employee=(employee_id,), fiscal_year=tuple(fiscal_year) if fiscal_year else None
    )
    return await kpi_answer(name, request, pool, settings, filters, limit, offset, format_, as_of)


@router.get(
    "/employees/{employee_id}/leaves",
    response_model=KpiAnswer,
    responses=ANSWERS,
    summary="An employee's leave history, newest first",
)
async def employee_leaves(
    _: Viewer,
    request: Request,
    pool: PoolDep,
    settings: SettingsDep,
    employee_id: EmployeeId,
    fiscal_year: FiscalYears = None,
    limit: Limit = 100,
    offset: Offset = 0,
    format_: Format = None,
) -> Response:
    return await one_employees_kpi(
        "leave_history",
        request,
        pool,
        settings,
        employee_id,
        fiscal_year,
        limit,
        offset,
        format_,
        None,
    )


@router.get(
    "/employees/{employee_id}/balances",
    response_model=KpiAnswer,
    responses=ANSWERS,
    summary="An employee's balances per leave type and fiscal year (the gauges' data)",
)
async def employee_balances(
    _: Viewer,
    request: Request,
    pool: PoolDep,
    settings: SettingsDep,
    employee_id: EmployeeId,
    fiscal_year: FiscalYears = None,
    limit: Limit = 100,
    offset: Offset = 0,
    format_: Format = None,
    as_of: AsOf = None,
) -> Response:
    return await one_employees_kpi(
        "employee_balances",
        request,
        pool,
        settings,
        employee_id,
        fiscal_year,
        limit,
        offset,
        format_,
        as_of,
    )


@router.get(
    "/meta/filters",
    response_model=dict[str, list[dict[str, Any]]],
    summary="The values each filter accepts, with labels, for UIs",
)
async def meta_filters(_: Viewer, request: Request, pool: PoolDep) -> Response:
    async def compute() -> CachedAnswer:
        async with pool.acquire() as connection:
            by_filter = await filter_values(connection)
        return json_answer(
            {
                name: [{"value": row["value"], "label": row["label"]} for row in rows]
                for name, rows in by_filter.items()
            }
        )

    return response_of(
        await request.app.state.answer_cache.answer(pool, ("meta", "filters"), compute)
    )
