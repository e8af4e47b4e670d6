"""How long each page takes to render its data server-side, cold and warm, under AppTest.

    python -m visualization.benchmark [--rounds N] [--employee ID]

Reads the database the dashboard would (DATABASE_URL, or the embedded server), at whatever
size its data has: load it first, e.g. with `make run`, whose poller syncs the demo upstream's
161,450 records. Cold is the first render after the caches are cleared; warm, the next one.
"""

import argparse
import statistics
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from visualization.database.shared import shared_reader

APP = Path(__file__).resolve().parent / "app.py"
PAGES = ("overview", "trends", "heatmaps", "employees", "availability", "approvals", "data_quality")
TARGETS = {"cold": 3.0, "warm": 1.0}


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="renders per page (default: 3)")
    parser.add_argument(
        "--employee", type=int, help="employee id the Employees page shows (default: the first)"
    )
    return parser.parse_args()


def render_seconds(page: str, employee: int | None, clear_caches: bool) -> float:
    if clear_caches:
        st.cache_data.clear()
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.switch_page(f"app_pages/{page}.py")
    if employee is not None:
        app.session_state["employee"] = employee
    started = time.perf_counter()
    app.run()
    elapsed = time.perf_counter() - started
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].message}")
    return elapsed


def main() -> None:
    arguments = parse_arguments()
    reader = shared_reader()
    leaves = reader.fetch("SELECT count(*) AS leaves FROM reporting.leave_facts")[0]["leaves"]
    employee = (
        arguments.employee
        or reader.fetch("SELECT min(employee_id) AS employee_id FROM reporting.employee_facts")[0][
            "employee_id"
        ]
    )
    render_seconds("overview", None, clear_caches=True)  # imports and connects once
    print(f"{leaves:,} leave records; median of {arguments.rounds} render(s), in seconds\n")
    print(f"{'page':<14} {'cold':>6} {'warm':>6}  within target")
    for page in PAGES:
        cold = [render_seconds(page, employee, True) for _ in range(arguments.rounds)]
        warm = [render_seconds(page, employee, False) for _ in range(arguments.rounds)]
        medians = {"cold": statistics.median(cold), "warm": statistics.median(warm)}
        verdict = all(medians[kind] <= TARGETS[kind] for kind in TARGETS)
        print(f"{page:<14} {medians['cold']:>6.2f} {medians['warm']:>6.2f}  {verdict}")


if __name__ == "__main__":
    main()
