"""`python -m vyaguta_demo.bench`: startup time, memory and page serve time of a real server."""

import argparse
import statistics
import time
from pathlib import Path

import httpx

from vyaguta_demo.process import run_demo_upstream


def resident_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    cli = argparse.ArgumentParser(prog="python -m vyaguta_demo.bench", description=__doc__)
    cli.add_argument("--records", type=int, default=161_450)
    cli.add_argument("--size", type=int, default=10_000, help="page size")
    cli.add_argument("--shape", default="v1")
    cli.add_argument("--rounds", type=int, default=2, help="full passes over all pages")
    arguments = cli.parse_args()
    began = time.perf_counter()
    with run_demo_upstream(
        records=arguments.records, shape=arguments.shape, startup_timeout=600
    ) as upstream:
        startup = time.perf_counter() - began
        print(
            f"records={arguments.records} shape={arguments.shape} startup={startup:.1f}s "
            f"rss={resident_megabytes(upstream.process.pid):.0f}MB"
        )
        with httpx.Client(headers=upstream.headers, timeout=120) as client:
            for round_number in range(1, arguments.rounds + 1):
                page_seconds, received, page = [], 0, 1
                while True:
                    params = {
                        "fetchType": "all",
                        "roleType": "issuer",
                        "page": page,
                        "size": arguments.size,
                    }
                    started = time.perf_counter()
                    response = client.get(upstream.leaves_url, params=params)
                    page_seconds.append(time.perf_counter() - started)
                    count = len(response.json()["data"])
                    received += count
                    if count < arguments.size:
                        break
                    page += 1
                print(
                    f"round {round_number}: {page} pages, {received} records, "
                    f"total {sum(page_seconds):.2f}s, per page median "
                    f"{statistics.median(page_seconds) * 1000:.0f}ms max "
                    f"{max(page_seconds) * 1000:.0f}ms (HTTP round trip, body read)"
                )
        print(f"rss after serving={resident_megabytes(upstream.process.pid):.0f}MB")


if __name__ == "__main__":
    main()
