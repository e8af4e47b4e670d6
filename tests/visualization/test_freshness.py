from datetime import UTC, datetime, timedelta

from visualization.freshness import describe_freshness, how_long_ago

NOW = datetime(2025, 3, 12, 12, 4, 0, tzinfo=UTC)


def last_sync(seconds_ago: float) -> dict:
    return {"finished_at": NOW - timedelta(seconds=seconds_ago), "age_seconds": seconds_ago}


def test_recent_data_says_when_and_how_long_ago():
    freshness = describe_freshness(last_sync(18), 30, "UTC", NOW)
    assert freshness.text == "Data as of 12:03:42, 18 s ago"
    assert not freshness.stale


def test_the_time_is_given_in_the_readers_time_zone():
    freshness = describe_freshness(last_sync(18), 30, "Asia/Kathmandu", NOW)
    assert freshness.text == "Data as of 17:48:42, 18 s ago"


def test_data_older_than_three_refresh_intervals_is_stale():
    freshness = describe_freshness(last_sync(91), 30, "UTC", NOW)
    assert freshness.text == (
        "Data as of 12:02:29, 91 s ago. No sync has succeeded since: it may be out of date."
    )
    assert freshness.stale


def test_data_exactly_three_intervals_old_is_not_yet_stale():
    assert not describe_freshness(last_sync(90), 30, "UTC", NOW).stale


def test_data_from_another_day_shows_its_date():
    freshness = describe_freshness(last_sync(2 * 86400), 30, "UTC", NOW)
    assert freshness.text.startswith("Data as of 2025-03-10 12:04:00, 2 days ago.")


def test_no_good_sync_is_stale_and_says_so():
    freshness = describe_freshness(None, 30, "UTC", NOW)
    assert freshness.text == "No sync has succeeded yet: there may be no data to show."
    assert freshness.stale


def test_ages_read_in_the_largest_sensible_unit():
    assert [how_long_ago(seconds) for seconds in (0, 119, 120, 7199, 7200, 172_799, 172_800)] == [
        "0 s ago",
        "119 s ago",
        "2 min ago",
        "119 min ago",
        "2 h ago",
        "47 h ago",
        "2 days ago",
    ]


def test_an_unknown_time_zone_falls_back_to_the_servers():
    expected = (NOW - timedelta(seconds=18)).astimezone().strftime("%H:%M:%S")
    freshness = describe_freshness(last_sync(18), 30, "Mars/Olympus_Mons", NOW)
    assert freshness.text == f"Data as of {expected}, 18 s ago"
