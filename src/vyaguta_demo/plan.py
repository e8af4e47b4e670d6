"""A batch of leaves as numpy columns, before they become records."""

from dataclasses import dataclass, fields, replace

import numpy as np


@dataclass(frozen=True, slots=True)
class LeavePlan:
    """One row per leave; indices point into the workforce and the leave types.

    `reason_pick` and `remark_pick` are free random integers, reduced modulo the number of
    texts available at render time, so a status change keeps the pick stable.
    """

    employee: np.ndarray
    current_issuer: np.ndarray
    leave_type: np.ndarray
    start: np.ndarray
    end: np.ndarray
    half_days: np.ndarray
    status: np.ndarray
    created: np.ndarray
    updated: np.ndarray
    reason_pick: np.ndarray
    remark_pick: np.ndarray
    converted: np.ndarray

    def __len__(self) -> int:
        return len(self.employee)


def rows_of(plan: LeavePlan, rows: np.ndarray) -> LeavePlan:
    """The plan restricted to (and ordered like) the given row positions."""
    return replace(plan, **{f.name: getattr(plan, f.name)[rows] for f in fields(plan)})


def sliced(plan: LeavePlan, begin: int, stop: int) -> LeavePlan:
    return replace(plan, **{f.name: getattr(plan, f.name)[begin:stop] for f in fields(plan)})
