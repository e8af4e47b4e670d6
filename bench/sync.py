"""`make bench` / `python bench/sync.py`: the sync measured against the row-by-row method and
the COPY floor, on its own embedded PostgreSQL and demo upstream.

    python bench/sync.py                     # 161,450 records, pages of 10,000, 3 repeats
    python bench/sync.py --records 20000 --repeats 5 --scale 0
    python bench/sync.py --smoke --output /tmp/sync.json   # tiny, for the test suite
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import logging
import time
from datetime import UTC, datetime
from typing import Any

from bench.copy_floor import floor_runs
from bench.machine import describe_machine, load_average
from bench.peak_memory import child_syncs
from bench.report import RESULTS_DIR, print_table, print_targets, seconds_cell, write_json
from bench.row_by_row import row_by_row_sync
from bench.snapshot_rows import fetch_rows
from bench.stack import Databases, demo_upstream, embedded_server
from bench.stages import BREAKDOWN_ORDER
from bench.sync_results import (
    changed_section,
    floor_section,
    measured_section,
    memory_section,
    row_by_row_section,
)
from bench.sync_runs import hot_window_supported
from bench.sync_scenarios import (
    SyncBench,
    changed_syncs,
    full_syncs,
    hot_polls,
    no_change_syncs,
)
from bench.sync_targets import sync_targets

SMOKE = {"records": 400, "page_size": 100, "repeats": 1, "scale": 10}


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    cli.add_argument("--records", type=int, default=161_450, help="N (default: %(default)s)")
    cli.add_argument("--page-size", type=int, default=10_000, help="default: %(default)s")
    cli.add_argument("--repeats", type=int, default=3, help="runs per measurement (default 3)")
    cli.add_argument(
        "--scale", type=int, default=10, help="also measure memory and time at scale x N; 0: no"
    )
    cli.add_argument("--scale-repeats", type=int, default=None, help="default: --repeats")
    cli.add_argument("--output", type=Path, default=None, help="JSON file to write")
    cli.add_argument("--smoke", action="store_true", help="tiny N, one run each: for tests")
    arguments = cli.parse_args(argv)
    if arguments.smoke:
        for name, value in SMOKE.items():
            setattr(arguments, name, value)
    if arguments.scale_repeats is None:
        arguments.scale_repeats = arguments.repeats
    if arguments.output is None:
        arguments.output = RESULTS_DIR / f"sync-{arguments.records}.json"
    return arguments


def say(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


async def measure_at_n(bench: SyncBench, databases: Databases) -> dict[str, Any]:
    """Everything at N, against one upstream, in an order that keeps its data the same
    until the changed-snapshot measurements."""
    say(f"full sync x {bench.repeats}")
    full, loaded = await full_syncs(bench)
    say(f"no-change sync x {bench.repeats}")
    quiet = await no_change_syncs(bench, loaded)
    say(f"row-by-row method x {bench.repeats}")
    row_by_row = []
    for _ in range(bench.repeats):
        target = await databases.fresh("rowbyrow")
        row_by_row.append(
            await row_by_row_sync(target, bench.settings_for(target), bench.options_for(target))
        )
        await databases.drop(target)
    say(f"COPY floor x {bench.repeats}")
    fetched = await fetch_rows(bench.settings_for(loaded), bench.options_for(loaded))
    floor_database = await databases.fresh("floor")
    floor = await floor_runs(floor_database, fetched.rows, bench.repeats)
    del fetched
    await databases.drop(floor_database)
    say(f"peak memory at {bench.records:,} x {bench.repeats}")
    memory = await child_syncs(databases, bench.upstream, bench.page_size, bench.repeats)
    say(f"1 % changed sync x {bench.repeats}")
    changed = await changed_syncs(bench, loaded)
    return {
        "full_sync": measured_section(full),
        "no_change_sync": measured_section(quiet),
        "changed_sync": changed_section(changed),
        "row_by_row": row_by_row_section(row_by_row, full),
        "copy_floor": floor_section(floor, full),
        "steady_state_poll": await steady_state_section(bench, loaded, quiet),
        "_memory_at_n": memory,
    }


async def steady_state_section(bench: SyncBench, loaded: str, quiet: list) -> dict[str, Any]:
    if not hot_window_supported():
        section = measured_section(quiet)
        section |= {
            "kind": "full",
            "note": "no hot-window sync in this code: a full no-change poll",
        }
        return section
    say(f"steady-state hot-window poll x {bench.repeats}")
    changed, unchanged = await hot_polls(bench, loaded)
    section = changed_section(changed)
    section |= {
        "kind": "hot",
        "hot_days": bench.settings_for(loaded).sync_hot_days,
        "nothing_changed": measured_section(unchanged),
    }
    return section


async def measure(arguments: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {
        "benchmark": "sync",
        "records": arguments.records,
        "page_size": arguments.page_size,
        "repeats": arguments.repeats,
        "smoke": arguments.smoke,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": describe_machine(),
    }
    with embedded_server() as server_url:
        databases = Databases(server_url)
        await databases.prepare_template()
        say(f"demo upstream with {arguments.records:,} records")
        with demo_upstream(arguments.records) as upstream:
            bench = SyncBench(
                databases, upstream, arguments.records, arguments.page_size, arguments.repeats
            )
            result |= await measure_at_n(bench, databases)
        memory_at_n = result.pop("_memory_at_n")
        memory_at_scale = []
        if arguments.scale:
            big = arguments.records * arguments.scale
            say(f"demo upstream with {big:,} records; full sync x {arguments.scale_repeats}")
            with demo_upstream(big) as upstream:
                memory_at_scale = await child_syncs(
                    databases, upstream, arguments.page_size, arguments.scale_repeats
                )
        result["peak_rss"] = memory_section(
            memory_at_n, memory_at_scale, arguments.records, arguments.scale
        )
        await databases.drop_all()
    result["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    result["load_average_after"] = load_average()
    result["targets"] = sync_targets(result)
    return result


def print_result(result: dict[str, Any]) -> None:
    full, quiet = result["full_sync"], result["no_change_sync"]
    changed, poll = result["changed_sync"], result["steady_state_poll"]
    rbr, floor, memory = result["row_by_row"], result["copy_floor"], result["peak_rss"]
    rows = [
        ("full sync (empty dbo)", seconds_cell(full["seconds"]), f"statuses {full['statuses']}"),
        (
            "no-change sync",
            seconds_cell(quiet["seconds"]),
            f"rows written {quiet['rows_written']}, statuses {quiet['statuses']}",
        ),
        (
            "1 % changed sync",
            seconds_cell(changed["seconds"]),
            f"{changed['changed_records']} changed upstream; rows written "
            f"{changed['rows_written']}, rows differing {changed['rows_differing']}",
        ),
        (
            f"steady-state poll ({poll['kind']})",
            seconds_cell(poll["seconds"]),
            (f"{poll['changed_records']} changed in window; " if "changed_records" in poll else "")
            + f"rows written {poll['rows_written']}, rows differing {poll['rows_differing']}",
        ),
        (
            "row-by-row method",
            seconds_cell(rbr["seconds"]),
            f"{rbr['times_slower_than_full_sync']}x the full sync; INSERT loop "
            f"{rbr['insert_loop_vs_copy_stage']}x our COPY calls",
        ),
        (
            "COPY floor (CSV file)",
            seconds_cell(floor["seconds"]),
            f"raw stage {floor['raw_stage_seconds']:.2f} s = {floor['raw_stage_vs_floor']}x floor; "
            f"COPY calls alone {floor['copy_calls_vs_floor']}x",
        ),
    ]
    for records, summary in memory["at_records"].items():
        seconds = memory["sync_seconds"][records]
        rows.append(
            (
                f"peak RSS, sync of {int(records):,}",
                seconds_cell(summary, "MB", 0),
                f"sync {seconds_cell(seconds)}",
            )
        )
    title = (
        f"Sync of {result['records']:,} records, pages of {result['page_size']:,}, "
        f"median (min-max) of {result['repeats']}; load before "
        f"{result['machine']['load_average_1_5_15']}, after {result['load_average_after']}"
    )
    print_table(title, ("measurement", "time", "notes"), rows)
    stages = full["stages"]
    print_table(
        "Full sync by stage (probes around the service's own functions)",
        ("stage", "time"),
        [(name, seconds_cell(stages[name], digits=3)) for name in (*BREAKDOWN_ORDER, "raw stage")],
    )
    sizes = list(memory["stages"])
    print_table(
        "Full sync by stage in a process of its own (the peak-RSS runs), median s",
        ("stage", *(f"{int(size):,} records" for size in sizes)),
        [
            (name, *(f"{memory['stages'][size][name]:.2f}" for size in sizes))
            for name in (*BREAKDOWN_ORDER, "raw stage")
        ],
    )
    procedures = list(full["procedures"].items())[:12]
    print_table(
        "MERGE by procedure (pg_stat_user_functions, median ms)",
        ("procedure", "self ms", "total ms"),
        [(name, f"{p['self_ms']:.0f}", f"{p['total_ms']:.0f}") for name, p in procedures],
    )
    print_targets(result["targets"])


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    arguments = parse_arguments(argv)
    began = time.perf_counter()
    result = asyncio.run(measure(arguments))
    result["wall_seconds"] = round(time.perf_counter() - began, 1)
    print_result(result)
    print(f"\nwrote {write_json(result, arguments.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
