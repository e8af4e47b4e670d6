"""Start `python -m vyaguta_demo` as a real subprocess for tests and benchmarks."""

import re
import select
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import httpx

from vyaguta_demo.runtime import DemoOptions
from vyaguta_demo.serving import LEAVES_PATH

ANNOUNCEMENT = re.compile(r"listening on (http://\S+?)" + re.escape(LEAVES_PATH))
STOP_GRACE_SECONDS = 10.0


class DemoUpstreamFailed(RuntimeError):
    """The demo upstream did not start; the message carries what it printed to stderr."""


@dataclass(frozen=True, slots=True)
class DemoUpstream:
    base_url: str
    token: str
    process: subprocess.Popen[bytes]

    @property
    def leaves_url(self) -> str:
        return self.base_url + LEAVES_PATH

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def admin(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = httpx.request(
            method, f"{self.base_url}/_admin/{path}", headers=self.headers, json=body, timeout=30
        )
        response.raise_for_status()
        return response.json()

    def set_faults(self, **faults: Any) -> dict[str, Any]:
        """Changes the given faults, keeps the others; returns all current faults."""
        return self.admin("PUT", "faults", faults)

    def reset_faults(self) -> dict[str, Any]:
        return self.admin("DELETE", "faults")

    def faults(self) -> dict[str, Any]:
        return self.admin("GET", "faults")

    def live_tick(self) -> dict[str, list[int]]:
        """One live-mode step now: {"created": [ids], "updated": [ids]}."""
        return self.admin("POST", "live/tick")

    def stats(self) -> dict[str, Any]:
        return self.admin("GET", "stats")


@contextmanager
def run_demo_upstream(startup_timeout: float = 120.0, **options: Any) -> Iterator[DemoUpstream]:
    """Runs the demo upstream on a free 127.0.0.1 port until the block ends.

    Options are the CLI flags in snake_case (records=500, shape="v2", fail_pages=[2],
    hostile_strings=True, today=date(2026, 11, 23), ...).
    """
    arguments = cli_arguments({"host": "127.0.0.1", "port": 0, **options})
    deadline = time.monotonic() + startup_timeout
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "vyaguta_demo", *arguments],
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
        try:
            base_url = announced_base_url(process, deadline, stderr)
            upstream = DemoUpstream(
                base_url, str(options.get("token", DemoOptions().token)), process
            )
            wait_until_answering(upstream, deadline)
            yield upstream
        finally:
            stop(process)


def cli_arguments(options: dict[str, Any]) -> list[str]:
    arguments: list[str] = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            arguments.append(flag)
        elif isinstance(value, list | tuple):
            arguments += [flag, ",".join(str(item) for item in value)]
        elif value is not None and value is not False:
            arguments += [flag, str(value)]
    return arguments


def announced_base_url(process: subprocess.Popen[bytes], deadline: float, stderr: IO[bytes]) -> str:
    """Reads the startup line, then keeps draining stdout so the server never blocks on it."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
    line = process.stdout.readline().decode() if ready else ""
    found = ANNOUNCEMENT.search(line)
    if found is None:
        stop(process)
        stderr.seek(0)
        raise DemoUpstreamFailed(
            f"vyaguta_demo did not start: {line!r}\n{stderr.read().decode(errors='replace')}"
        )
    threading.Thread(target=process.stdout.read, daemon=True).start()
    return found.group(1)


def wait_until_answering(upstream: DemoUpstream, deadline: float) -> None:
    while True:
        try:
            upstream.stats()
            return
        except httpx.TransportError:
            if time.monotonic() > deadline or upstream.process.poll() is not None:
                raise
            time.sleep(0.05)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
