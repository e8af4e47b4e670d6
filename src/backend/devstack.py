"""`make run`: PostgreSQL, migrations, then every service of the system, until Ctrl-C.

PostgreSQL is DATABASE_URL, or an embedded server kept under EMBEDDED_POSTGRES_DIR.
"""

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from backend.settings import Settings, get_settings
from db.dsn import database_url, describe
from db.schema import migrate_to_latest


@dataclass(frozen=True)
class Service:
    name: str
    argv: list[str]
    address: str
    environment: dict[str, str] = field(default_factory=dict)


def planned_services(settings: Settings, url: str) -> list[Service]:
    """The processes `make run` starts beside PostgreSQL; later parts of the system add theirs."""
    del settings, url
    return []


@contextmanager
def running(services: list[Service]) -> Iterator[list[subprocess.Popen]]:
    processes: list[subprocess.Popen] = []
    try:
        for service in services:
            print(f"starting {service.name}: {service.address}", flush=True)
            processes.append(
                subprocess.Popen(
                    service.argv,
                    env={**os.environ, **service.environment},
                    start_new_session=True,
                )
            )
        yield processes
    finally:
        for process in reversed(processes):
            stop_process(process)


def stop_process(process: subprocess.Popen, grace_seconds: float = 10) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
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
    settings = get_settings()
    with database_url(settings.database_url, settings.embedded_postgres_dir) as url:
        print(f"PostgreSQL: {describe(url)}", flush=True)
        asyncio.run(migrate_to_latest(url, report=lambda line: print(line, flush=True)))
        with running(planned_services(settings, url)) as processes:
            print("ready; press Ctrl-C to stop", flush=True)
            wait_until_stopped(processes)
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
