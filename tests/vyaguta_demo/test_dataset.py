"""Generated data: deterministic for a seed and shaped like a real company's leave history."""

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from tests.vyaguta_demo.upstream_settings import TODAY
from vyaguta_demo.dataset import generate
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

REALISTIC = 20_000
SEED = 11
DEFAULT_DAYS = {
    "Annual Leave": (13, 8), "Sick Leave": (12, 0), "Discretionary Leave": (10, 0),
    "Bereavement Leave": (13, 0), "Paternity Leave": (10, 0), "Maternity Leave": (98, 0),
    "Menstruation Leave": (6, 0), "Compensatory Leave": (0, 0), "Leave Without Pay": (0, 0),
}  # fmt: skip
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
EMPLOYEE_FIELDS = (
    "empId", "firstName", "middleName", "lastName", "email", "departmentDescription",
    "designationId", "designationName", "teamManagerId", "isHr", "isSupervisor",
)  # fmt: skip
Records = list[dict[str, Any]]


@pytest.fixture(scope="module")
def served() -> Iterator[Records]:
    with run_demo_upstream(records=REALISTIC, seed=SEED, today=TODAY) as upstream:
        yield fetch_everything(upstream)


def fetch_everything(upstream: DemoUpstream) -> Records:
    records: Records = []
    with httpx.Client(headers=upstream.headers, timeout=30) as client:
        for page in (1, 2, 3):
            response = client.get(upstream.leaves_url, params={"page": page, "size": 10_000})
            records.extend(response.json()["data"])
    return records


def day(text: str) -> date:
    return date.fromisoformat(text)


def share(records: Records, condition: Any) -> float:
    return sum(1 for record in records if condition(record)) / len(records)


def test_served_records_are_exactly_the_generated_ones(served: Records) -> None:
    assert served == generate(REALISTIC, SEED, TODAY)


def test_the_same_seed_and_day_generate_the_same_records() -> None:
    assert generate(500, 3, TODAY) == generate(500, 3, TODAY)


def test_another_seed_generates_other_records() -> None:
    assert generate(500, 3, TODAY) != generate(500, 4, TODAY)


def test_status_mix_is_about_65_19_12_4(served: Records) -> None:
    counts = Counter(record["status"] for record in served)
    expected = {"APPROVED": 0.65, "REQUESTED": 0.19, "REJECTED": 0.12, "CANCELLED": 0.04}
    assert set(counts) == set(expected)
    for status, target in expected.items():
        assert counts[status] / len(served) == pytest.approx(target, abs=0.025)


def test_requested_leaves_are_mostly_recent(served: Records) -> None:
    recent = [r for r in served if (TODAY - day(r["createdAt"][:10])).days <= 14]
    old = [r for r in served if (TODAY - day(r["createdAt"][:10])).days > 365]

    def pending(record: dict[str, Any]) -> bool:
        return record["status"] == "REQUESTED"

    assert share(recent, pending) > 0.5 > 0.25 > share(old, pending)


def test_every_leave_type_appears_with_its_defaults(served: Records) -> None:
    seen = {(r["leaveTypeName"], r["defaultDays"], r["transferableDays"]) for r in served}
    assert seen == {(name, *days) for name, days in DEFAULT_DAYS.items()}


def test_exactly_one_current_fiscal_year_and_it_contains_today(served: Records) -> None:
    years = {(r["fiscalId"], r["fiscalStartDate"], r["fiscalEndDate"], r["fiscalIsCurrent"])
             for r in served}  # fmt: skip
    current = [year for year in years if year[3]]
    assert len(years) == 5
    assert len(current) == 1
    assert day(current[0][1]) <= TODAY <= day(current[0][2])
    assert current[0][0] == max(year[0] for year in years)


