"""Load test for the API: a company opening the dashboard at 9 am (`make load`).

    locust -f locustfile.py --host http://127.0.0.1:8000 --headless -u 500 -r 50 -t 60s

Who the simulated users are:
- HR viewers (most users): open a dashboard page, i.e. a burst of the KPIs that page shows
  under one set of filters picked at random from /meta/filters; open an employee's page
  (details, balances, leave history); now and then search employees or download a CSV.
  Between actions they read what they got (LOCUST_VIEWER_WAIT, default 3-10 s).
- An operator: reads the sync run history and a run's details, and now and then presses
  "sync now" (/insert_leave_info), for which 409 (a sync is already running) is a success.
- Health probes, as a load balancer sends them (/ready, /health).

Signing in: each process signs in once per role and its users share the token (password
hashing is slow on purpose, and not what this test measures). LOCUST_USERNAME /
LOCUST_PASSWORD (default admin/admin) sign in the operator, and the viewers too unless
LOCUST_VIEWER_USERNAME / LOCUST_VIEWER_PASSWORD name a viewer account.

The users are FastHttpUsers (geventhttpclient): under `make load` Locust shares the machine
with the stack, and python-requests' own cost showed in the times it reported (see "Load test"
in docs/benchmarks.md).

Gate: when the run ends the process exits non-zero if any request failed, or if the p95 of
the KPI endpoints is above --p95-budget-ms (LOCUST_P95_BUDGET_MS, default 100).
"""

import os
import random
from datetime import date, timedelta
from typing import Any, ClassVar

from gevent.lock import Semaphore
from locust import FastHttpUser, between, constant, events, task
from locust.env import Environment
from locust.stats import StatsEntry

from backend.routes.kpi import KPI_PATHS
from db.kpi.catalogue import kpi_named

DEFAULT_P95_BUDGET_MS = 100.0
KPI_PREFIX = "/kpi/"
# What a dashboard page shows at once (the Streamlit pages read these KPIs together).
DASHBOARD_PAGES = {
    "overview": ["/kpi/summary", "/kpi/monthly-trend/by-status", "/kpi/leave-days/by-department"],
    "trends": [
        "/kpi/monthly-trend/by-status",
        "/kpi/monthly-trend/by-leave-type",
        "/kpi/leave-days/by-leave-type",
        "/kpi/leave-days/by-designation",
    ],
    "heatmaps": ["/kpi/heatmaps/month-year", "/kpi/heatmaps/weekday-year"],
    "availability": ["/kpi/daily-availability", "/kpi/summary"],
    "approvals": [
        "/kpi/approvals/by-issuer",
        "/kpi/approvals/latency-by-department",
        "/kpi/late-applications",
        "/kpi/issuer-reassignment",
    ],
    "people": ["/kpi/top-employees", "/kpi/balances", "/kpi/leave-history"],
}
CSV_PATHS = ["/kpi/balances", "/kpi/leave-history", "/kpi/leave-days/by-department"]


def seconds_range(name: str, default: tuple[float, float]) -> tuple[float, float]:
    low, _, high = os.environ.get(name, "").partition(",")
    try:
        return float(low), float(high)
    except ValueError:
        return default


@events.init_command_line_parser.add_listener
def add_budget_option(parser: Any) -> None:
    parser.add_argument(
        "--p95-budget-ms",
        type=float,
        env_var="LOCUST_P95_BUDGET_MS",
        default=DEFAULT_P95_BUDGET_MS,
        help="fail the run when the KPI endpoints' p95 is above this (ms)",
    )


class SharedSession:
    """Per process: one token per account, and the filter values, each fetched once while the
    other users wait (concurrent sign-ins of one account are refused as guessing: 429)."""

    tokens: ClassVar[dict[tuple[str, str], str]] = {}
    filters: ClassVar[dict[str, list[str]]] = {}
    fetching: ClassVar[Semaphore] = Semaphore()

    @classmethod
    def token(cls, user: FastHttpUser, username: str, password: str) -> str:
        key = (username, password)
        with cls.fetching:
            if key not in cls.tokens:
                cls.sign_in(user, key)
        return cls.tokens[key]

    @classmethod
    def sign_in(cls, user: FastHttpUser, key: tuple[str, str]) -> None:
        username, password = key
        with user.client.post(
            "/token",
            data={"username": username, "password": password},
            name="/token",
            catch_response=True,
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"sign-in as {username} failed: {answer.status_code}")
                raise RuntimeError(f"cannot sign in as {username}")
            cls.tokens[key] = answer.json()["access_token"]

    @classmethod
    def filter_values(cls, user: FastHttpUser) -> dict[str, list[str]]:
        with cls.fetching:
            if not cls.filters:
                cls.fetch_filter_values(user)
        return cls.filters

    @classmethod
    def fetch_filter_values(cls, user: FastHttpUser) -> None:
        answer = user.client.get("/meta/filters", name="/meta/filters")
        answer.raise_for_status()
        cls.filters = {
            name: [str(choice["value"]) for choice in choices]
            for name, choices in answer.json().items()
        }


def operator_credentials() -> tuple[str, str]:
    return (
        os.environ.get("LOCUST_USERNAME", "admin"),
        os.environ.get("LOCUST_PASSWORD", "admin"),
    )


def viewer_credentials() -> tuple[str, str]:
    if os.environ.get("LOCUST_VIEWER_USERNAME"):
        return os.environ["LOCUST_VIEWER_USERNAME"], os.environ.get("LOCUST_VIEWER_PASSWORD", "")
    return operator_credentials()


