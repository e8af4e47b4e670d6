"""Syncs and uploads run in a child process of the API, at a lower CPU priority.

A sync decodes, checks and sorts every fetched page in Python: 3.6 s of CPU for a full sync of
161,450 records, over 90 % of all the CPU a sync costs (PostgreSQL and the upstream share the
rest). In the serving process that work held the event loop (or, on a thread, the GIL) for
~100 ms a page, and every request waited behind it: KPI p95 rose from ~50 ms to 300-2,700 ms
while a sync ran under load. In a child process of its own, niced, the serving process keeps
its interpreter and the operating system runs it first.

The child is the SyncRunner the app would otherwise hold, with its own pool and HTTP client.
The parent keeps the app's metrics (as SyncRunner.observed would) and the answer cache; each
run's outcome comes back over a pipe. The child dies with the parent: a killed API leaves no
run going on behind its back (the run's transaction rolls back, as before).
"""

import asyncio
import contextlib
import ctypes
import itertools
import logging
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from typing import Any

import asyncpg
import httpx
from prometheus_client import CollectorRegistry

from backend.database_outage import is_database_unreachable
from backend.ingest.upstream import RetryPolicy, VyagutaClient
from backend.logs import configure_logging
from backend.metrics import SyncMetrics
from backend.services.runs import SyncAlreadyRunning, SyncFailed
from backend.services.sync import SyncOptions
from backend.services.sync_runner import SyncRunner
from backend.services.upload import UploadOutcome
from backend.settings import Settings
from db.pool import create_pool

logger = logging.getLogger(__name__)

NICENESS = 10
PR_SET_PDEATHSIG = 1


class RunProcessDied(RuntimeError):
    """The child process ended while a run was asked of it."""


def upstream_client(settings: Settings, http: httpx.AsyncClient) -> VyagutaClient | None:
    if not settings.vyaguta_api_url:
        return None
    retry = RetryPolicy(settings.vyaguta_max_tries, settings.vyaguta_retry_base_seconds)
    return VyagutaClient(http, settings.vyaguta_api_url, settings.vyaguta_bearer_token, retry)


def http_client(settings: Settings) -> httpx.AsyncClient:
    timeout = httpx.Timeout(settings.vyaguta_timeout_seconds, connect=10)
    return httpx.AsyncClient(timeout=timeout, follow_redirects=False)


def die_with_parent() -> None:
    # Not on Linux: the closed pipe still ends the child, once it next looks.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def child_main(connection: Connection, settings: Settings, url: str) -> None:
    die_with_parent()
    os.nice(NICENESS)
    configure_logging(settings.log_level)
    asyncio.run(serve_runs(connection, settings, url))


async def serve_runs(connection: Connection, settings: Settings, url: str) -> None:
    pool = await create_pool(url)
    http = http_client(settings)
    runner = SyncRunner(
        pool,
        upstream_client(settings, http),
        SyncOptions.from_settings(settings),
        SyncMetrics(CollectorRegistry()),  # the parent's are the ones /metrics shows
        settings.full_sync_interval_seconds,
    )
    asked: asyncio.Queue[tuple[int, str, Any] | None] = asyncio.Queue()

    def receive() -> None:
        try:
            asked.put_nowait(connection.recv())
        except (EOFError, OSError):  # the parent is gone
            os._exit(0)

    loop = asyncio.get_running_loop()
    loop.add_reader(connection.fileno(), receive)
    running: set[asyncio.Task] = set()
    try:
        while (message := await asked.get()) is not None:
            task = asyncio.create_task(answer(connection, runner, *message))
            running.add(task)
            task.add_done_callback(running.discard)
    finally:
        loop.remove_reader(connection.fileno())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        await http.aclose()
        await pool.close()


async def answer(connection: Connection, runner: SyncRunner, ask_id: int, what: str, arg: Any):
    try:
        if what == "sync":
            reply: tuple[str, Any] = ("ok", await runner.sync(arg))
        else:
            reply = ("ok", await runner.upload(arg))
    except SyncAlreadyRunning as running:
        reply = ("already_running", running.run_id)
    except SyncFailed as failed:
        reply = ("failed", (failed.run, failed.kind))
    except Exception as error:  # sent on: the caller's error handling decides what it means
        if is_database_unreachable(error):  # judged here, where its traceback is
            reply = ("database_unreachable", f"{type(error).__name__}: {error}")
        else:
            logger.exception("run failed in the run process")
            reply = ("error", f"{type(error).__name__}: {error}")
    connection.send((ask_id, *reply))


class ProcessRunner:
    """What routes and the poller call, as they would call a SyncRunner: sync and upload."""

    def __init__(self, settings: Settings, url: str, metrics: SyncMetrics) -> None:
        self.settings = settings
        self.url = url
        self.metrics = metrics
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future] = {}
        self.process: multiprocessing.process.BaseProcess | None = None
        self.connection: Connection | None = None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child_end = context.Pipe()
        self.process = context.Process(
            target=child_main,
            args=(child_end, self.settings, self.url),
            name="leave-sync-runs",
            daemon=True,
        )
        self.process.start()
        child_end.close()
        asyncio.get_running_loop().add_reader(self.connection.fileno(), self.received)

    def received(self) -> None:
        assert self.connection is not None
        try:
            ask_id, outcome, value = self.connection.recv()
        except (EOFError, OSError):
            self.child_gone()
            return
        future = self.waiting.pop(ask_id, None)
        if future is None or future.done():
            return
        if outcome == "ok":
            future.set_result(value)
        elif outcome == "already_running":
            future.set_exception(SyncAlreadyRunning(value))
        elif outcome == "failed":
            run, kind = value
            future.set_exception(SyncFailed(run, kind=kind))
        elif outcome == "database_unreachable":
            future.set_exception(asyncpg.PostgresConnectionError(value))
        else:
            future.set_exception(RuntimeError(value))

    def child_gone(self) -> None:
        logger.error("the run process ended; it is started again for the next run")
        if self.connection is not None:
            asyncio.get_running_loop().remove_reader(self.connection.fileno())
            self.connection.close()
        self.connection = None
        for future in self.waiting.values():
            if not future.done():
                future.set_exception(RunProcessDied("the run process ended during the run"))
        self.waiting.clear()

    async def ask(self, what: str, argument: Any) -> Any:
        if self.connection is None:
            self.start()
        assert self.connection is not None
        ask_id = next(self.ids)
        future = asyncio.get_running_loop().create_future()
        self.waiting[ask_id] = future
        try:
            self.connection.send((ask_id, what, argument))
        except OSError:
            self.child_gone()
        return await future

    async def sync(self, trigger: str) -> dict[str, Any]:
        try:
            finished = await self.ask("sync", trigger)
        except SyncFailed as failed:
            self.metrics.observe_failure(failed.run, failed.kind)
            raise
        self.metrics.observe_run(finished)
        return finished

    async def upload(self, records: list[Any]) -> UploadOutcome:
        try:
            outcome = await self.ask("upload", records)
        except SyncFailed as failed:
            self.metrics.observe_failure(failed.run, failed.kind)
            raise
        self.metrics.observe_run(outcome.run)
        return outcome

    async def stop(self) -> None:
        if self.connection is not None:
            asyncio.get_running_loop().remove_reader(self.connection.fileno())
            with contextlib.suppress(OSError):
                self.connection.send(None)
        if self.process is not None:
            await asyncio.to_thread(self.process.join, 15)
            if self.process.is_alive():
                self.process.kill()
                await asyncio.to_thread(self.process.join, 5)
        if self.connection is not None:
            self.connection.close()
