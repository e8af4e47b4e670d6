from backend.settings import Settings
from visualization.config import cache_seconds, refresh_seconds


def test_pages_refresh_every_poll_interval():
    assert refresh_seconds(Settings(poll_interval_seconds=45)) == 45


def test_pages_refresh_on_the_default_interval_when_polling_is_off():
    assert refresh_seconds(Settings(poll_interval_seconds=0)) == 30


def test_pages_never_refresh_more_often_than_every_five_seconds():
    assert refresh_seconds(Settings(poll_interval_seconds=1)) == 5


def test_cached_rows_live_half_a_refresh_interval():
    assert cache_seconds(Settings(poll_interval_seconds=30)) == 15
