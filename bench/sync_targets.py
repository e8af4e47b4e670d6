"""The issue's targets for the sync on a 2-core machine, checked against one result."""

from typing import Any


def target(name: str, goal: str, value: str, met: bool) -> dict[str, Any]:
    return {"target": name, "goal": goal, "measured": value, "met": met}


def median(section: dict[str, Any]) -> float:
    return section["seconds"]["median"]


def sync_targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    full, quiet, changed = result["full_sync"], result["no_change_sync"], result["changed_sync"]
    slower = result["row_by_row"]["times_slower_than_full_sync"]
    floor = result["copy_floor"]
    memory = result["peak_rss"]
    peaks = [entry["max"] for entry in memory["at_records"].values()]
    poll = result["steady_state_poll"]
    targets = [
        target("full sync", "≤ 6 s", f"{median(full):.2f} s", median(full) <= 6),
        target("vs row-by-row", "≥ 5x faster", f"{slower:.1f}x", slower >= 5),
        target(
            "no-change sync",
            "≤ 2 s, 0 rows written",
            f"{median(quiet):.2f} s, {max(quiet['rows_written'])} rows",
            median(quiet) <= 2 and max(quiet["rows_written"]) == 0,
        ),
        target(
            "1 % changed sync",
            "≤ 3 s, rows written = changed",
            f"{median(changed):.2f} s; {changed['changed_records']} records changed, "
            f"{changed['leaves_differing']} leaves and {changed['rows_differing']} rows "
            f"differ, {changed['rows_written']} rows written",
            median(changed) <= 3
            and changed["rows_written"] == changed["rows_differing"]
            and changed["leaves_differing"] == changed["changed_records"],
        ),
        target(
            "steady-state poll",
            "≤ 1 s",
            f"{median(poll):.2f} s ({poll['kind']} sync)",
            median(poll) <= 1 and poll["kind"] == "hot",
        ),
        target(
            "raw stage vs COPY floor",
            "≤ 1.3x",
            f"{floor['raw_stage_vs_floor']:.2f}x",
            floor["raw_stage_vs_floor"] <= 1.3,
        ),
        target("peak RSS", "≤ 250 MB", f"{max(peaks):.0f} MB", max(peaks) <= 250),
    ]
    if "growth_percent" in memory:
        growth = memory["growth_percent"]
        big = list(memory["sync_seconds"])[-1]
        big_seconds = memory["sync_seconds"][big]["median"]
        targets += [
            target("RSS growth at 10xN", "≤ 10 %", f"{growth:+.1f} %", growth <= 10),
            target(
                f"full sync of {int(big):,} records",
                "≤ 60 s",
                f"{big_seconds:.1f} s",
                big_seconds <= 60,
            ),
        ]
    return targets
