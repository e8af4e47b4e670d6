"""How old the data is: the time of the last good sync, said the way a person reads it."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Older than this many refresh intervals, the poller has missed runs: worth a warning.
STALE_AFTER_INTERVALS = 3


@dataclass(frozen=True)
class Freshness:
    text: str
    stale: bool


def how_long_ago(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 120 * 60:
        return f"{seconds // 60} min ago"
    if seconds < 48 * 3600:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def known_zone(name: str | None) -> ZoneInfo | None:
    """The browser's zone by name; None (the server's zone) when it sent none or a bogus one."""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def as_local_time(moment: datetime, time_zone: str | None, now: datetime) -> str:
    """HH:MM:SS in the reader's time zone (the server's when unknown); with the date when
    the moment is not today."""
    zone = known_zone(time_zone)
    local = moment.astimezone(zone)
    if local.date() == now.astimezone(zone).date():
        return local.strftime("%H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M:%S")


def describe_freshness(
    last_sync: dict | None, refresh_seconds: float, time_zone: str | None, now: datetime
) -> Freshness:
    """From the last good sync's row (finished_at, age_seconds), or None when there is none."""
    if last_sync is None:
        return Freshness("No sync has succeeded yet: there may be no data to show.", stale=True)
    age = last_sync["age_seconds"]
    moment = as_local_time(last_sync["finished_at"], time_zone, now)
    text = f"Data as of {moment}, {how_long_ago(age)}"
    if age > STALE_AFTER_INTERVALS * refresh_seconds:
        return Freshness(f"{text}. No sync has succeeded since: it may be out of date.", True)
    return Freshness(text, stale=False)
