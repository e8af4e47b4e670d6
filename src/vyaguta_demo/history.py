"""Five fiscal years of leave history: when people applied and what became of it."""

from dataclasses import replace
from datetime import date

import numpy as np

from vyaguta_demo.days import EPOCH_ORDINAL, SECONDS_PER_DAY
from vyaguta_demo.fiscal import FiscalYear
from vyaguta_demo.leave_types import LEAVE_TYPES
from vyaguta_demo.plan import LeavePlan, rows_of
from vyaguta_demo.sampling import sample_leaves
from vyaguta_demo.seasons import start_day_weights
from vyaguta_demo.statuses import DECIDED_SHARES, REQUESTED, REQUESTED_SHARE
from vyaguta_demo.workforce import Workforce

UPCOMING_DAYS = 60
SICK_TYPE = next(i for i, t in enumerate(LEAVE_TYPES) if t.name.startswith("Sick"))
LATE_SHARE_SICK, LATE_SHARE_OTHER = 0.45, 0.04
NOTICE_DAYS_SICK, NOTICE_DAYS_OTHER = 1.5, 10.0
OFFICE_OPENS_UTC = 3 * 3600 + 15 * 60
OFFICE_HOURS = 9 * 3600
REQUESTED_WHEN_FRESH = 0.9
PENDING_DECAY_DAYS = 30.0
OVERSAMPLING = 1.05


def plan_history(
    records: int,
    rng: np.random.Generator,
    workforce: Workforce,
    years: tuple[FiscalYear, ...],
    today: date,
) -> LeavePlan:
    """Leaves from the first fiscal year up to a few weeks ahead, in application order.

    Leaves are drawn by start day, and those nobody has applied for yet (applied after
    `today`) are dropped, so upcoming leave thins out the further ahead it is.
    """
    first = years[0].start.toordinal()
    horizon = min(today.toordinal() + UPCOMING_DAYS, years[-1].end.toordinal())
    days = np.arange(first, horizon + 1)
    weights = start_day_weights(days)
    future_share = weights[days >= today.toordinal()].sum() / weights.sum()
    drawn = int(records / (1 - future_share) * OVERSAMPLING) + 100
    starts = rng.choice(days, size=drawn, p=weights / weights.sum())
    plan = sample_leaves(rng, workforce, starts)
    generated_at = (today.toordinal() - EPOCH_ORDINAL) * SECONDS_PER_DAY
    created = application_moments(rng, plan)
    applied = np.flatnonzero(created < generated_at)[:records]
    plan = rows_of(replace(plan, created=created), applied)
    status = pending_or_decided(rng, plan.created, generated_at)
    updated = decision_moments(rng, plan.created, status, generated_at)
    plan = replace(plan, status=status, updated=updated)
    return rows_of(plan, np.argsort(plan.created, kind="stable"))


def application_moments(rng: np.random.Generator, plan: LeavePlan) -> np.ndarray:
    """Applied some days ahead in office hours; sick leave is often applied for afterwards."""
    count = len(plan)
    sick = plan.leave_type == SICK_TYPE
    late = rng.random(count) < np.where(sick, LATE_SHARE_SICK, LATE_SHARE_OTHER)
    notice = np.ceil(rng.exponential(np.where(sick, NOTICE_DAYS_SICK, NOTICE_DAYS_OTHER)))
    offset_days = np.where(late, rng.integers(1, 4, count), -notice).astype(np.int64)
    day = plan.start + offset_days - EPOCH_ORDINAL
    return day * SECONDS_PER_DAY + OFFICE_OPENS_UTC + rng.integers(0, OFFICE_HOURS, count)


def pending_or_decided(rng: np.random.Generator, created: np.ndarray, now: int) -> np.ndarray:
    """Recent applications are mostly still REQUESTED; the overall share is REQUESTED_SHARE."""
    freshness = np.exp(-(now - created) / SECONDS_PER_DAY / PENDING_DECAY_DAYS)
    mean_fresh = freshness.mean()
    stale_rate = (REQUESTED_SHARE - REQUESTED_WHEN_FRESH * mean_fresh) / (1 - mean_fresh)
    stale_rate = float(np.clip(stale_rate, 0.0, REQUESTED_SHARE))
    pending = (
        rng.random(len(created)) < stale_rate + (REQUESTED_WHEN_FRESH - stale_rate) * freshness
    )
    outcomes = np.array(list(DECIDED_SHARES))
    shares = np.array(list(DECIDED_SHARES.values()))
    decided = rng.choice(outcomes, size=len(created), p=shares / shares.sum())
    return np.where(pending, REQUESTED, decided).astype(np.int8)


def decision_moments(
    rng: np.random.Generator, created: np.ndarray, status: np.ndarray, latest: int
) -> np.ndarray:
    """Managers answer within hours, sometimes days; undecided requests keep createdAt."""
    latency = rng.lognormal(np.log(6 * 3600), 1.3, len(created)).astype(np.int64) + 60
    decided_at = np.maximum(created, np.minimum(created + latency, latest - 1))
    return np.where(status == REQUESTED, created, decided_at)