def random_filters(values: dict[str, list[str]]) -> dict[str, Any]:
    """What a person picks in the sidebar: mostly a fiscal year (usually the current one,
    listed first), sometimes a department, leave type, status, designation or date range."""
    chosen: dict[str, Any] = {}
    years = values.get("fiscal_year", [])
    if years and random.random() < 0.8:
        chosen["fiscal_year"] = years[0] if random.random() < 0.7 else random.choice(years)
    for name, share in (
        ("department", 0.3),
        ("leave_type", 0.2),
        ("status", 0.2),
        ("designation", 0.1),
    ):
        if values.get(name) and random.random() < share:
            chosen[name] = random.choice(values[name])
    if random.random() < 0.15:
        days = random.choice((30, 90))
        chosen["date_from"] = (date.today() - timedelta(days=days)).isoformat()
        chosen["date_to"] = date.today().isoformat()
    return chosen


def taken_by(path: str, filters: dict[str, Any]) -> dict[str, Any]:
    """The filters this KPI accepts (the API answers 422 to the others)."""
    accepted = kpi_named(KPI_PATHS[path]).filters
    return {name: value for name, value in filters.items() if name in accepted}


class HRViewer(FastHttpUser):
    """Someone from HR or a manager, reading dashboards."""

    weight = 50
    wait_time = between(*seconds_range("LOCUST_VIEWER_WAIT", (3.0, 10.0)))

    def on_start(self) -> None:
        token = SharedSession.token(self, *viewer_credentials())
        self.client.auth_header = f"Bearer {token}"
        self.values = SharedSession.filter_values(self)

    def get_kpi(self, path: str, filters: dict[str, Any], **extra: Any) -> None:
        self.client.get(path, params={**taken_by(path, filters), **extra}, name=path)

    @task(6)
    def open_a_dashboard_page(self) -> None:
        filters = random_filters(self.values)
        for path in random.choice(list(DASHBOARD_PAGES.values())):
            self.get_kpi(path, filters)

    @task(3)
    def open_an_employee_page(self) -> None:
        employees = self.values.get("employee") or []
        if not employees:
            return
        employee = random.choice(employees)
        self.client.get(f"/employees/{employee}", name="/employees/[id]")
        self.client.get(f"/employees/{employee}/balances", name="/employees/[id]/balances")
        self.client.get(
            f"/employees/{employee}/leaves", params={"limit": 20}, name="/employees/[id]/leaves"
        )

    @task(1)
    def search_employees(self) -> None:
        letters = "aeinorst"
        search = "".join(random.choice(letters) for _ in range(2))
        self.client.get("/employees", params={"search": search, "limit": 20}, name="/employees")

    @task(1)
    def download_a_csv(self) -> None:
        path = random.choice(CSV_PATHS)
        self.get_kpi(path, random_filters(self.values), format="csv", limit=1000)


class Operator(FastHttpUser):
    """The person who runs the service: checks the syncs, sometimes syncs now."""

    fixed_count = 2
    wait_time = between(5, 20)
    # "Sync now" answers when the run has finished.
    network_timeout = 300.0

    def on_start(self) -> None:
        token = SharedSession.token(self, *operator_credentials())
        self.client.auth_header = f"Bearer {token}"

    @task(6)
    def read_sync_history(self) -> None:
        answer = self.client.get("/sync/runs", params={"limit": 20}, name="/sync/runs")
        runs = answer.json().get("items", []) if answer.ok else []
        if runs:
            run_id = random.choice(runs)["id"]
            self.client.get(f"/sync/runs/{run_id}", name="/sync/runs/[id]")

    @task(1)
    def read_rejected_records(self) -> None:
        answer = self.client.get("/sync/runs", params={"limit": 1}, name="/sync/runs")
        runs = answer.json().get("items", []) if answer.ok else []
        if runs:
            self.client.get(f"/sync/runs/{runs[0]['id']}/rejected", name="/sync/runs/[id]/rejected")

    @task(1)
    def sync_now(self) -> None:
        with self.client.get(
            "/insert_leave_info", name="/insert_leave_info", catch_response=True
        ) as answer:
            if answer.status_code in (200, 409):
                answer.success()
            else:
                answer.failure(f"sync now answered {answer.status_code}")


class HealthProbe(FastHttpUser):
    """A load balancer's probes."""

    fixed_count = 2
    wait_time = constant(2)

    @task(3)
    def ready(self) -> None:
        self.client.get("/ready", name="/ready")

    @task(1)
    def alive(self) -> None:
        self.client.get("/health", name="/health")


def kpi_stats(environment: Environment) -> StatsEntry:
    """Every KPI endpoint's requests as one entry, for one p95 over them all."""
    merged = StatsEntry(environment.stats, "KPI endpoints", "GET")
    for entry in environment.stats.entries.values():
        if entry.name.startswith(KPI_PREFIX):
            merged.extend(entry)
    return merged


@events.quitting.add_listener
def gate_on_failures_and_p95(environment: Environment, **_: Any) -> None:
    total = environment.stats.total
    budget = getattr(environment.parsed_options, "p95_budget_ms", DEFAULT_P95_BUDGET_MS)
    kpis = kpi_stats(environment)
    p95 = kpis.get_response_time_percentile(0.95) if kpis.num_requests else 0.0
    problems = []
    if total.fail_ratio > 0:
        problems.append(f"{total.num_failures} of {total.num_requests} requests failed")
    if p95 > budget:
        problems.append(f"KPI p95 {p95:.0f} ms is over the budget of {budget:.0f} ms")
    print(
        f"gate: {kpis.num_requests} KPI requests, p95 {p95:.0f} ms (budget {budget:.0f} ms); "
        f"{total.num_requests} requests, {total.num_failures} failed; "
        + ("; ".join(problems) if problems else "passed")
    )
    if problems:
        environment.process_exit_code = 1
