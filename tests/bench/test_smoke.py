"""The benchmarks run end to end at a tiny scale, so their code cannot rot. These assert what
the benchmarks measure and report, never how fast anything is."""

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = 600


def run_script(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
    )


def run_bench(script: str, output: Path, *arguments: str) -> dict[str, Any]:
    done = run_script(f"bench/{script}", "--smoke", "--output", str(output), *arguments)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(output.read_text())


def test_the_sync_benchmark_reports_every_measurement(tmp_path):
    result = run_bench("sync.py", tmp_path / "sync.json")
    records = result["records"]

    full = result["full_sync"]
    assert full["statuses"] == ["succeeded"]
    assert full["runs"][0]["run"]["inserted"] == records
    assert full["missing_probes"] == [], "a stage probe lost its target: update bench/stages.py"
    assert full["stages"]["COPY"]["median"] > 0
    assert full["stages"]["MERGE"]["median"] > 0
    assert "dbo.merge_snapshot" in full["procedures"]

    quiet = result["no_change_sync"]
    assert quiet["rows_written"] == [0]
    assert quiet["rows_differing"] == [0]

    changed = result["changed_sync"]
    assert changed["changed_records"][0] >= records // 100
    assert changed["leaves_differing"] == changed["changed_records"]
    assert changed["rows_written"] == changed["rows_differing"]

    assert result["row_by_row"]["runs"][0]["rows"] == records
    assert result["row_by_row"]["times_slower_than_full_sync"] > 0
    assert result["copy_floor"]["rows"] == records
    assert result["copy_floor"]["raw_stage_vs_floor"] > 0

    memory = result["peak_rss"]
    assert set(memory["at_records"]) == {str(records), str(records * 10)}
    assert all(entry["median"] > 0 for entry in memory["at_records"].values())
    assert "growth_percent" in memory

    poll = result["steady_state_poll"]
    assert poll["kind"] in ("hot", "full")
    if poll["kind"] == "hot":
        assert poll["rows_written"] == poll["rows_differing"]
        assert poll["nothing_changed"]["rows_written"] == [0]

    assert {t["target"] for t in result["targets"]} >= {
        "full sync",
        "vs row-by-row",
        "no-change sync",
        "1 % changed sync",
        "steady-state poll",
        "raw stage vs COPY floor",
        "peak RSS",
    }
    assert result["machine"]["cores"] >= 1


def test_the_kpi_benchmark_times_every_kpi(tmp_path):
    result = run_bench("kpi_scale.py", tmp_path / "kpi.json")
    assert result["median_ms"]["summary"].keys() == set(result["variants"])
    assert all(cells for cells in result["median_ms"].values())


def test_the_api_benchmark_measures_both_endpoints_without_failures(tmp_path):
    result = run_bench("api.py", tmp_path / "api.json")
    for phase in ("bare_endpoint", "kpi_endpoints"):
        assert result[phase]["requests"] > 0
        assert result[phase]["failures"] == 0
    assert result["kpi_share_of_bare"] > 0


def test_the_load_test_runs_every_user_and_its_gate_fails_an_impossible_budget(tmp_path):
    prefix = tmp_path / "load"
    done = run_script(
        "bench/load.py",
        *("-u", "8", "-r", "8", "-t", "8s", "--records", "300"),
        *("--p95-budget-ms", "0", "--prefix", str(prefix)),
    )
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "over the budget" in done.stdout

    with Path(f"{prefix}_stats.csv").open(newline="") as file:
        rows = {row["Name"]: row for row in csv.DictReader(file)}
    assert rows["Aggregated"]["Failure Count"] == "0"
    assert any(name.startswith("/kpi/") for name in rows)
    assert "/ready" in rows
    assert rows.keys() & {"/sync/runs", "/insert_leave_info"}
    assert prefix.with_suffix(".html").exists()
