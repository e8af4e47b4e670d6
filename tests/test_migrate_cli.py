"""migrate.py as an operator runs it: a real process against a real database."""

import os
import subprocess
import sys
from pathlib import Path

from db.migration_files import read_migrations
from db.procedures import read_procedure_files

ROOT = Path(__file__).resolve().parents[1]


def run_migrate(*arguments: str, database_url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "migrate.py", *arguments],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_up_then_status_lists_every_migration_as_applied(empty_database_url):
    up = run_migrate("--up", database_url=empty_database_url)
    status = run_migrate("--status", database_url=empty_database_url)

    assert up.returncode == 0, up.stderr
    assert "applying 0001_schemas_and_sync_runs" in up.stdout
    assert f"procedures: {len(read_procedure_files())} (re)created" in up.stdout
    lines = [line for line in status.stdout.splitlines() if line[:4].isdigit()]
    assert len(lines) == len(read_migrations())
    assert all(" applied " in line for line in lines)


def test_down_with_steps_reverts_that_many(empty_database_url):
    run_migrate("--up", database_url=empty_database_url)

    down = run_migrate("--down", "--steps", "2", database_url=empty_database_url)

    assert down.returncode == 0, down.stderr
    assert "2 migration(s) reverted" in down.stdout


def test_an_unreachable_database_gives_one_readable_line_and_a_failing_exit_code():
    result = run_migrate("--status", database_url="postgresql://nobody@127.0.0.1:1/none")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("migrate: failed:")


def test_steps_without_down_is_a_usage_error(empty_database_url):
    result = run_migrate("--up", "--steps", "1", database_url=empty_database_url)

    assert result.returncode == 2
    assert "--steps takes a positive number and goes with --down" in result.stderr
