"""Numbers as the pages print them."""

import math

MISSING = "—"


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def days(value: float | None) -> str:
    return MISSING if is_missing(value) else f"{value:,.1f} d"


def count(value: float | None) -> str:
    return MISSING if is_missing(value) else f"{int(value):,}"


def share(value: float | None) -> str:
    return MISSING if is_missing(value) else f"{value:.1%}"
