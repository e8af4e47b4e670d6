"""Running Locust headless as a subprocess and reading its CSV statistics."""

import csv
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.machine import REPOSITORY


@dataclass(frozen=True)
class LocustTotals:
    requests: int
    failures: int
    requests_per_second: float
    median_ms: float
    p95_ms: float
    exit_code: int

    def as_json(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "failures": self.failures,
            "requests_per_second": round(self.requests_per_second, 1),
            "median_ms": self.median_ms,
            "p95_ms": self.p95_ms,
            "exit_code": self.exit_code,
        }


def number(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:  # "N/A" when Locust had nothing to compute it from
        return float("nan")


def aggregated_row(stats_csv: Path) -> dict[str, str]:
    with stats_csv.open(newline="") as file:
        for row in csv.DictReader(file):
            if row["Name"] == "Aggregated":
                return row
    raise ValueError(f"no Aggregated row in {stats_csv}")


def run_locust(
    locustfile: Path,
    host: str,
    *,
    users: int,
    spawn_rate: float,
    run_time: str,
    csv_prefix: Path,
    user_classes: list[str] | None = None,
    extra: list[str] | None = None,
    environment: dict[str, str] | None = None,
) -> LocustTotals:
    """One headless run; its totals come from the `_stats.csv` Locust writes."""
    csv_prefix.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "locust", "-f", str(locustfile), "--headless"]
    command += ["--host", host, "-u", str(users), "-r", str(spawn_rate), "-t", run_time]
    command += ["--csv", str(csv_prefix), "--only-summary", "--stop-timeout", "10"]
    command += [*(extra or []), *(user_classes or [])]
    log = csv_prefix.with_name(csv_prefix.name + ".log")
    with log.open("wb") as output:
        done = subprocess.run(
            command,
            cwd=REPOSITORY,
            env={**os.environ, **(environment or {})},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    row = aggregated_row(csv_prefix.with_name(csv_prefix.name + "_stats.csv"))
    return LocustTotals(
        requests=int(row["Request Count"]),
        failures=int(row["Failure Count"]),
        requests_per_second=number(row["Requests/s"]),
        median_ms=number(row["Median Response Time"]),
        p95_ms=number(row["95%"]),
        exit_code=done.returncode,
    )
