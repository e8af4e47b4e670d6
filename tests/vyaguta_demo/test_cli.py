"""`python -m vyaguta_demo`: documented flags, the startup line, fault flags, bad input."""

import re
import subprocess
import sys

import httpx

from tests.vyaguta_demo.upstream_settings import GetPage
from vyaguta_demo.process import run_demo_upstream

FLAGS = (
    "--port", "--host", "--records", "--seed", "--token", "--shape", "--envelope",
    "--live-interval", "--today", "--error-rate", "--retry-after", "--fail-pages",
    "--fail-status", "--fail-first-n", "--latency-ms", "--timeout-pages", "--hang-seconds",
    "--html-error", "--html-error-pages", "--truncate-pages", "--invalid-share",
    "--duplicate-share", "--hostile-strings", "--unauthorized",
)  # fmt: skip


def run_cli(*arguments: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vyaguta_demo", *arguments],
        capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def test_help_documents_every_flag_and_one_based_pages() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for flag in FLAGS:
        assert re.search(rf"^\s+{flag}\b.*\S", result.stdout, re.MULTILINE), flag
    assert "1-based" in result.stdout


def test_startup_prints_one_line_with_the_leaves_url_and_the_record_count() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "vyaguta_demo", "--port", "0", "--records", "123"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
    finally:
        process.terminate()
        process.wait(10)
    found = re.search(r"http://127\.0\.0\.1:(\d+)/api/leave/leaves with 123 records", line)
    assert found, line


def test_fault_flags_set_the_faults_at_startup() -> None:
    with run_demo_upstream(records=50, unauthorized=True, fail_pages=[2, 4]) as upstream:
        faults = upstream.faults()
        response = httpx.get(upstream.leaves_url, headers=upstream.headers)
    assert faults["unauthorized"] is True
    assert faults["fail_pages"] == [2, 4]
    assert response.status_code == 401


def test_a_custom_token_is_the_only_one_accepted(get_page: GetPage) -> None:
    with run_demo_upstream(records=50, token="s3cret") as upstream:
        assert get_page(upstream).status_code == 200
        wrong = httpx.get(upstream.leaves_url, headers={"Authorization": "Bearer demo-token"})
    assert wrong.status_code == 401


def test_an_out_of_range_fault_flag_is_refused() -> None:
    result = run_cli("--error-rate", "2")
    assert result.returncode == 2
    assert "error_rate" in result.stderr


def test_an_unknown_shape_is_refused() -> None:
    result = run_cli("--shape", "v3")
    assert result.returncode == 2
    assert "--shape" in result.stderr
