from datetime import date

from db.kpi.filters import KpiFilters
from visualization.filters.choices import FilterChoices
from visualization.filters.selection import default_selection, kpi_filters

CHOICES = FilterChoices(
    fiscal_year={102: "2024/25", 101: "2023/24"},
    status={"APPROVED": "APPROVED", "REQUESTED": "REQUESTED"},
    current_fiscal_year=102,
)


def test_the_default_is_the_current_fiscal_year_and_approved_leave():
    assert default_selection(CHOICES) == {
        "fiscal_year": [102],
        "department": [],
        "designation": [],
        "leave_type": [],
        "status": ["APPROVED"],
        "date_from": None,
        "date_to": None,
    }


def test_without_fiscal_years_the_default_filters_no_year():
    assert default_selection(FilterChoices())["fiscal_year"] == []


def test_widget_values_become_kpi_filters():
    selection = {
        "fiscal_year": [102, 101],
        "department": ["Data"],
        "designation": [3],
        "leave_type": [],
        "status": ["APPROVED", "REQUESTED"],
        "date_from": date(2024, 8, 1),
        "date_to": date(2024, 8, 31),
    }
    assert kpi_filters(selection) == KpiFilters(
        fiscal_year=(102, 101),
        department=("Data",),
        designation=(3,),
        status=("APPROVED", "REQUESTED"),
        date_from=date(2024, 8, 1),
        date_to=date(2024, 8, 31),
    )


def test_empty_widgets_filter_nothing():
    assert kpi_filters({"fiscal_year": [], "date_from": None, "date_to": None}) == KpiFilters()


def test_a_date_range_may_be_open_at_either_end():
    assert kpi_filters({"date_to": date(2024, 8, 31)}) == KpiFilters(date_to=date(2024, 8, 31))
