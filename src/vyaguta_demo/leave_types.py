"""Leave types with their yearly allotments, who may take them and how long they last."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LeaveType:
    """`durations` maps leave days to a probability: 0.5 is a half day, whole numbers are
    working days (calendar days when `counts_calendar_days`)."""

    id: int
    name: str
    default_days: int
    transferable_days: int
    is_consecutive: bool
    share: float
    eligible: str
    durations: dict[float, float]
    reasons: tuple[str, ...]
    counts_calendar_days: bool = False


LEAVE_TYPES: tuple[LeaveType, ...] = (
    LeaveType(
        id=1,
        name="Annual Leave",
        default_days=13,
        transferable_days=8,
        is_consecutive=False,
        share=0.36,
        eligible="all",
        durations={0.5: 0.10, 1: 0.55, 2: 0.12, 3: 0.08, 4: 0.05, 5: 0.06, 7: 0.02, 10: 0.02},
        reasons=(
            "Family trip",
            "Personal work",
            "Vacation",
            "Visiting home town",
            "Wedding in the family",
            "Trekking",
            "Festival celebration",
        ),
    ),
    LeaveType(
        id=2,
        name="Sick Leave",
        default_days=12,
        transferable_days=0,
        is_consecutive=False,
        share=0.25,
        eligible="all",
        durations={0.5: 0.15, 1: 0.55, 2: 0.18, 3: 0.08, 5: 0.04},
        reasons=(
            "Fever",
            "Flu",
            "Doctor's appointment",
            "Migraine",
            "Food poisoning",
            "Dental treatment",
        ),
    ),
    LeaveType(
        id=3,
        name="Discretionary Leave",
        default_days=10,
        transferable_days=0,
        is_consecutive=False,
        share=0.17,
        eligible="all",
        durations={0.5: 0.15, 1: 0.75, 2: 0.10},
        reasons=("Bank work", "House shifting", "Government office visit", "Personal errand"),
    ),
    LeaveType(
        id=4,
        name="Bereavement Leave",
        default_days=13,
        transferable_days=0,
        is_consecutive=True,
        share=0.015,
        eligible="all",
        durations={3: 0.2, 5: 0.3, 10: 0.2, 13: 0.3},
        reasons=("Death in the family", "Funeral rites"),
    ),
    LeaveType(
        id=5,
        name="Paternity Leave",
        default_days=10,
        transferable_days=0,
        is_consecutive=True,
        share=0.012,
        eligible="male",
        durations={5: 0.3, 10: 0.7},
        reasons=("Birth of child",),
    ),
    LeaveType(
        id=6,
        name="Maternity Leave",
        default_days=98,
        transferable_days=0,
        is_consecutive=True,
        share=0.004,
        eligible="female",
        durations={60: 0.2, 98: 0.8},
        reasons=("Maternity",),
        counts_calendar_days=True,
    ),
    LeaveType(
        id=7,
        name="Menstruation Leave",
        default_days=6,
        transferable_days=0,
        is_consecutive=False,
        share=0.05,
        eligible="female",
        durations={1: 1.0},
        reasons=("Menstruation leave",),
    ),
    LeaveType(
        id=8,
        name="Compensatory Leave",
        default_days=0,
        transferable_days=0,
        is_consecutive=False,
        share=0.09,
        eligible="all",
        durations={0.5: 0.3, 1: 0.7},
        reasons=("Worked on weekend release", "Worked on public holiday", "On-call compensation"),
    ),
    LeaveType(
        id=9,
        name="Leave Without Pay",
        default_days=0,
        transferable_days=0,
        is_consecutive=False,
        share=0.049,
        eligible="all",
        durations={1: 0.5, 2: 0.2, 5: 0.2, 10: 0.1},
        reasons=("Extended travel", "Personal reasons", "Higher studies exam"),
    ),
)
