"""`make run`: PostgreSQL, migrations, then every service of the system, until Ctrl-C.

PostgreSQL is DATABASE_URL, or an embedded server kept under EMBEDDED_POSTGRES_DIR.
"""

import asyncio
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

import visualization
from backend.settings import Settings, get_settings
from db.dsn import database_url, describe
from db.migration_files import MigrationFilesError
from db.migrator import MigrationError
from db.schema import migrate_to_latest
from vyaguta_demo.serving import LEAVES_PATH

# Idle connections are kept longer than a load balancer keeps them (60 s is common) and than a
# dashboard viewer's think time: with uvicorn's 5 s, a client reusing its connection just as the
# server closes it sees "Remote end closed connection without response".
KEEP_ALIVE_SECONDS = 75

DASHBOARD_APP = Path(visualization.__file__).parent / "app.py"


class ServiceFailed(RuntimeError):
    """A service did not come up; the message says which and how."""


@dataclass(frozen=True)
class Service:
    name: str
    argv: list[str]
    address: str
    ready_url: str
    environment: dict[str, str] = field(default_factory=dict)


def planned_services(settings: Settings, url: str) -> list[Service]:
    """The processes `make run` starts beside PostgreSQL, in start order."""
    services = []
    upstream = {"DATABASE_URL": url}
    if not settings.vyaguta_api_url:
        token = secrets.token_urlsafe(24)
        port = settings.demo_upstream_port
        demo = Service(
            "demo upstream",
            [
                sys.executable,
                "-m",
                "vyaguta_demo",
                "--port",
                str(port),
                # One argument: a token may begin with "-", which argparse would take for a flag.
                f"--token={token}",
                "--records",
                str(settings.demo_upstream_records),
                "--live-interval",
                "30",
            ],
            f"http://127.0.0.1:{port}{LEAVES_PATH}",
            ready_url=f"http://127.0.0.1:{port}{LEAVES_PATH}",
        )
        services.append(demo)
        upstream |= {"VYAGUTA_API_URL": demo.address, "VYAGUTA_BEARER_TOKEN": token}
    api_port = settings.api_port
    services.append(
        Service(
            "API",
            [
                sys.executable,
                "-m",
                "uvicorn",
                "backend.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(api_port),
                "--no-access-log",
                "--no-server-header",
                "--timeout-keep-alive",
                str(KEEP_ALIVE_SECONDS),
            ],
            f"http://127.0.0.1:{api_port} (OpenAPI at /docs)",
            ready_url=f"http://127.0.0.1:{api_port}/health",
            environment=upstream,
        )
    )
    dashboard_port = settings.dashboard_port
    services.append(
        Service(
            "dashboard",
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(DASHBOARD_APP),
                "--server.port",
                str(dashboard_port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--client.toolbarMode",
                "viewer",
            ],
            f"http://127.0.0.1:{dashboard_port}",
            ready_url=f"http://127.0.0.1:{dashboard_port}/_stcore/health",
            environment={"DATABASE_URL": url},
        )
    )
    return services


def wait_until_ready(service: Service, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServiceFailed(f"{service.name} exited with code {process.returncode}")
        try:
            if httpx.get(service.ready_url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise ServiceFailed(f"{service.name} did not answer at {service.ready_url} in {timeout:.0f} s")


@contextmanager
def running(services: list[Service]) -> Iterator[list[subprocess.Popen]]:
    processes: list[subprocess.Popen] = []
    try:
        for service in services:
            print(f"starting {service.name} ...", flush=True)
            process = subprocess.Popen(
                service.argv, env={**os.environ, **service.environment}, start_new_session=True
            )
            processes.append(process)
            wait_until_ready(service, process)
            print(f"{service.name}: {service.address}", flush=True)
        yield processes
    finally:
        for process in reversed(processes):
            stop_process(process)


def stop_process(process: subprocess.Popen, grace_seconds: float = 10) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace_seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_stopped(processes: list[subprocess.Popen]) -> None:
    """Until Ctrl-C, or until a service exits by itself (then everything stops)."""
    stop = {"requested": False}

    def request_stop(*_: object) -> None:
        stop["requested"] = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    while not stop["requested"]:
        if exited := [p for p in processes if p.poll() is not None]:
            print(f"a service exited with code {exited[0].returncode}; stopping", flush=True)
            return
        time.sleep(0.5)
    print("\nstopping ...", flush=True)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    settings = get_settings()
    try:
        with database_url(settings.database_url, settings.embedded_postgres_dir) as url:
            print(f"PostgreSQL: {describe(url)}", flush=True)
            asyncio.run(migrate_to_latest(url, report=lambda line: print(line, flush=True)))
            with running(planned_services(settings, url)) as processes:
                print("ready; press Ctrl-C to stop", flush=True)
                wait_until_stopped(processes)
    except (MigrationError, MigrationFilesError, ServiceFailed) as error:
        print(f"make run: {error}", file=sys.stderr)
        return 2
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
