"""The API as it runs in production (uvicorn, its own poller) on a stack of the benchmark's
own: embedded PostgreSQL, the demo upstream, data loaded by a real sync."""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import IO

import httpx

from backend.devstack import KEEP_ALIVE_SECONDS
from backend.services.users import add_user
from bench.machine import REPOSITORY
from bench.report import RESULTS_DIR
from bench.stack import Databases, demo_upstream, embedded_server
from db.pool import create_pool
from vyaguta_demo.process import DemoUpstream

ADMIN_PASSWORD = "bench-admin-password"  # noqa: S105 - a throw-away local stack
VIEWER = ("bench-viewer", "bench-viewer-password")
JWT_SECRET = "bench-jwt-secret-0123456789-0123456789"  # noqa: S105
STARTUP_SECONDS = 120
API_LOG = RESULTS_DIR / "api-server.log"
SYNC_TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class RunningApi:
    base_url: str
    admin: tuple[str, str]
    viewer: tuple[str, str]
    workers: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def api_environment(database_url: str, upstream: DemoUpstream, poll_seconds: float) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "VYAGUTA_API_URL": upstream.leaves_url,
        "VYAGUTA_BEARER_TOKEN": upstream.token,
        "VYAGUTA_PAGE_SIZE": "10000",
        "POLL_INTERVAL_SECONDS": str(poll_seconds),
        "ADMIN_USERNAME": "admin",
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
        "JWT_SECRET": JWT_SECRET,
        "APP_ENV": "development",
        "LOG_LEVEL": "WARNING",
    }


def wait_until_healthy(base_url: str, process: subprocess.Popen, log: IO[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the API exited: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base_url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the API did not answer at {base_url}/health")


@contextmanager
def uvicorn_api(environment: dict, workers: int) -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "backend.main:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--no-access-log", "--log-level", "warning"]
    command += ["--timeout-keep-alive", str(KEEP_ALIVE_SECONDS)]
    if workers > 1:
        command += ["--workers", str(workers)]
    # Kept after the run (bench/results/api-server.log): a failed request's cause is in it.
    API_LOG.parent.mkdir(parents=True, exist_ok=True)
    with API_LOG.open("w+b") as log:
        process = subprocess.Popen(
            command, cwd=REPOSITORY, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(base_url, process, log)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def sign_in(base_url: str, username: str, password: str) -> dict[str, str]:
    """A bearer header; retried while the server refuses connections (uvicorn's workers may
    still be starting when its first one already answered /health)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            answer = httpx.post(
                f"{base_url}/token", data={"username": username, "password": password}, timeout=30
            )
            break
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def load_data(base_url: str) -> None:
    """A sync through the API; if the poller is already at it, wait for its success."""
    headers = sign_in(base_url, "admin", ADMIN_PASSWORD)
    answer = httpx.post(f"{base_url}/sync", headers=headers, timeout=SYNC_TIMEOUT_SECONDS)
    if answer.status_code == 200:
        return
    if answer.status_code != 409:
        raise RuntimeError(f"the first sync failed: {answer.status_code} {answer.text[:500]}")
    deadline = time.monotonic() + SYNC_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        ready = httpx.get(f"{base_url}/ready", timeout=10).json()
        if ready.get("seconds_since_last_sync") is not None:
            return
        time.sleep(1)
    raise RuntimeError("no sync succeeded in time")


async def add_viewer(database_url: str) -> None:
    pool = await create_pool(database_url, max_size=1)
    try:
        await add_user(pool, VIEWER[0], VIEWER[1], "viewer")
    finally:
        await pool.close()


async def fresh_database(server_url: str) -> str:
    databases = Databases(server_url)
    await databases.prepare_template()
    return await databases.fresh("api")


@contextmanager
def running_stack(
    records: int, *, workers: int = 1, poll_seconds: float = 30, live_interval: float = 30
) -> Iterator[RunningApi]:
    """Everything `make run` starts but the dashboard, on free ports, with data loaded."""
    with ExitStack() as stack:
        server_url = stack.enter_context(embedded_server())
        database_url = asyncio.run(fresh_database(server_url))
        upstream = stack.enter_context(demo_upstream(records, live_interval=live_interval))
        environment = api_environment(database_url, upstream, poll_seconds)
        base_url = stack.enter_context(uvicorn_api(environment, workers))
        load_data(base_url)
        asyncio.run(add_viewer(database_url))
        yield RunningApi(base_url, ("admin", ADMIN_PASSWORD), VIEWER, workers)