def test_fiscal_years_run_mid_july_to_mid_july_and_hold_their_leaves(served: Records) -> None:
    for record in served:
        start, end = day(record["fiscalStartDate"]), day(record["fiscalEndDate"])
        assert (start.month, start.day, end.month, end.day) == (7, 17, 7, 16)
        assert start <= day(record["startDate"]) <= end


def test_festival_months_are_busier_than_the_fiscal_year_end(served: Records) -> None:
    months = Counter(day(record["startDate"]).month for record in served)
    assert months[10] + months[11] > 1.5 * (months[6] + months[7])


def test_fridays_and_mondays_are_busier_than_wednesdays(served: Records) -> None:
    weekdays = Counter(day(record["startDate"]).weekday() for record in served)
    assert min(weekdays[0], weekdays[4]) > 1.3 * weekdays[2]
    assert weekdays[5] == weekdays[6] == 0


def test_most_leaves_are_one_day_and_some_span_weekends(served: Records) -> None:
    def calendar_days(r: dict[str, Any]) -> int:
        return (day(r["endDate"]) - day(r["startDate"])).days + 1

    assert share(served, lambda r: r["leaveDays"] == 1) > 0.45
    assert share(served, lambda r: r["leaveDays"] == 0.5) > 0.05
    assert share(served, lambda r: r["leaveDays"] > 1 and r["leaveDays"] < calendar_days(r)) > 0.05


def test_employee_attributes_are_the_same_on_all_their_leaves(served: Records) -> None:
    by_user: dict[int, set[tuple[Any, ...]]] = {}
    for record in served:
        by_user.setdefault(record["userId"], set()).add(
            tuple(record[field] for field in EMPLOYEE_FIELDS)
        )
    assert all(len(versions) == 1 for versions in by_user.values())


def test_engineering_is_the_largest_department(served: Records) -> None:
    people = {r["userId"]: r["departmentDescription"] for r in served}
    departments = Counter(people.values())
    assert departments.most_common(1)[0][0] == "Engineering"
    assert len(departments) >= 8


def test_real_world_quirks_are_present(served: Records) -> None:
    assert share(served, lambda r: r["createdAt"][:10] > r["startDate"]) > 0.02
    assert share(served, lambda r: r["leaveIssuerId"] != r["currentLeaveIssuerId"]) > 0.02
    assert share(served, lambda r: r["teamManagerId"] is None) > 0.005
    assert share(served, lambda r: "+" in r["email"].split("@")[0]) > 0.01
    assert share(served, lambda r: r["allocations"] is None) > 0.03
    assert share(served, lambda r: r["middleName"] is None) > 0.3


def test_fields_have_the_documented_types(served: Records) -> None:
    for record in served:
        assert all(isinstance(record[key], int) for key in ("id", "userId", "empId", "fiscalId"))
        assert all(isinstance(record[key], bool) for key in ("isHr", "isSupervisor", "isConverted"))
        assert record["leaveDays"] in {0.5, *range(1, 99)}
        assert TIMESTAMP.fullmatch(record["createdAt"]) and TIMESTAMP.fullmatch(record["updatedAt"])
        assert record["createdAt"] <= record["updatedAt"]
        assert day(record["startDate"]) <= day(record["endDate"])
        assert (record["remarks"] is None) == (record["status"] == "REQUESTED")
        allocations = record["allocations"] or []
        assert all(set(item) == {"id", "name", "type"} for item in allocations)


def test_managers_and_issuers_are_other_employees(served: Records) -> None:
    for record in served:
        assert record["leaveIssuerId"] != record["userId"]
        assert record["currentLeaveIssuerId"] != record["userId"]
        assert record["teamManagerId"] != record["userId"]


def test_someone_is_off_today_and_leave_is_coming_up(served: Records) -> None:
    today = TODAY.isoformat()
    assert share(served, lambda r: r["startDate"] <= today <= r["endDate"]) > 0.001
    assert share(served, lambda r: r["startDate"] > today) > 0.002
    assert all(r["createdAt"][:10] < today for r in served)
