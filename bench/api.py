"""`python bench/api.py`: throughput of the KPI endpoints against a bare endpoint (/health),
both driven by Locust in the same run, on a stack of its own with N records loaded.

    python bench/api.py                         # 161,450 records, 50 users, 30 s per phase
    python bench/api.py --workers 2 --users 100
    python bench/api.py --smoke --output /tmp/api.json
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import json
from datetime import UTC, datetime
from typing import Any

import httpx

from bench.locust_runs import LocustTotals, run_locust
from bench.machine import describe_machine, load_average
from bench.report import RESULTS_DIR, print_table, write_json
from bench.serving import RunningApi, running_stack, sign_in

USERS_FILE = Path(__file__).resolve().parent / "api_users.py"
SMOKE = {"records": 400, "users": 5, "seconds": 3, "warmup": 1}


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    cli.add_argument("--records", type=int, default=161_450)
    cli.add_argument("--users", type=int, default=50, help="concurrent users, no think time")
    cli.add_argument("--seconds", type=int, default=30, help="length of each measured phase")
    cli.add_argument("--warmup", type=int, default=5, help="seconds of KPI load not counted")
    cli.add_argument("--workers", type=int, default=1, help="uvicorn workers")
    cli.add_argument("--output", type=Path, default=None)
    cli.add_argument("--smoke", action="store_true", help="tiny and short: for tests")
    arguments = cli.parse_args(argv)
    if arguments.smoke:
        for name, value in SMOKE.items():
            setattr(arguments, name, value)
    if arguments.output is None:
        arguments.output = RESULTS_DIR / f"api-{arguments.records}.json"
    return arguments


def kpi_user_environment(api: RunningApi) -> dict[str, str]:
    """A viewer's token and the filter values, fetched once, outside what is measured."""
    headers = sign_in(api.base_url, *api.viewer)
    answer = httpx.get(f"{api.base_url}/meta/filters", headers=headers, timeout=30)
    answer.raise_for_status()
    values = {name: [str(c["value"]) for c in choices] for name, choices in answer.json().items()}
    return {
        "BENCH_API_TOKEN": headers["Authorization"].removeprefix("Bearer "),
        "BENCH_API_FILTERS": json.dumps(values),
    }


def phase(
    api: RunningApi, user_class: str, seconds: int, users: int, label: str, environment: dict
) -> LocustTotals:
    return run_locust(
        USERS_FILE,
        api.base_url,
        users=users,
        spawn_rate=users,
        run_time=f"{seconds}s",
        csv_prefix=RESULTS_DIR / "api" / label,
        user_classes=[user_class],
        environment=environment,
    )


def measure(arguments: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {
        "benchmark": "api",
        "records": arguments.records,
        "users": arguments.users,
        "seconds_per_phase": arguments.seconds,
        "uvicorn_workers": arguments.workers,
        "smoke": arguments.smoke,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": describe_machine(),
    }
    with running_stack(
        arguments.records, workers=arguments.workers, poll_seconds=0, live_interval=0
    ) as api:
        environment = kpi_user_environment(api)
        users, seconds = arguments.users, arguments.seconds
        phase(api, "KpiEndpointUser", arguments.warmup, users, "warmup", environment)
        bare = phase(api, "BareEndpointUser", seconds, users, "bare", environment)
        kpi = phase(api, "KpiEndpointUser", seconds, users, "kpi", environment)
    result |= {
        "bare_endpoint": bare.as_json(),
        "kpi_endpoints": kpi.as_json(),
        "kpi_share_of_bare": round(kpi.requests_per_second / bare.requests_per_second, 3)
        if bare.requests_per_second
        else None,
        "load_average_after": load_average(),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    result["target"] = {
        "goal": "KPI throughput ≥ 50 % of the bare endpoint's",
        "met": bool(result["kpi_share_of_bare"] and result["kpi_share_of_bare"] >= 0.5),
    }
    return result


def print_result(result: dict[str, Any]) -> None:
    rows = []
    for label, key in (
        ("bare endpoint (/health)", "bare_endpoint"),
        ("KPI endpoints", "kpi_endpoints"),
    ):
        totals = result[key]
        rows.append(
            (
                label,
                f"{totals['requests_per_second']:.0f} req/s",
                f"{totals['median_ms']:.0f} ms",
                f"{totals['p95_ms']:.0f} ms",
                f"{totals['failures']} of {totals['requests']}",
            )
        )
    print_table(
        f"API throughput, {result['records']:,} records, {result['users']} users without think "
        f"time, {result['seconds_per_phase']} s each, {result['uvicorn_workers']} uvicorn "
        f"worker(s); load before {result['machine']['load_average_1_5_15']}",
        ("endpoint", "throughput", "median", "p95", "failures"),
        rows,
    )
    share = result["kpi_share_of_bare"]
    verdict = "met" if result["target"]["met"] else "MISSED"
    print(f"\nKPI throughput is {share:.0%} of the bare endpoint's (target ≥ 50 %): {verdict}")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    result = measure(arguments)
    print_result(result)
    print(f"\nwrote {write_json(result, arguments.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
