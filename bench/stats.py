"""Repeated measurements summarised as median, minimum and maximum."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    median: float
    minimum: float
    maximum: float
    runs: int

    def as_json(self) -> dict[str, float | int]:
        return {
            "median": round(self.median, 4),
            "min": round(self.minimum, 4),
            "max": round(self.maximum, 4),
            "runs": self.runs,
        }

    def cell(self, unit: str = "s", digits: int = 2) -> str:
        """`7.91 s (7.80-8.10)`, or just the value for a single run."""
        value = f"{self.median:.{digits}f} {unit}".strip()
        if self.runs == 1:
            return value
        return f"{value} ({self.minimum:.{digits}f}-{self.maximum:.{digits}f})"


def summarise(values: Sequence[float]) -> Summary:
    if not values:
        raise ValueError("nothing to summarise")
    return Summary(statistics.median(values), min(values), max(values), len(values))
