"""Draws the parts of a leave that do not depend on when it was applied for."""

import numpy as np

from vyaguta_demo.days import last_working_day_of_span
from vyaguta_demo.leave_types import LEAVE_TYPES
from vyaguta_demo.plan import LeavePlan
from vyaguta_demo.statuses import REQUESTED
from vyaguta_demo.workforce import Workforce

REASSIGNED_ISSUER_SHARE = 0.05
CONVERTED_SHARE = 0.02
PICK_RANGE = 1 << 30
TYPE_SHARES = np.array([t.share for t in LEAVE_TYPES])
FOR_FEMALE = np.array([t.eligible != "male" for t in LEAVE_TYPES])
FOR_MALE = np.array([t.eligible != "female" for t in LEAVE_TYPES])
CALENDAR_COUNTED = np.array([t.counts_calendar_days for t in LEAVE_TYPES])


def sample_leaves(rng: np.random.Generator, workforce: Workforce, starts: np.ndarray) -> LeavePlan:
    """Leaves starting on `starts`, not yet applied for (created/updated are filled later)."""
    count = len(starts)
    weights = workforce.leave_propensity / workforce.leave_propensity.sum()
    employees = rng.choice(len(weights), size=count, p=weights)
    leave_types = sample_leave_types(rng, workforce.female[employees])
    half_days = sample_half_days(rng, leave_types)
    return LeavePlan(
        employee=employees,
        current_issuer=sample_current_issuers(rng, workforce, employees),
        leave_type=leave_types,
        start=starts,
        end=span_ends(starts, leave_types, half_days),
        half_days=half_days,
        status=np.full(count, REQUESTED, dtype=np.int8),
        created=np.zeros(count, dtype=np.int64),
        updated=np.zeros(count, dtype=np.int64),
        reason_pick=rng.integers(0, PICK_RANGE, count),
        remark_pick=rng.integers(0, PICK_RANGE, count),
        converted=rng.random(count) < CONVERTED_SHARE,
    )


def sample_leave_types(rng: np.random.Generator, female: np.ndarray) -> np.ndarray:
    """Type per leave; gender-specific types are redrawn for people they do not apply to."""
    female_shares = np.where(FOR_FEMALE, TYPE_SHARES, 0.0)
    male_shares = np.where(FOR_MALE, TYPE_SHARES, 0.0)
    types = np.empty(len(female), dtype=np.int64)
    types[female] = rng.choice(
        len(LEAVE_TYPES), female.sum(), p=female_shares / female_shares.sum()
    )
    types[~female] = rng.choice(
        len(LEAVE_TYPES), (~female).sum(), p=male_shares / male_shares.sum()
    )
    return types


def sample_half_days(rng: np.random.Generator, leave_types: np.ndarray) -> np.ndarray:
    half_days = np.empty(len(leave_types), dtype=np.int64)
    for index, leave_type in enumerate(LEAVE_TYPES):
        rows = np.flatnonzero(leave_types == index)
        options = np.array([round(days * 2) for days in leave_type.durations])
        shares = np.array(list(leave_type.durations.values()))
        half_days[rows] = rng.choice(options, size=len(rows), p=shares / shares.sum())
    return half_days


def span_ends(starts: np.ndarray, leave_types: np.ndarray, half_days: np.ndarray) -> np.ndarray:
    """Working-day leaves skip weekends, so leaveDays can be shorter than the calendar span."""
    working_end = last_working_day_of_span(starts, half_days / 2)
    calendar_end = starts + np.maximum(half_days // 2, 1) - 1
    return np.where(CALENDAR_COUNTED[leave_types], calendar_end, working_end)


def sample_current_issuers(
    rng: np.random.Generator, workforce: Workforce, employees: np.ndarray
) -> np.ndarray:
    issuers = np.array([e.issuer for e in workforce.employees])[employees]
    reassigned = rng.random(len(employees)) < REASSIGNED_ISSUER_SHARE
    others = workforce.supervisors[rng.integers(0, len(workforce.supervisors), len(employees))]
    moved = reassigned & (others != issuers) & (others != employees)
    return np.where(moved, others, issuers)
