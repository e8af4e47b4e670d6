"""A `make run` stack for a test: the demo upstream, the API syncing from it and the dashboard,
planned and started by `backend.devstack` as `make run` does, on free ports, against one
test database."""

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from backend.devstack import planned_services, running
from backend.settings import Settings

# Enough for every chart to have something to draw, small enough to sync in seconds.
DEMO_RECORDS = 5_000
SYNC_SECONDS = 60
# A developer's own settings that would lock the dashboard or keep the poller from syncing.
SETTINGS_TO_CLEAR = (
    "DASHBOARD_DATABASE_URL",
    "DASHBOARD_PASSWORD",
    "POLL_INTERVAL_SECONDS",
    "VYAGUTA_API_URL",
    "APP_ENV",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def make_run_stack(database_url: str) -> Iterator[Settings]:
    """The stack, up and synced once; yields the settings it runs with (its ports)."""
    with pytest.MonkeyPatch.context() as environment:
        for name in SETTINGS_TO_CLEAR:
            environment.delenv(name, raising=False)
        for name in ("API_PORT", "DASHBOARD_PORT", "DEMO_UPSTREAM_PORT"):
            environment.setenv(name, str(free_port()))
        environment.setenv("DEMO_UPSTREAM_RECORDS", str(DEMO_RECORDS))
        settings = Settings(_env_file=None)  # type: ignore[call-arg]
        with running(planned_services(settings, database_url)):
            wait_for_first_sync(settings.api_port)
            yield settings


def wait_for_first_sync(api_port: int) -> None:
    """The API's poller syncs as it starts; /ready tells when a sync has succeeded."""
    deadline = time.monotonic() + SYNC_SECONDS
    while time.monotonic() < deadline:
        ready = httpx.get(f"http://127.0.0.1:{api_port}/ready", timeout=5).json()
        if ready["seconds_since_last_sync"] is not None:
            return
        time.sleep(0.5)
    raise TimeoutError(f"no sync succeeded within {SYNC_SECONDS} s")
