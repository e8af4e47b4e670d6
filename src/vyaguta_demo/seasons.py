"""How likely a leave is to start on a given day: festivals, fiscal year end, weekdays."""

import numpy as np

from vyaguta_demo.days import month_of, weekday_of

# Dashain and Tihar fall in Oct/Nov; June/July is the fiscal year end crunch.
MONTH_FACTORS = np.array([0.0, 0.95, 0.9, 1.0, 1.1, 0.95, 0.7, 0.7, 1.0, 1.05, 1.55, 1.5, 1.2])
# Monday .. Sunday; weekends are not working days, so no leave starts on them.
WEEKDAY_FACTORS = np.array([1.3, 0.9, 0.8, 0.9, 1.35, 0.0, 0.0])
YEARLY_GROWTH = 0.08


def start_day_weights(ordinals: np.ndarray) -> np.ndarray:
    """Relative weight of each day as a leave start; the company grows a little each year."""
    years_in = (ordinals - ordinals.min()) / 365.25
    growth = 1 + YEARLY_GROWTH * years_in
    return MONTH_FACTORS[month_of(ordinals)] * WEEKDAY_FACTORS[weekday_of(ordinals)] * growth
