"""Nepal's fiscal years, mid-July to mid-July, ending with the one that contains today."""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

FISCAL_YEAR_COUNT = 5
CURRENT_FISCAL_ID = 103
FIRST_MONTH, FIRST_DAY = 7, 17


@dataclass(frozen=True, slots=True)
class FiscalYear:
    id: int
    start: date
    end: date
    is_current: bool


def fiscal_year_start_containing(day: date) -> date:
    start = date(day.year, FIRST_MONTH, FIRST_DAY)
    return start if day >= start else date(day.year - 1, FIRST_MONTH, FIRST_DAY)


def fiscal_years_ending(today: date) -> tuple[FiscalYear, ...]:
    """The five fiscal years up to and including the current one, oldest first."""
    current_start = fiscal_year_start_containing(today)
    years = []
    for back in range(FISCAL_YEAR_COUNT - 1, -1, -1):
        start = date(current_start.year - back, FIRST_MONTH, FIRST_DAY)
        end = date(start.year + 1, FIRST_MONTH, FIRST_DAY) - timedelta(days=1)
        years.append(FiscalYear(CURRENT_FISCAL_ID - back, start, end, back == 0))
    return tuple(years)


def fiscal_index_of_days(years: tuple[FiscalYear, ...], ordinals: np.ndarray) -> np.ndarray:
    """Position in `years` of the fiscal year each day ordinal falls in."""
    starts = np.array([year.start.toordinal() for year in years])
    return np.clip(np.searchsorted(starts, ordinals, side="right") - 1, 0, len(years) - 1)
