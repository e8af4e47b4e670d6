"""Live mode: new applications arrive and issuers decide pending ones, tick by tick."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import numpy as np
import orjson

from vyaguta_demo.dataset import Dataset
from vyaguta_demo.days import iso_timestamps
from vyaguta_demo.records import render_records
from vyaguta_demo.sampling import sample_leaves
from vyaguta_demo.seasons import start_day_weights
from vyaguta_demo.shapes import Shaper, record_decided, stored_json
from vyaguta_demo.statuses import REMARKS, REQUESTED, STATUSES
from vyaguta_demo.store import LeaveStore

NEW_PER_TICK = (2, 6)
DECIDED_PER_TICK = (2, 7)
RECENT_PENDING = 200
AHEAD_DAYS = 21
OUTCOMES = {"APPROVED": 0.8, "REJECTED": 0.15, "CANCELLED": 0.05}


@dataclass(frozen=True, slots=True)
class LiveChanges:
    created: list[int]
    updated: list[int]


class LiveMode:
    """Each tick draws from its own seeded stream; timestamps come from the live clock."""

    def __init__(self, dataset: Dataset, store: LeaveStore, shaper: Shaper) -> None:
        self.dataset = dataset
        self.store = store
        self.shaper = shaper
        self.ticks = 0

    def clock(self) -> int:
        """Now in epoch seconds, shifted by however far the dataset's `today` is from ours."""
        shift_days = (self.dataset.today - date.today()).days
        return int(datetime.now(UTC).timestamp()) + shift_days * 86_400

    def tick(self) -> LiveChanges:
        self.ticks += 1
        rng = np.random.default_rng([self.dataset.seed, 3, self.ticks])
        now = self.clock()
        pending = np.flatnonzero(self.store.statuses == REQUESTED)[-RECENT_PENDING:]
        created = self.new_applications(rng, now)
        updated = self.decisions(rng, now, pending)
        return LiveChanges(created=created, updated=updated)

    def new_applications(self, rng: np.random.Generator, now: int) -> list[int]:
        today = self.dataset.today.toordinal()
        last_day = min(today + AHEAD_DAYS, self.dataset.years[-1].end.toordinal())
        days = np.arange(today, last_day + 1)
        weights = start_day_weights(days) + 1e-9
        starts = rng.choice(days, size=int(rng.integers(*NEW_PER_TICK)), p=weights / weights.sum())
        plan = sample_leaves(rng, self.dataset.workforce, starts)
        moments = now + np.arange(len(plan), dtype=np.int64)
        plan = replace(plan, created=moments, updated=moments)
        first_id = self.store.next_id
        records = list(
            render_records(plan, self.dataset.workforce.employees, self.dataset.years, first_id)
        )
        ids = np.arange(first_id, first_id + len(records))
        bodies, v2 = self.shaper.serialized(ids, records)
        self.store.appended(ids, plan.start, plan.end, plan.status, plan.updated, bodies, v2)
        return ids.tolist()

    def decisions(self, rng: np.random.Generator, now: int, pending: np.ndarray) -> list[int]:
        count = min(len(pending), int(rng.integers(*DECIDED_PER_TICK)))
        chosen = rng.choice(pending, size=count, replace=False) if count else pending[:0]
        decided = []
        for position in sorted(chosen.tolist()):
            status = str(rng.choice(list(OUTCOMES), p=list(OUTCOMES.values())))
            code = STATUSES.index(status)
            remarks = REMARKS[code][int(rng.integers(len(REMARKS[code])))]
            updated = max(now, int(self.store.updated[position]) + 1)
            record = orjson.loads(self.store.bodies[position])
            record_decided(record, status, remarks, iso_timestamps(np.array([updated]))[0])
            self.store.replaced(position, stored_json(record), code, updated)
            decided.append(int(self.store.ids[position]))
        return decided
