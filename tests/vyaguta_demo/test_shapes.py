"""Field layouts: v1 (37 keys), v2 (41 keys) and a deterministic mix of both."""

from collections.abc import Iterator

import pytest

from tests.vyaguta_demo.upstream_settings import SEED, TODAY, FetchAll, GetPage
from vyaguta_demo.dataset import generate
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

SMALL = 300
V1_KEYS = {
    "id", "userId", "empId", "teamManagerId", "designationId", "designationName", "firstName",
    "middleName", "lastName", "email", "isHr", "isSupervisor", "allocations", "leaveIssuerId",
    "currentLeaveIssuerId", "leaveIssuerFirstName", "leaveIssuerLastName",
    "currentLeaveIssuerEmail", "departmentDescription", "startDate", "endDate", "leaveDays",
    "reason", "status", "remarks", "leaveTypeId", "leaveTypeName", "defaultDays",
    "transferableDays", "isConsecutive", "fiscalId", "fiscalStartDate", "fiscalEndDate",
    "fiscalIsCurrent", "createdAt", "updatedAt", "isConverted",
}  # fmt: skip
V2_KEYS = (
    V1_KEYS
    - {"leaveIssuerFirstName", "leaveIssuerLastName", "remarks", "leaveTypeName"}
    | {"issuerFirstName", "issuerMiddleName", "issuerLastName", "leaveStatus",
       "responseRemarks", "leaveType", "isAutomated", "totalCount"}
)  # fmt: skip


@pytest.fixture(scope="module")
def v2_upstream() -> Iterator[DemoUpstream]:
    with run_demo_upstream(records=SMALL, seed=SEED, today=TODAY, shape="v2") as upstream:
        yield upstream


@pytest.fixture(scope="module")
def mixed_upstream() -> Iterator[DemoUpstream]:
    with run_demo_upstream(records=SMALL, seed=SEED, today=TODAY, shape="mixed") as upstream:
        yield upstream


def test_v1_records_have_exactly_the_37_v1_keys(
    upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    assert len(V1_KEYS) == 37
    assert all(set(record) == V1_KEYS for record in fetch_all(upstream))


def test_v2_records_have_exactly_the_41_v2_keys(
    v2_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    assert len(V2_KEYS) == 41
    assert all(set(record) == V2_KEYS for record in fetch_all(v2_upstream))


def test_v2_carries_the_same_facts_under_its_own_names(
    v2_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    served = fetch_all(v2_upstream)
    for v1, v2 in zip(generate(SMALL, SEED, TODAY), served, strict=True):
        assert v2["issuerFirstName"] == v1["leaveIssuerFirstName"]
        assert v2["issuerLastName"] == v1["leaveIssuerLastName"]
        assert v2["leaveStatus"] == v2["status"] == v1["status"]
        assert v2["responseRemarks"] == v1["remarks"]
        assert v2["leaveType"] == v1["leaveTypeName"]
        assert v2["totalCount"] == SMALL
        assert isinstance(v2["isAutomated"], bool)


def test_v2_issuer_middle_name_is_the_issuers(
    v2_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    served = fetch_all(v2_upstream)
    middle_names = {r["userId"]: r["middleName"] for r in generate(SMALL, SEED, TODAY)}
    known = [r for r in served if r["leaveIssuerId"] in middle_names]
    assert known
    assert all(r["issuerMiddleName"] == middle_names[r["leaveIssuerId"]] for r in known)


def test_mixed_serves_both_layouts_and_nothing_else(
    mixed_upstream: DemoUpstream, fetch_all: FetchAll
) -> None:
    layouts = [set(record) for record in fetch_all(mixed_upstream)]
    v1_count = sum(keys == V1_KEYS for keys in layouts)
    v2_count = sum(keys == V2_KEYS for keys in layouts)
    assert v1_count + v2_count == SMALL
    assert SMALL * 0.3 < v1_count < SMALL * 0.7


def test_mixed_layout_of_a_record_never_changes(
    mixed_upstream: DemoUpstream, get_page: GetPage
) -> None:
    first = get_page(mixed_upstream, size=50).json()["data"]
    again = get_page(mixed_upstream, size=50).json()["data"]
    assert [set(record) for record in first] == [set(record) for record in again]
