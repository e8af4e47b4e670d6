"""KpiFilters validation, unknown filter values, and filters a KPI does not take."""

from datetime import date

import pytest
from pydantic import ValidationError

from db.kpi.catalogue import kpi_named
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from db.kpi.known_values import filter_values, unknown_filter_values


def test_a_date_range_that_runs_backwards_is_refused():
    with pytest.raises(ValidationError, match="date_to is before date_from"):
        KpiFilters(date_from=date(2024, 2, 1), date_to=date(2024, 1, 31))


def test_an_id_beyond_a_bigint_is_refused():
    with pytest.raises(ValidationError, match="fiscal_year"):
        KpiFilters(fiscal_year=(2**63,))


def test_an_unknown_filter_name_is_refused():
    with pytest.raises(ValidationError, match="departments"):
        KpiFilters(departments=("Engineering",))


def test_no_values_and_a_blank_search_mean_no_filter():
    filters = KpiFilters(department=(), status=None, search="  ", employee=(3, 3))

    assert filters.given() == {"employee"}
    assert filters.employee == (3,)


def test_a_kpi_names_the_given_filters_it_does_not_take():
    filters = KpiFilters(status=("REJECTED",), fiscal_year=(101,), search="an")

    assert kpi_named("top_employees").filters_not_taken(filters) == ["search", "status"]


async def test_values_no_record_knows_are_named_by_their_filter(seeded):
    filters = KpiFilters(
        department=("Engineering", "Astrology"),
        fiscal_year=(101, 7),
        status=("LOST",),
        leave_type=(1,),
        designation=(4,),
        employee=(31, 999_999),
    )

    assert await unknown_filter_values(seeded, filters) == {
        "fiscal_year": [7],
        "department": ["Astrology"],
        "status": ["LOST"],
        "employee": [999_999],
    }


async def test_a_known_value_that_matches_nothing_is_not_unknown(seeded):
    filters = KpiFilters(employee=(31,), status=("CANCELLED",), fiscal_year=(99,))

    assert await unknown_filter_values(seeded, filters) == {}
    history = await fetch_kpi(
        seeded,
        "leave_history",
        filters.model_copy(update={"date_from": date(2000, 1, 1), "date_to": date(2000, 1, 2)}),
    )
    assert (history.rows, history.total) == ([], 0)


async def test_filter_values_come_grouped_by_filter_in_display_order(seeded):
    values = await filter_values(seeded)

    assert [(row["value"], row["label"]) for row in values["fiscal_year"]] == [
        ("103", "2024/25"),
        ("102", "2023/24"),
        ("101", "2022/23"),
        ("100", "2021/22"),
        ("99", "2020/21"),
    ]
    assert [row["value"] for row in values["status"]] == [
        "APPROVED",
        "REQUESTED",
        "REJECTED",
        "CANCELLED",
    ]


async def test_the_search_text_is_matched_literally(seeded):
    result = await fetch_kpi(seeded, "employees", KpiFilters(search="%"))

    assert (result.rows, result.total) == ([], 0)


def test_a_text_value_postgresql_cannot_store_is_refused():
    with pytest.raises(ValidationError, match="search"):
        KpiFilters(search="an\x00")


async def test_a_share_over_no_leave_is_a_total_row_without_a_share(connection):
    result = await fetch_kpi(connection, "late_applications")

    assert [dict(row) for row in result.rows] == [
        {"department": None, "is_total": True, "leaves": 0, "late_leaves": 0, "late_share": None}
    ]
