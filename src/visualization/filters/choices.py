"""What each filter offers: values with the labels a person picks them by."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class FilterChoices:
    """Per filter, value → label in display order (the URL carries the labels)."""

    fiscal_year: dict[int, str] = field(default_factory=dict)
    department: dict[str, str] = field(default_factory=dict)
    designation: dict[int, str] = field(default_factory=dict)
    leave_type: dict[int, str] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    current_fiscal_year: int | None = None


ID_FILTERS = ("fiscal_year", "designation", "leave_type")
TEXT_FILTERS = ("department", "status")


def distinct_labels(pairs: list[tuple[Any, str]]) -> dict[Any, str]:
    """Labels as given, with the value added where two values share one, so that a label
    (which is what the URL keeps) always names one value."""
    repeated = {label for label, count in Counter(label for _, label in pairs).items() if count > 1}
    return {value: f"{label} (#{value})" if label in repeated else label for value, label in pairs}


def filter_choices(filter_values: pd.DataFrame, current_fiscal_year: int | None) -> FilterChoices:
    """From the rows of the `filter_values` KPI: (filter, value, label)."""
    if filter_values.empty:
        return FilterChoices()
    by_filter: dict[str, dict[Any, str]] = {}
    for name in ID_FILTERS + TEXT_FILTERS:
        rows = filter_values[filter_values["filter"] == name]
        convert = int if name in ID_FILTERS else str
        pairs = [
            (convert(value), label)
            for value, label in zip(rows["value"], rows["label"], strict=True)
        ]
        by_filter[name] = distinct_labels(pairs)
    return FilterChoices(**by_filter, current_fiscal_year=current_fiscal_year)
