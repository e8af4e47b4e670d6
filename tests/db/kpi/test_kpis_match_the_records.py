"""The headline: every KPI, under each filter it takes, equals an independent computation
(pandas over the upstream records as served), to the exact numbers."""

from datetime import date

import pytest

from db.kpi.catalogue import all_kpis
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from tests.db.kpi.compare import assert_rows_match
from tests.db.kpi.dataset import AS_OF, DELETED_IDS
from tests.db.kpi.expected import EXPECTED
from tests.db.kpi.frames import keep_leaves
from tests.db.kpi.upstream import UPSTREAM

FILTER_CASES = {
    "no filter": KpiFilters(),
    "a fiscal year": KpiFilters(fiscal_year=(101,)),
    "departments and leave types": KpiFilters(
        department=("Engineering", "Operations"), leave_type=(1, 2)
    ),
    "a designation": KpiFilters(designation=(4,)),
    "a date range": KpiFilters(date_from=date(2023, 10, 1), date_to=date(2023, 11, 30)),
    "employees": KpiFilters(employee=(31, 39)),
    "other statuses": KpiFilters(status=("REJECTED", "CANCELLED")),
    "a search": KpiFilters(search="AN"),
}


def kpi_and_filter_cases() -> list:
    return [
        pytest.param(kpi.name, filters, id=f"{kpi.name}: {label}")
        for kpi in all_kpis()
        for label, filters in FILTER_CASES.items()
        if filters.given() <= kpi.filters
    ]


@pytest.mark.parametrize(("name", "filters"), kpi_and_filter_cases())
async def test_a_kpi_equals_the_independent_computation(seeded, name, filters):
    result = await fetch_kpi(seeded, name, filters, as_of=AS_OF)

    assert_rows_match(result.rows, EXPECTED[name](UPSTREAM, filters, AS_OF, (6, 7)))


def test_the_data_set_holds_every_case_the_kpis_distinguish():
    leaves = UPSTREAM.leaves
    spans = leaves["end_date"] - leaves["start_date"]

    assert len(DELETED_IDS) > 0
    assert leaves["fiscal_year_id"].nunique() >= 3
    assert set(leaves["status"]) >= {"APPROVED", "REQUESTED", "REJECTED", "CANCELLED"}
    assert (leaves["current_issuer_id"] != leaves["issuer_id"]).any()
    assert (leaves["created_at"].dt.date > leaves["start_date"]).any()
    assert (leaves["leave_days"] % 1 != 0).any()
    assert any(span.days >= 3 for span in spans)
    on_leave = leaves[
        (leaves["status"] == "APPROVED")
        & (leaves["start_date"] <= AS_OF)
        & (leaves["end_date"] >= AS_OF)
    ]
    assert on_leave["employee_id"].nunique() > 1


@pytest.mark.parametrize(
    "filters", [f for label, f in FILTER_CASES.items() if label not in ("no filter", "a search")]
)
def test_a_filter_case_keeps_some_leaves_but_not_all(filters):
    kept = keep_leaves(UPSTREAM.leaves, filters, filters.status)

    assert 0 < len(kept) < len(UPSTREAM.leaves)
