import math

from visualization.ui import formats


def test_days_have_one_decimal_and_thousands_separators():
    assert formats.days(1234.56) == "1,234.6 d"


def test_counts_are_whole_numbers_with_thousands_separators():
    assert formats.count(161450) == "161,450"


def test_shares_are_percentages_with_one_decimal():
    assert formats.share(0.8462) == "84.6%"


def test_a_missing_number_shows_as_a_dash():
    assert [formats.days(None), formats.share(math.nan), formats.count(None)] == ["—"] * 3
