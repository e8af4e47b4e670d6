"""What the upstream holds right now, read the way a client reads it."""

import httpx

from vyaguta_demo.process import DemoUpstream

PAGE_SIZE = 10_000


def upstream_leave_ids(upstream: DemoUpstream) -> set[int]:
    ids: set[int] = set()
    with httpx.Client(headers=upstream.headers, timeout=30) as http:
        for page in range(1, 1_000):
            params = {"fetchType": "all", "roleType": "issuer", "page": page, "size": PAGE_SIZE}
            answer = http.get(upstream.leaves_url, params=params)
            answer.raise_for_status()
            batch = answer.json()["data"]
            ids |= {record["id"] for record in batch}
            if len(batch) < PAGE_SIZE:
                return ids
    raise AssertionError("the upstream's pages never ended")
