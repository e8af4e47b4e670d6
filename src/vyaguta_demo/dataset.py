"""The generated leave records for a seed: the single source both the server and tests use."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from vyaguta_demo.fiscal import FiscalYear, fiscal_years_ending
from vyaguta_demo.history import plan_history
from vyaguta_demo.plan import LeavePlan
from vyaguta_demo.records import Record, render_records
from vyaguta_demo.workforce import Workforce, hire_workforce

RECORDS_PER_EMPLOYEE = 107
MIN_EMPLOYEES, MAX_EMPLOYEES = 40, 15_000
FIRST_LEAVE_ID = 1


@dataclass(frozen=True, slots=True)
class Dataset:
    seed: int
    today: date
    years: tuple[FiscalYear, ...]
    workforce: Workforce
    plan: LeavePlan

    def records(self) -> Iterator[Record]:
        """v1 records ordered by id, built lazily so millions never sit in memory as dicts."""
        return render_records(self.plan, self.workforce.employees, self.years, FIRST_LEAVE_ID)


def headcount_for(records: int) -> int:
    """About 1,500 people for the realistic 160,000 records; scales with the record count."""
    return int(np.clip(round(records / RECORDS_PER_EMPLOYEE), MIN_EMPLOYEES, MAX_EMPLOYEES))


def build_dataset(records: int, seed: int, today: date | None = None) -> Dataset:
    today = today or date.today()
    years = fiscal_years_ending(today)
    workforce = hire_workforce(headcount_for(records), np.random.default_rng([seed, 1]))
    plan = plan_history(records, np.random.default_rng([seed, 2]), workforce, years, today)
    return Dataset(seed=seed, today=today, years=years, workforce=workforce, plan=plan)


def generate(records: int = 20_000, seed: int = 42, today: date | None = None) -> list[Record]:
    """Exactly the records `python -m vyaguta_demo --records N --seed S` serves (v1 shape)."""
    return list(build_dataset(records, seed, today).records())
