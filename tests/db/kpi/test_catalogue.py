"""The KPI registry: every query is registered, and declares its parameters truthfully."""

import pytest

from db.kpi.catalogue import KPI_NAMES, UnknownKpiError, all_kpis, declared_parameters, kpi_named
from db.sql_files import QUERIES_DIR, query

# One type per parameter name, in every query: the uniform filter convention.
PARAMETER_TYPES = {
    "fiscal_year": "int8[]",
    "department": "text[]",
    "designation": "int8[]",
    "leave_type": "int8[]",
    "status": "text[]",
    "date_from": "date",
    "date_to": "date",
    "employee": "int8[]",
    "search": "text",
    "as_of": "date",
    "weekend_days": "int4[]",
    "limit": "int8",
    "offset": "int8",
}


def test_every_query_in_the_kpi_folder_is_registered():
    files = {path.stem for path in (QUERIES_DIR / "kpi").glob("*.sql")}

    assert files - {"plan_every_call"} == set(KPI_NAMES)


@pytest.mark.parametrize("name", KPI_NAMES)
async def test_a_query_takes_exactly_its_declared_parameters_with_their_types(connection, name):
    statement = await connection.prepare(query(f"kpi/{name}"))

    declared = [PARAMETER_TYPES[parameter] for parameter in kpi_named(name).parameters]
    assert [parameter.name for parameter in statement.get_parameters()] == declared


def test_a_list_is_paginated_and_a_chart_is_not():
    paginated = {kpi.name for kpi in all_kpis() if kpi.is_paginated}

    assert paginated == {
        "top_employees",
        "employee_balances",
        "leave_history",
        "employees",
        "employee_details",
    }


def test_a_kpi_is_described_by_its_queries_header():
    description = kpi_named("approval_latency_by_department").description

    assert description == (
        "Per department of the requester: the requests decided (APPROVED or REJECTED), the"
        " approval and rejection rates, and how long decisions took (updatedAt - createdAt, in"
        " hours; median and 90th percentile)."
    )


def test_parameters_numbered_out_of_order_are_refused():
    with pytest.raises(ValueError, match="numbered"):
        declared_parameters("--   $2 fiscal_year  bigint[]\n--   $1 department  text[]\n")


def test_an_unknown_kpi_is_refused():
    with pytest.raises(UnknownKpiError):
        kpi_named("sick_days_by_moon_phase")
