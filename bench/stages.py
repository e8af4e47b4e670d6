"""Where a real sync spends its time, measured from outside the product code.

The sync runs unmodified; for its duration, the functions it is made of are wrapped with a
timer wherever they are referenced (fetching a page, decoding it, sorting it into rows, COPY,
each named SQL statement). Each stage gets its own time, without the probed calls nested in
it (fetching a page excludes decoding it). A probe whose target no longer exists is reported
as missing, never fatal: that time then shows under "other".
"""

import importlib
import inspect
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

import asyncpg.connection

from db.sql_files import QUERIES_DIR, query

SQL_METHODS = ("execute", "fetch", "fetchrow", "fetchval")
SQL_FOLDERS = ("sync", "sync_runs")
PATCHED_PACKAGES = ("backend", "db", "asyncpg")


@dataclass(frozen=True)
class Probe:
    module: str  # where the target is defined
    attribute: str  # "function" or "Class.method"
    stage: str


PROBES = (
    Probe("backend.ingest.upstream", "VyagutaClient.fetch_body", "fetch (HTTP)"),
    Probe("backend.ingest.envelopes", "parse_page", "scan page + read keys"),
    Probe("backend.ingest.envelopes", "keys_of_records", "scan page + read keys"),
    Probe("backend.ingest.page_rows", "sort_fetched_page", "fingerprint + decode changed + rows"),
    Probe("asyncpg.connection", "Connection.copy_records_to_table", "COPY"),
)
# Stage names for named SQL; the other named queries of these folders are bookkeeping.
SQL_STAGES = {
    "sync/truncate_raw": "truncate raw",
    "sync/remembered_fingerprints": "fingerprint lookup",
    # Sent after each page's COPY and awaited before the next: its wall time is mostly the
    # next page's sorting, which it runs alongside (its own time is the procedure's, in
    # pg_stat_user_functions).
    "sync/insert_first_leaves": "first load: leaves INSERT (overlapped)",
    "sync/merge_snapshot": "MERGE",
    "sync/refresh_reporting": "reporting refresh",
}
OTHER_SQL_PREFIX = "SQL "
RAW_STAGES = (
    "fetch (HTTP)",
    "scan page + read keys",
    "fingerprint lookup",
    "fingerprint + decode changed + rows",
    "truncate raw",
    "COPY",
)
BREAKDOWN_ORDER = (
    *RAW_STAGES,
    "first load: leaves INSERT (overlapped)",
    "MERGE",
    "reporting refresh",
    "bookkeeping SQL",
    "other",
)


@dataclass
class Frame:
    nested: float = 0.0


@dataclass
class StageClock:
    """Per stage: seconds (own time), calls, and when its first call began and last ended."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    calls: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first_start: dict[str, float] = field(default_factory=dict)
    last_end: dict[str, float] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def add(self, stage: str, began: float, ended: float, own: float) -> None:
        self.seconds[stage] += own
        self.calls[stage] += 1
        self.first_start.setdefault(stage, began)
        self.last_end[stage] = ended

    def span(self, stages: tuple[str, ...]) -> float:
        """Wall time from the first call of any of `stages` to the end of the last."""
        starts = [self.first_start[s] for s in stages if s in self.first_start]
        ends = [self.last_end[s] for s in stages if s in self.last_end]
        return max(ends) - min(starts) if starts else 0.0


CURRENT: ContextVar[tuple[Frame, ...]] = ContextVar("bench_stage_frames", default=())


@contextmanager
def stage_timer(clock: StageClock, stage_of: Callable[[], str | None]) -> Iterator[None]:
    frame, outer = Frame(), CURRENT.get()
    token = CURRENT.set((*outer, frame))
    began = time.perf_counter()
    try:
        yield
    finally:
        ended = time.perf_counter()
        CURRENT.reset(token)
        stage = stage_of()
        if stage is not None:
            clock.add(stage, began, ended, ended - began - frame.nested)
            if outer:
                outer[-1].nested += ended - began
        elif outer:
            outer[-1].nested += frame.nested


def timed(original: Callable[..., Any], stage_of: Callable[..., str | None], clock: StageClock):
    """`original` wrapped so each call adds its own time to the stage `stage_of(args)` names."""
    if inspect.iscoroutinefunction(original):

        @wraps(original)
        async def timed_coroutine(*args: Any, **kwargs: Any) -> Any:
            with stage_timer(clock, lambda: stage_of(*args, **kwargs)):
                return await original(*args, **kwargs)

        return timed_coroutine

    @wraps(original)
    def timed_function(*args: Any, **kwargs: Any) -> Any:
        with stage_timer(clock, lambda: stage_of(*args, **kwargs)):
            return original(*args, **kwargs)

    return timed_function


def resolve(probe: Probe) -> tuple[Any, str, Any] | None:
    """(owner, name, the original) of a probe's target, or None when it is gone."""
    try:
        owner: Any = importlib.import_module(probe.module)
    except ImportError:
        return None
    *path, name = probe.attribute.split(".")
    for part in path:
        owner = getattr(owner, part, None)
    original = getattr(owner, name, None) if owner is not None else None
    return (owner, name, original) if callable(original) else None


