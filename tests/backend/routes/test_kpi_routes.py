"""The KPI endpoints serve the shared definitions, filtered, paged, as JSON or CSV."""

import csv
import io

import pytest
import pytest_asyncio

from backend.routes.kpi import KPI_PATHS
from db.kpi.fetch import fetch_kpi
from db.kpi.filters import KpiFilters
from tests.backend.conftest import synced_api_of_its_own


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def synced_app_and_api(postgres_url, template_database, demo_upstream):
    """One synced database for the whole module: these tests only read."""
    async with synced_api_of_its_own(
        postgres_url, template_database, demo_upstream, "kpi_routes"
    ) as synced:
        yield synced


@pytest.fixture
def app(synced_app_and_api):
    return synced_app_and_api[0]


@pytest.fixture
def api(synced_app_and_api):
    return synced_app_and_api[1]


@pytest.fixture
def synced(synced_app_and_api):
    """A viewer's headers."""
    return synced_app_and_api[2]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def as_csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    return str(value)


async def test_the_summary_is_the_shared_definition(api, app, synced):
    answer = (await api.get("/kpi/summary", headers=synced)).json()

    async with app.state.pool.acquire() as connection:
        expected = (await fetch_kpi(connection, "summary")).rows[0]
    assert answer["items"] == [dict(expected)]
    assert answer["total"] == 1


@pytest.mark.parametrize("path", sorted(KPI_PATHS))
async def test_csv_holds_the_same_rows_as_json(api, synced, path):
    as_json = (await api.get(path, headers=synced, params={"limit": 1000})).json()["items"]
    as_csv = await api.get(path, headers=synced, params={"limit": 1000, "format": "csv"})

    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = csv_rows(as_csv.text)
    assert len(rows) == len(as_json)
    for csv_row, json_row in zip(rows, as_json, strict=True):
        assert list(csv_row) == list(json_row)
        assert all(
            csv_row[key] == as_csv_text(value) or _same_number(csv_row[key], value)
            for key, value in json_row.items()
            if not isinstance(value, list)
        )


def _same_number(text: str, value) -> bool:
    try:
        return float(text) == float(value)
    except (TypeError, ValueError):
        return False


async def test_accept_text_csv_asks_for_csv_too(api, synced):
    answer = await api.get(
        "/kpi/leave-days/by-department", headers={**synced, "Accept": "text/csv"}
    )

    assert answer.text.splitlines()[0].startswith("department,")


async def test_pages_cover_every_row_exactly_once(api, synced):
    everything = (await api.get("/kpi/top-employees?limit=1000", headers=synced)).json()
    ids = []
    for offset in range(0, everything["total"], 7):
        page = (await api.get(f"/kpi/top-employees?limit=7&offset={offset}", headers=synced)).json()
        ids += [row["employee_id"] for row in page["items"]]

    assert ids == [row["employee_id"] for row in everything["items"]]
    assert len(ids) == everything["total"] == len(set(ids))


async def test_a_filter_narrows_the_rows_to_its_values(api, synced, app):
    departments = (await api.get("/meta/filters", headers=synced)).json()["department"]
    chosen = departments[0]["value"]

    rows = (
        await api.get(
            "/kpi/leave-days/by-department", headers=synced, params={"department": chosen}
        )
    ).json()["items"]

    assert [row["department"] for row in rows] == [chosen]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("department=No+Such+Team", "query.department", "unknown department: No Such Team"),
        ("fiscal_year=1", "query.fiscal_year", "unknown fiscal_year: 1"),
        ("status=APPROVED", "query.status", "status does not apply to summary"),
        ("departmnt=Engineering", "query.departmnt", "unknown query parameter(s): departmnt"),
        ("date_from=2025-01-02&date_to=2025-01-01", "query", "date_to is before date_from"),
        ("fiscal_year=abc", "query.fiscal_year.0", "Input should be a valid integer"),
    ],
)
async def test_a_bad_filter_is_a_422_naming_the_field(api, synced, query, field, message):
    answer = await api.get(f"/kpi/summary?{query}", headers=synced)

    error = answer.json()["error"]
    assert answer.status_code == 422
    assert message in error["message"] or message in error["details"][0]["problem"]
    assert error["details"][0]["field"].startswith(field)


async def test_a_limit_over_1000_is_refused(api, synced):
    assert (await api.get("/kpi/top-employees?limit=1001", headers=synced)).status_code == 422


async def test_kpis_need_a_signed_in_caller(api):
    assert (await api.get("/kpi/summary")).status_code == 401


async def test_employees_can_be_searched_and_looked_up(api, synced, app):
    everyone = (await api.get("/employees?limit=1000", headers=synced)).json()
    someone = everyone["items"][0]

    found = (
        await api.get("/employees", headers=synced, params={"search": someone["email"]})
    ).json()["items"]
    details = (await api.get(f"/employees/{someone['employee_id']}", headers=synced)).json()

    assert someone["employee_id"] in [row["employee_id"] for row in found]
    assert details["email"] == someone["email"]
    assert isinstance(details["allocations"], list)


async def test_an_unknown_employee_is_404(api, synced):
    answer = await api.get("/employees/999999999", headers=synced)

    assert answer.status_code == 404


async def test_an_employees_leaves_and_balances_are_theirs_only(api, synced):
    someone = (await api.get("/employees?limit=1", headers=synced)).json()["items"][0][
        "employee_id"
    ]

    leaves = (await api.get(f"/employees/{someone}/leaves", headers=synced)).json()
    balances = (await api.get(f"/employees/{someone}/balances", headers=synced)).json()

    assert leaves["items"] and {row["employee_id"] for row in leaves["items"]} == {someone}
    assert balances["items"] and {row["employee_id"] for row in balances["items"]} == {someone}


async def test_meta_filters_lists_the_values_every_filter_accepts(api, synced):
    filters = (await api.get("/meta/filters", headers=synced)).json()

    assert set(filters) == set(KpiFilters.model_fields) - {"date_from", "date_to", "search"}
    assert all({"value", "label"} <= set(item) for items in filters.values() for item in items)
