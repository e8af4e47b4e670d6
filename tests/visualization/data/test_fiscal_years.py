from datetime import date

import pandas as pd

from visualization.data.fiscal_years import current_fiscal_year, fiscal_years_among

FILTER_VALUES = pd.DataFrame.from_records(
    [
        ("fiscal_year", "103", "2025/26", date(2025, 7, 17), date(2026, 7, 16), True),
        ("fiscal_year", "102", "2024/25", date(2024, 7, 16), date(2025, 7, 16), False),
        ("department", "Data", "Data", None, None, None),
        ("status", "APPROVED", "APPROVED", None, None, None),
    ],
    columns=["filter", "value", "label", "start_date", "end_date", "is_current"],
)


def test_the_fiscal_years_are_the_filter_values_fiscal_year_rows():
    years = fiscal_years_among(FILTER_VALUES)
    assert years.to_dict("records") == [
        {
            "id": 103,
            "start_date": date(2025, 7, 17),
            "end_date": date(2026, 7, 16),
            "is_current": True,
        },
        {
            "id": 102,
            "start_date": date(2024, 7, 16),
            "end_date": date(2025, 7, 16),
            "is_current": False,
        },
    ]


def test_the_current_flag_read_from_the_filter_values_picks_the_current_year():
    assert current_fiscal_year(fiscal_years_among(FILTER_VALUES), date(2025, 3, 1)) == 103


def test_no_filter_values_give_no_fiscal_years():
    years = fiscal_years_among(pd.DataFrame())
    assert years.empty
    assert current_fiscal_year(years, date(2025, 3, 1)) is None