def holders_of(original: Any) -> list[tuple[Any, str]]:
    """Every loaded module of ours that imported `original` under some name."""
    holders = []
    for module_name, module in list(sys.modules.items()):
        if module is None or not module_name.startswith(PATCHED_PACKAGES):
            continue
        for name, value in list(vars(module).items()):
            if value is original:
                holders.append((module, name))
    return holders


def named_sql_texts() -> dict[str, str]:
    """Every named query of the sync's folders, by its exact text."""
    texts = {}
    for folder in SQL_FOLDERS:
        for path in sorted((QUERIES_DIR / folder).glob("*.sql")):
            name = f"{folder}/{path.stem}"
            texts[query(name)] = name
    return texts


def sql_stage_namer(texts: dict[str, str]) -> Callable[..., str | None]:
    def stage_of(_connection: Any, sql: Any = None, *_args: Any, **kwargs: Any) -> str | None:
        sql = kwargs.get("query", sql)
        name = texts.get(sql) if isinstance(sql, str) else None
        if name is None:
            return None
        return SQL_STAGES.get(name, f"{OTHER_SQL_PREFIX}{name}")

    return stage_of


@contextmanager
def patched(owner: Any, name: str, replacement: Any) -> Iterator[None]:
    original = vars(owner)[name] if name in vars(owner) else getattr(owner, name)
    setattr(owner, name, replacement)
    try:
        yield
    finally:
        setattr(owner, name, original)


@contextmanager
def probes_installed(clock: StageClock) -> Iterator[StageClock]:
    """Every probe in place for the block; `clock` collects the stages' seconds."""
    with ExitStack() as stack:
        for probe in PROBES:
            found = resolve(probe)
            if found is None:
                clock.missing.append(f"{probe.module}.{probe.attribute}")
                continue
            owner, name, original = found
            wrapper = timed(original, lambda *_a, _s=probe.stage, **_k: _s, clock)
            if inspect.isclass(owner):
                stack.enter_context(patched(owner, name, wrapper))
                continue
            for module, alias in holders_of(original):
                stack.enter_context(patched(module, alias, wrapper))
        namer = sql_stage_namer(named_sql_texts())
        connection_class = asyncpg.connection.Connection
        for method in SQL_METHODS:
            wrapper = timed(getattr(connection_class, method), namer, clock)
            stack.enter_context(patched(connection_class, method, wrapper))
        yield clock


def breakdown(clock: StageClock, total_seconds: float) -> dict[str, float]:
    """The run's seconds by stage, in pipeline order. "other" is what no probe saw (Python
    between stages, the lock), negative when stages overlapped. "raw stage" is the wall time
    from the first page fetched to the last COPY: what it took to land the snapshot in raw."""
    stages = {name: clock.seconds.get(name, 0.0) for name in BREAKDOWN_ORDER[:-2]}
    stages["bookkeeping SQL"] = sum(other_sql(clock).values())
    stages["other"] = total_seconds - sum(stages.values())
    stages["raw stage"] = clock.span(RAW_STAGES)
    return stages


def other_sql(clock: StageClock) -> dict[str, float]:
    """Seconds per named query other than the stages': the run record, the lock, ..."""
    return {
        stage.removeprefix(OTHER_SQL_PREFIX): seconds
        for stage, seconds in sorted(clock.seconds.items())
        if stage.startswith(OTHER_SQL_PREFIX)
    }
