from visualization.charts.palette import (
    LEAVE_TYPE_COLOURS,
    OTHER_STATUS_COLOUR,
    SPARE_COLOURS,
    STATUS_COLOURS,
    leave_type_colour,
    status_colour,
)


def test_a_known_leave_type_has_its_own_colour():
    assert leave_type_colour("Sick Leave") == LEAVE_TYPE_COLOURS["Sick Leave"]


def test_an_unknown_leave_type_always_gets_the_same_spare_colour():
    assert leave_type_colour("Study Leave") == leave_type_colour("Study Leave")
    assert leave_type_colour("Study Leave") in SPARE_COLOURS


def test_each_documented_status_has_a_distinct_colour():
    assert len(set(STATUS_COLOURS.values())) == 4
    assert status_colour("REJECTED") == STATUS_COLOURS["REJECTED"]


def test_an_undocumented_status_gets_the_other_colour():
    assert status_colour("ON_HOLD") == OTHER_STATUS_COLOUR
