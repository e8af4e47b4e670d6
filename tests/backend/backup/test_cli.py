"""`python -m backend.backup` as an operator runs it."""

import os
import re
import subprocess
import sys

from backend.backup.tables import TABLES

TABLE_LINE = re.compile(r"  (?P<table>\w+) +(?P<rows>[\d,]+) rows +\d+\.\d\d s")


def backup_command(database_url: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "backend.backup", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DATABASE_URL": database_url},
    )


def tables_reported(stdout: str) -> dict[str, int]:
    return {
        line["table"]: int(line["rows"].replace(",", ""))
        for line in map(TABLE_LINE.fullmatch, stdout.splitlines())
        if line
    }


async def test_create_prints_each_table_with_its_rows_then_a_total(
    loaded, migrated_database_url, tmp_path
):
    result = backup_command(migrated_database_url, "create", str(tmp_path / "backup"))

    leaves = await loaded.fetchval("SELECT count(*) FROM dbo.employee_leaves")
    assert result.returncode == 0, result.stderr
    assert list(tables_reported(result.stdout)) == list(TABLES)
    assert tables_reported(result.stdout)["employee_leaves"] == leaves
    assert re.fullmatch(
        r"backed up 11 tables, [\d,]+ rows \(schema version \d+\) in \d+\.\d\d s",
        result.stdout.splitlines()[-1],
    )


async def test_restore_prints_each_table_with_its_rows_then_a_total(
    loaded, backup, migrated_database_url
):
    folder, manifest = backup

    result = backup_command(migrated_database_url, "restore", str(folder))

    assert result.returncode == 0, result.stderr
    assert tables_reported(result.stdout) == {entry.table: entry.rows for entry in manifest.tables}
    assert result.stdout.splitlines()[-1].startswith(f"restored 11 tables, {manifest.rows:,} rows")


def test_a_refused_restore_is_one_line_on_stderr_and_exit_code_2(migrated_database_url, tmp_path):
    result = backup_command(migrated_database_url, "restore", str(tmp_path))

    assert result.returncode == 2
    assert result.stderr == (
        f"backup: {tmp_path}: no manifest.json; not a backup, or an unfinished one\n"
    )


def test_an_unreachable_database_is_one_line_on_stderr_and_exit_code_1(tmp_path):
    result = backup_command("postgresql://nobody@127.0.0.1:1/none", "create", str(tmp_path))

    assert result.returncode == 1
    assert result.stderr.startswith("backup: failed: ")
    assert result.stderr.count("\n") == 1
