from datetime import UTC, date, datetime, timedelta, timezone

from backend.ingest.iso_values import parse_date, parse_timestamp

TIMESTAMP_FORMS = (
    "2024-08-01T09:00:00.000Z",
    "2024-08-01T09:00:00Z",
    "2024-08-01t09:00:00z",
    "2024-08-01 09:00:00Z",
    "2024-08-01T09:00:00+05:45",
    "2024-08-01T09:00:00-0300",
    "2024-08-01T09:00:00+05",
    "2024-08-01 09:00:00",
    "2024-08-01T09:00",
    "2024-08-01T09:00:00.123456789",
    "2024-08-01T09:00:00.1234566Z",
    "2024-08-01T09:00:00.1234564999Z",
    "2024-08-01T09:00:00.9999999+01:00",
    "2024-12-31T23:59:59.9999996",
    "2024-08-01",
)
REFUSED_FORMS = (
    "2024-08-01T09",
    "2024-W31-4T09:00",
    "20240801T090000",
    "2024-08-01T09:00:00+05:45:30",
    "٢٠٢٤-08-01",
    "2024-02-30T09:00:00Z",
    "yesterday",
)


def test_a_calendar_date_is_parsed():
    assert parse_date("2024-08-05") == date(2024, 8, 5)


def test_a_week_date_python_would_read_is_refused():
    assert parse_date("2024-W31-1") is None


def test_a_timestamp_without_an_offset_is_read_in_utc():
    assert parse_timestamp("2024-08-01T09:00:00") == datetime(2024, 8, 1, 9, tzinfo=UTC)


def test_an_offset_is_kept():
    assert parse_timestamp("2024-08-01T09:00:00+05:45") == datetime(
        2024, 8, 1, 9, tzinfo=timezone(timedelta(hours=5, minutes=45))
    )


def test_an_exact_half_beyond_microseconds_rounds_up_with_or_without_an_offset():
    assert [
        parse_timestamp("2024-08-01T09:00:00.1234565Z"),
        parse_timestamp("2024-08-01T09:00:00.1234565"),
    ] == [datetime(2024, 8, 1, 9, 0, 0, 123457, tzinfo=UTC)] * 2


def test_forms_postgresql_refuses_are_refused():
    assert [form for form in REFUSED_FORMS if parse_timestamp(form) is not None] == []


async def test_every_accepted_form_is_the_instant_postgresql_stores(connection):
    for form in TIMESTAMP_FORMS:
        stored = await connection.fetchval("SELECT $1::text::timestamptz", form)

        assert parse_timestamp(form) == stored, form
