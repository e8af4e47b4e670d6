"""Everything one running demo upstream holds: options, records, faults, live mode, counters."""

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import numpy as np

from vyaguta_demo.dataset import FIRST_LEAVE_ID, Dataset, build_dataset
from vyaguta_demo.faults import FaultController, FaultSettings
from vyaguta_demo.live import LiveMode
from vyaguta_demo.shapes import Shaper
from vyaguta_demo.store import LeaveStore

SERIALIZE_CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class DemoOptions:
    host: str = "127.0.0.1"
    port: int = 8081
    records: int = 20_000
    seed: int = 42
    token: str = "demo-token"  # noqa: S105 - the public token of a demo, shown in --help
    shape: str = "v1"
    envelope: str = "meta"
    live_interval: float = 0.0
    today: date | None = None
    faults: FaultSettings = field(default_factory=FaultSettings)


@dataclass(slots=True)
class DemoRuntime:
    options: DemoOptions
    dataset: Dataset
    store: LeaveStore
    faults: FaultController
    live: LiveMode
    requests: int = 0
    responses: Counter[int] = field(default_factory=Counter)


def start_runtime(options: DemoOptions) -> DemoRuntime:
    with garbage_collection_paused():
        dataset = build_dataset(options.records, options.seed, options.today)
        shaper = Shaper(options.shape, options.seed, dataset.workforce.employees)
        store = serialized_store(dataset, shaper)
    return DemoRuntime(
        options=options,
        dataset=dataset,
        store=store,
        faults=FaultController(options.seed, options.faults),
        live=LiveMode(dataset, store, shaper),
    )


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """Millions of short-lived record dicts would trigger collections that find nothing to
    free (about 40% of startup time); what survives is frozen out of later collections."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def serialized_store(dataset: Dataset, shaper: Shaper) -> LeaveStore:
    """Every record serialized once, chunk by chunk, so no more than a chunk lives as dicts."""
    plan = dataset.plan
    ids = np.arange(FIRST_LEAVE_ID, FIRST_LEAVE_ID + len(plan))
    records = dataset.records()
    bodies: list[bytes] = []
    v2_parts = [np.zeros(0, dtype=bool)]
    for begin in range(0, len(ids), SERIALIZE_CHUNK):
        chunk_ids = ids[begin : begin + SERIALIZE_CHUNK]
        chunk_bodies, chunk_v2 = shaper.serialized(chunk_ids, list(islice(records, len(chunk_ids))))
        bodies.extend(chunk_bodies)
        v2_parts.append(chunk_v2)
    return LeaveStore(
        ids, plan.start, plan.end, plan.status, plan.updated, bodies, np.concatenate(v2_parts)
    )
