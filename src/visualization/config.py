"""The settings the dashboard reads, in the units its parts use."""

from backend.settings import Settings

# With the poller off (POLL_INTERVAL_SECONDS=0) data still changes on manual syncs.
DEFAULT_REFRESH_SECONDS = 30.0
# Re-rendering every chart more often than this makes the pages flicker for nothing.
MIN_REFRESH_SECONDS = 5.0


def refresh_seconds(settings: Settings) -> float:
    """How often pages re-read the data: every poll interval."""
    interval = settings.poll_interval_seconds or DEFAULT_REFRESH_SECONDS
    return max(interval, MIN_REFRESH_SECONDS)


def cache_seconds(settings: Settings) -> float:
    """Half a refresh: a page re-read after a sync never gets rows cached before it."""
    return refresh_seconds(settings) / 2
