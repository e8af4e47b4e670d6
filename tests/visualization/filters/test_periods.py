from datetime import date

import pandas as pd

from db.kpi.filters import KpiFilters
from visualization.data.fiscal_years import current_fiscal_year
from visualization.filters.periods import (
    approved_leave_within,
    days_in_focus,
    fiscal_year_in_focus,
    fiscal_year_label,
)

YEARS = pd.DataFrame(
    {
        "id": [103, 102, 101],
        "start_date": [date(2025, 7, 16), date(2024, 7, 16), date(2023, 7, 17)],
        "end_date": [date(2026, 7, 16), date(2025, 7, 16), date(2024, 7, 15)],
        "is_current": [False, True, False],
    }
)
TODAY = date(2025, 3, 12)


def test_the_current_fiscal_year_is_the_one_the_records_flag():
    assert current_fiscal_year(YEARS, TODAY) == 102


def test_without_a_flag_the_current_fiscal_year_is_the_newest_begun():
    assert current_fiscal_year(YEARS.assign(is_current=False), TODAY) == 102


def test_without_any_begun_the_current_fiscal_year_is_the_newest():
    assert current_fiscal_year(YEARS.assign(is_current=False), date(2020, 1, 1)) == 103


def test_no_fiscal_years_have_no_current_one():
    assert current_fiscal_year(YEARS[:0], TODAY) is None


def test_the_fiscal_year_in_focus_is_the_newest_chosen():
    year = fiscal_year_in_focus(YEARS, KpiFilters(fiscal_year=(101, 103)), TODAY)
    assert year["id"] == 103


def test_without_a_choice_the_fiscal_year_in_focus_is_the_current_one():
    assert fiscal_year_in_focus(YEARS, KpiFilters(), TODAY)["id"] == 102


def test_a_fiscal_year_is_labelled_as_the_filter_labels_it():
    assert fiscal_year_label(YEARS.iloc[1].to_dict()) == "2024/25"


def test_the_days_in_focus_are_the_fiscal_year_narrowed_to_the_date_range():
    year = YEARS.iloc[1].to_dict()
    filters = KpiFilters(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert days_in_focus(year, filters) == (date(2025, 1, 1), date(2025, 7, 16))


def test_a_date_range_outside_the_fiscal_year_leaves_no_days():
    year = YEARS.iloc[1].to_dict()
    assert days_in_focus(year, KpiFilters(date_from=date(2026, 1, 1))) is None


def test_approved_leave_within_keeps_people_filters_and_replaces_the_period():
    filters = KpiFilters(
        fiscal_year=(102,), department=("Data",), leave_type=(1,), status=("REJECTED",)
    )
    assert approved_leave_within(filters, TODAY, TODAY) == KpiFilters(
        department=("Data",),
        leave_type=(1,),
        status=("APPROVED",),
        date_from=TODAY,
        date_to=TODAY,
    )
