import pytest

from backend.ingest.raw_rows import canonical_fields
from backend.ingest.validation import rejection_reason
from tests.records import as_v2, leave_record


def reason_for(**overrides) -> str | None:
    return rejection_reason(canonical_fields(leave_record(**overrides)))


def test_a_complete_record_has_no_reason_to_be_rejected():
    assert reason_for() is None


def test_a_v2_record_is_read_through_its_own_names():
    assert rejection_reason(canonical_fields(as_v2(leave_record()))) is None


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"id": None}, "id is missing"),
        ({"id": "x"}, "id is not a positive whole number: 'x'"),
        ({"id": True}, "id is not a positive whole number: True"),
        ({"userId": -3}, "userId is not a positive whole number: -3"),
        (
            {"startDate": "2024-02-30", "endDate": "2024-03-01"},
            "startDate is not a real date (YYYY-MM-DD): '2024-02-30'",
        ),
        ({"endDate": "2024-08-01"}, "endDate 2024-08-01 is before startDate 2024-08-05"),
        ({"leaveDays": -1}, "leaveDays -1 does not fit a leave of 1 calendar day(s)"),
        ({"leaveDays": 500}, "leaveDays 500 does not fit a leave of 1 calendar day(s)"),
        ({"leaveDays": "abc"}, "leaveDays is not a number: 'abc'"),
        ({"leaveDays": None}, "leaveDays is missing"),
        ({"status": None}, "status is missing"),
        ({"reason": 42}, "reason is not text"),
        (
            {"reason": "bad\x00byte"},
            "reason contains a NUL character, which PostgreSQL cannot store",
        ),
        ({"isHr": "yes"}, "isHr is not true or false"),
        ({"allocations": "Project X"}, "allocations is not a list"),
        (
            {"allocations": [{"name": "no id"}]},
            "allocations holds an entry without a whole-number id",
        ),
        ({"createdAt": "yesterday"}, "createdAt is not an ISO-8601 timestamp: 'yesterday'"),
        (
            {"createdAt": "2024-08-01T09"},
            "createdAt is not an ISO-8601 timestamp: '2024-08-01T09'",
        ),
        (
            {"startDate": "2024-W31-1", "endDate": "2024-08-05"},
            "startDate is not a real date (YYYY-MM-DD): '2024-W31-1'",
        ),
        ({"fiscalEndDate": "2024-07-16"}, "fiscalEndDate is not after fiscalStartDate"),
        ({"defaultDays": -2}, "defaultDays is not a number of days between 0 and 366"),
        ({"empId": 1.5}, "empId is neither text nor a whole number"),
    ],
)
def test_each_kind_of_invalid_record_gets_a_readable_reason(overrides, reason):
    assert reason_for(**overrides) == reason


def test_leave_days_may_be_less_than_the_span_for_weekends_and_half_days():
    assert reason_for(startDate="2024-08-02", endDate="2024-08-05", leaveDays=2) is None
    assert reason_for(leaveDays=0.5) is None
