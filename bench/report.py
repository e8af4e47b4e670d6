"""Printing a benchmark's table and writing its JSON."""

import json
from pathlib import Path
from typing import Any

from bench.machine import REPOSITORY

RESULTS_DIR = REPOSITORY / "bench" / "results"


def write_json(result: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str) + "\n")
    return path


def print_table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * width for width in widths)
    print(f"\n{title}")
    print("  ".join(f"{cell:<{widths[i]}}" for i, cell in enumerate(header)))
    print(line)
    for row in rows:
        print("  ".join(f"{cell!s:<{widths[i]}}" for i, cell in enumerate(row)))


def seconds_cell(summary: dict[str, Any], unit: str = "s", digits: int = 2) -> str:
    value = f"{summary['median']:.{digits}f} {unit}"
    if summary["runs"] == 1:
        return value
    return f"{value} ({summary['min']:.{digits}f}-{summary['max']:.{digits}f})"


def print_targets(targets: list[dict[str, Any]]) -> None:
    rows = [
        (t["target"], t["goal"], t["measured"], "met" if t["met"] else "MISSED") for t in targets
    ]
    print_table("Targets", ("target", "goal", "measured", ""), rows)
