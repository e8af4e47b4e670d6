"""Records kept as ready-to-send JSON bytes, indexed by id order and date span."""

from collections import OrderedDict

import numpy as np

CACHED_WINDOWS = 16


class LeaveStore:
    """Position i holds the i-th record by id; ids only grow, so positions are id order."""

    def __init__(
        self,
        ids: np.ndarray,
        starts: np.ndarray,
        ends: np.ndarray,
        statuses: np.ndarray,
        updated: np.ndarray,
        bodies: list[bytes],
        v2: np.ndarray,
    ) -> None:
        self.ids = ids.astype(np.int64)
        self.starts = starts.astype(np.int64)
        self.ends = ends.astype(np.int64)
        self.statuses = statuses.astype(np.int8)
        self.updated = updated.astype(np.int64)
        self.bodies = bodies
        self.v2 = v2.astype(bool)
        self.windows: OrderedDict[tuple[int | None, int | None], np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self.bodies)

    @property
    def next_id(self) -> int:
        return int(self.ids[-1]) + 1 if len(self.ids) else 1

    def positions_overlapping(self, first_day: int | None, last_day: int | None) -> np.ndarray:
        """Positions of leaves overlapping [first_day, last_day] (day ordinals; None = open)."""
        key = (first_day, last_day)
        if key in self.windows:
            self.windows.move_to_end(key)
            return self.windows[key]
        inside = np.ones(len(self), dtype=bool)
        if first_day is not None:
            inside &= self.ends >= first_day
        if last_day is not None:
            inside &= self.starts <= last_day
        positions = np.flatnonzero(inside)
        self.windows[key] = positions
        if len(self.windows) > CACHED_WINDOWS:
            self.windows.popitem(last=False)
        return positions

    def appended(
        self,
        ids: np.ndarray,
        starts: np.ndarray,
        ends: np.ndarray,
        statuses: np.ndarray,
        updated: np.ndarray,
        bodies: list[bytes],
        v2: np.ndarray,
    ) -> None:
        self.ids = np.concatenate([self.ids, ids.astype(np.int64)])
        self.starts = np.concatenate([self.starts, starts.astype(np.int64)])
        self.ends = np.concatenate([self.ends, ends.astype(np.int64)])
        self.statuses = np.concatenate([self.statuses, statuses.astype(np.int8)])
        self.updated = np.concatenate([self.updated, updated.astype(np.int64)])
        self.v2 = np.concatenate([self.v2, v2.astype(bool)])
        self.bodies.extend(bodies)
        self.windows.clear()

    def replaced(self, position: int, body: bytes, status: int, updated: int) -> None:
        self.bodies[position] = body
        self.statuses[position] = status
        self.updated[position] = updated
