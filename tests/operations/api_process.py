"""The API as operators run it: `uvicorn backend.main:app` in its own process, on 127.0.0.1."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson

from tests.operations.secret_watch import inspect_process_output

# The flags of the deployed command (Dockerfile, docker-compose.yml) that change what answers.
UVICORN_FLAGS = ("--no-server-header",)
STARTUP_SECONDS = 60
STOP_GRACE_SECONDS = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class ApiProcess:
    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def log_records(self) -> list[dict[str, Any]]:
        """The app's JSON log lines; uvicorn's own plain lines are left out."""
        records = []
        for line in self.log_text().splitlines():
            if line.startswith("{"):
                records.append(orjson.loads(line))
        return records

    def started_run_ids(self) -> set[int]:
        return {
            record["run_id"]
            for record in self.log_records()
            if "run_id" in record and record["message"].endswith("run started")
        }

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        inspect_process_output(f"the API at {self.base_url}", self.log_path.read_bytes())


def wait_until_healthy(api: ApiProcess) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if api.process.poll() is not None:
            raise RuntimeError(f"the API exited with {api.process.returncode}:\n{api.log_text()}")
        try:
            if httpx.get(f"{api.base_url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the API did not answer in {STARTUP_SECONDS} s:\n{api.log_text()}")
        time.sleep(0.1)


@contextmanager
def api_process(environment: dict[str, str], log_path: Path) -> Iterator[ApiProcess]:
    """Runs the API with `environment` on top of this one's, from a folder without a `.env`."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "backend.main:app", "--host", "127.0.0.1"]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "--port", str(port), *UVICORN_FLAGS],
            env={**os.environ, **environment},
            cwd=log_path.parent,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    api = ApiProcess(f"http://127.0.0.1:{port}", process, log_path)
    try:
        wait_until_healthy(api)
        yield api
    finally:
        api.stop()
