"""Peak resident memory of one full sync, run in a child process of its own (with its time by
stage and procedure, as for the in-process runs).

The peak is the kernel's high-water mark of the child's own memory (VmHWM, read by the child
when its sync is done), not a sample. wait4's ru_maxrss is kept for reference only: on Linux
it also carries the high-water mark of the address space the child had before exec, i.e. of
this (parent) process at the fork, which can be far larger than the sync."""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Any

from bench.machine import REPOSITORY
from bench.stack import Databases
from bench.writes import FunctionTime, function_times
from vyaguta_demo.process import DemoUpstream


@dataclass
class ChildSync:
    peak_rss_mb: float
    wait4_maxrss_mb: float
    rss_before_mb: float
    seconds: float
    status: str
    fetched: int
    stages: dict[str, float]
    procedures: dict[str, FunctionTime]

    def as_json(self) -> dict[str, Any]:
        return {
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "wait4_maxrss_mb": round(self.wait4_maxrss_mb, 1),
            "rss_before_sync_mb": round(self.rss_before_mb, 1),
            "seconds": round(self.seconds, 3),
            "status": self.status,
            "fetched": self.fetched,
            "stages": {name: round(value, 3) for name, value in self.stages.items()},
            "procedures_self_ms": {
                name: round(spent.self_ms) for name, spent in sorted(self.procedures.items())
            },
        }


class ChildFailed(RuntimeError):
    """The child sync exited with an error; the message carries its output."""


def run_child_sync(database_url: str, upstream: DemoUpstream, page_size: int) -> ChildSync:
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.sync_child",
                database_url,
                upstream.leaves_url,
                str(page_size),
            ],
            cwd=REPOSITORY,
            env={**os.environ, "BENCH_UPSTREAM_TOKEN": upstream.token},
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        stdout = process.stdout.read()  # type: ignore[union-attr]
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise ChildFailed(
                f"child sync exited {process.returncode}: {errors.read().decode()[-2000:]}"
            )
    outcome = json.loads(stdout.decode().strip().splitlines()[-1])
    return ChildSync(
        peak_rss_mb=outcome["peak_rss_mb"],
        wait4_maxrss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        rss_before_mb=outcome["rss_before_mb"],
        seconds=outcome["seconds"],
        status=outcome["status"],
        fetched=outcome["fetched"],
        stages=outcome["stages"],
        procedures={},
    )


async def child_syncs(
    databases: Databases, upstream: DemoUpstream, page_size: int, repeats: int
) -> list[ChildSync]:
    """Full syncs into fresh empty databases, each in its own process."""
    runs = []
    for _ in range(repeats):
        database_url = await databases.fresh("memory")
        try:
            run = run_child_sync(database_url, upstream, page_size)
            run.procedures = await function_times(database_url)
            runs.append(run)
        finally:
            await databases.drop(database_url)
    return runs
