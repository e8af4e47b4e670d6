"""Calendar arithmetic on day ordinals (date.toordinal()) held in numpy arrays."""

from datetime import date

import numpy as np

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
SECONDS_PER_DAY = 86_400
WORKING_DAYS_PER_WEEK = 5


def weekday_of(ordinals: np.ndarray) -> np.ndarray:
    """0 = Monday ... 6 = Sunday, like date.weekday()."""
    return (ordinals - 1) % 7


def month_of(ordinals: np.ndarray) -> np.ndarray:
    months = (ordinals - EPOCH_ORDINAL).astype("datetime64[D]").astype("datetime64[M]")
    return months.astype(np.int64) % 12 + 1


def iso_dates(ordinals: np.ndarray) -> list[str]:
    return np.datetime_as_string((ordinals - EPOCH_ORDINAL).astype("datetime64[D]")).tolist()


def iso_timestamps(epoch_seconds: np.ndarray) -> list[str]:
    """ISO-8601 UTC with milliseconds, e.g. 2023-04-05T09:12:33.000Z."""
    moments = epoch_seconds.astype("datetime64[s]")
    return np.datetime_as_string(moments, unit="ms", timezone="UTC").tolist()


def last_working_day_of_span(starts: np.ndarray, working_days: np.ndarray) -> np.ndarray:
    """End ordinal of a leave that starts on a weekday and lasts `working_days` (Mon-Fri)."""
    whole_days = np.maximum(np.ceil(working_days).astype(np.int64), 1) - 1
    weeks, extra = np.divmod(whole_days, WORKING_DAYS_PER_WEEK)
    crosses_weekend = weekday_of(starts) + extra >= WORKING_DAYS_PER_WEEK
    return starts + weeks * 7 + extra + np.where(crosses_weekend, 2, 0)
