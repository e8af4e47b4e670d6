import pandas as pd

from visualization.filters.choices import FilterChoices, distinct_labels, filter_choices

FILTER_VALUES = pd.DataFrame(
    [
        ("fiscal_year", "102", "2024/25"),
        ("fiscal_year", "101", "2023/24"),
        ("department", "Data", "Data"),
        ("designation", "3", "Engineer"),
        ("designation", "4", "Engineer"),
        ("leave_type", "1", "Annual Leave"),
        ("status", "APPROVED", "APPROVED"),
        ("employee", "11", "Asha Karki"),
    ],
    columns=["filter", "value", "label"],
)


def test_choices_keep_the_kpis_order_and_turn_ids_into_numbers():
    choices = filter_choices(FILTER_VALUES, current_fiscal_year=102)
    assert choices.fiscal_year == {102: "2024/25", 101: "2023/24"}
    assert choices.department == {"Data": "Data"}
    assert choices.leave_type == {1: "Annual Leave"}
    assert choices.current_fiscal_year == 102


def test_values_sharing_a_label_get_their_value_added():
    assert distinct_labels([(3, "Engineer"), (4, "Engineer"), (5, "Analyst")]) == {
        3: "Engineer (#3)",
        4: "Engineer (#4)",
        5: "Analyst",
    }


def test_no_filter_values_offer_nothing():
    assert filter_choices(pd.DataFrame(), current_fiscal_year=None) == FilterChoices()
