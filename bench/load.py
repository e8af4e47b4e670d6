"""`make load`: the Locust load test (locustfile.py) against a running stack, or one started
here when none answers; headless, with CSV and HTML reports under bench/results/.

    python bench/load.py                               # -u 500 -r 50 -t 60s
    python bench/load.py --host http://127.0.0.1:8000  # an existing stack (LOCUST_* creds)
    python bench/load.py -u 20 -r 10 -t 10s --records 2000

The exit code is Locust's: non-zero when a request failed or the KPI p95 was over budget.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import ipaddress
import os
from contextlib import ExitStack
from urllib.parse import urlsplit

import httpx

from bench.locust_runs import run_locust
from bench.machine import REPOSITORY, load_average
from bench.report import RESULTS_DIR
from bench.serving import running_stack

DEFAULT_HOST = "http://127.0.0.1:8000"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    cli.add_argument("--host", default=None, help=f"a running API (default: {DEFAULT_HOST} if up)")
    cli.add_argument("-u", "--users", type=int, default=500)
    cli.add_argument("-r", "--spawn-rate", type=float, default=50)
    cli.add_argument("-t", "--run-time", default="60s")
    cli.add_argument("--records", type=int, default=161_450, help="for a stack started here")
    cli.add_argument("--workers", type=int, default=1, help="uvicorn workers, for a stack here")
    cli.add_argument("--p95-budget-ms", type=float, default=100)
    cli.add_argument("--prefix", type=Path, default=RESULTS_DIR / "load")
    return cli.parse_args(argv)


def answers(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def client_environment(host: str) -> dict[str, str]:
    """Locust's users resolve the host on every new connection, by default in gevent's thread
    pool: measured here, that added ~55 ms to each user's first request while 500 users
    arrived. An address needs no lookup, so the lookup may block."""
    try:
        ipaddress.ip_address(urlsplit(host).hostname or "")
    except ValueError:
        return {}
    return {"GEVENT_RESOLVER": "block"}


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    environment: dict[str, str] = {}
    with ExitStack() as stack:
        host = arguments.host or (DEFAULT_HOST if answers(DEFAULT_HOST) else None)
        if host is None:
            print(f"no API at {DEFAULT_HOST}; starting one with {arguments.records:,} records")
            api = stack.enter_context(running_stack(arguments.records, workers=arguments.workers))
            host = api.base_url
            environment = {
                "LOCUST_USERNAME": api.admin[0],
                "LOCUST_PASSWORD": api.admin[1],
                "LOCUST_VIEWER_USERNAME": api.viewer[0],
                "LOCUST_VIEWER_PASSWORD": api.viewer[1],
            }
        print(
            f"load test of {host}: {arguments.users} users, {arguments.run_time}; "
            f"load average {load_average()}",
            flush=True,
        )
        totals = run_locust(
            REPOSITORY / "locustfile.py",
            host,
            users=arguments.users,
            spawn_rate=arguments.spawn_rate,
            run_time=arguments.run_time,
            csv_prefix=arguments.prefix,
            extra=[
                "--html",
                str(arguments.prefix.with_suffix(".html")),
                "--p95-budget-ms",
                str(arguments.p95_budget_ms),
            ],
            environment={**os.environ, **client_environment(host), **environment},
        )
    log = arguments.prefix.with_name(arguments.prefix.name + ".log")
    gate = [line for line in log.read_text().splitlines() if line.startswith("gate:")]
    print("\n".join(gate) or "no gate line: see the log")
    print(
        f"all requests: {totals.requests} ({totals.failures} failed), "
        f"{totals.requests_per_second:.0f} req/s, median {totals.median_ms:.0f} ms, "
        f"p95 {totals.p95_ms:.0f} ms"
    )
    print(f"reports: {arguments.prefix}_stats.csv, {arguments.prefix.with_suffix('.html')}, {log}")
    return totals.exit_code


if __name__ == "__main__":
    sys.exit(main())
