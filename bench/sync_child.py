"""One full sync in a process of its own, so its peak memory is its own: `python -m
bench.sync_child DATABASE_URL UPSTREAM_URL PAGE_SIZE` (the upstream token in
BENCH_UPSTREAM_TOKEN). Prints one JSON line: the run, its seconds, the RSS before it and the
process's peak RSS (VmHWM) after it."""

import asyncio
import json
import os
import sys
import time
from pathlib import Path

from pydantic import SecretStr

from backend.services.sync import SyncOptions, run_sync
from backend.settings import Settings
from bench.stack import upstream_client, warm_pool
from bench.stages import StageClock, breakdown, probes_installed


def status_megabytes(field: str) -> float:
    """VmRSS (resident now) or VmHWM (the peak so far) of this process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def sync_once(database_url: str, upstream_url: str, page_size: int) -> dict[str, object]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=SecretStr(database_url),
        vyaguta_api_url=upstream_url,
        vyaguta_bearer_token=SecretStr(os.environ.get("BENCH_UPSTREAM_TOKEN", "")),
        vyaguta_page_size=page_size,
        vyaguta_timeout_seconds=300,
    )
    async with upstream_client(settings) as client, warm_pool(database_url) as pool:
        rss_before = status_megabytes("VmRSS")
        with probes_installed(StageClock()) as clock:
            began = time.perf_counter()
            run = await run_sync(pool, client, SyncOptions.from_settings(settings), "manual")
            seconds = time.perf_counter() - began
    return {
        "seconds": seconds,
        "rss_before_mb": rss_before,
        "peak_rss_mb": status_megabytes("VmHWM"),
        "status": run["status"],
        "fetched": run["fetched"],
        "stages": breakdown(clock, seconds),
    }


def main() -> None:
    database_url, upstream_url, page_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(asyncio.run(sync_once(database_url, upstream_url, page_size))), flush=True)


if __name__ == "__main__":
    main()
