"""What the figures were taken on: cores, CPU, load, memory, and which code."""

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def total_memory_megabytes() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) // 1024
    return 0


def git_output(*arguments: str) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=REPOSITORY, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.rstrip()


def code_version() -> dict[str, Any]:
    """The commit, and whether product code (src/) differs from it: numbers from a dirty tree
    belong to that tree, not to the commit."""
    changed = [line[3:] for line in git_output("status", "--porcelain", "src").splitlines()]
    commit = git_output("rev-parse", "--short", "HEAD").strip()
    return {"commit": commit, "src_changes": changed}


def describe_machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_mb": total_memory_megabytes(),
        "load_average_1_5_15": load_average(),
        "python": platform.python_version(),
        "kernel": platform.release(),
        **code_version(),
    }
