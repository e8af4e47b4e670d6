"""Everything the app holds while it runs, on app.state: the pool, the HTTP client, the poller,
the API users' roles (kept current in the background)."""

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager, suppress
from typing import Any

import asyncpg
import httpx
from fastapi import FastAPI

from backend import run_process
from backend.ingest.upstream import VyagutaClient
from backend.repositories.sync_runs import fail_interrupted_runs
from backend.run_process import ProcessRunner
from backend.services.accounts import Accounts
from backend.services.poller import PollerState, poll_forever
from backend.services.runs import SYNC_LOCK_KEY
from backend.services.users import ensure_first_admin
from backend.settings import Settings
from db.dsn import database_url, describe
from db.migration_files import read_migrations
from db.migrator import Migrator
from db.pool import create_pool
from db.sql_files import query

logger = logging.getLogger(__name__)


class StartupRefused(RuntimeError):
    """The service must not start as configured; the message says what to change."""


async def refuse_unless_schema_is_current(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as connection:
        states = await Migrator(connection, read_migrations()).status()
    if behind := [f"{s.version:04d}_{s.name} ({s.state})" for s in states if s.state != "applied"]:
        raise StartupRefused(
            f"the schema is not current: {', '.join(behind)}; run `python migrate.py --up`"
        )


async def fail_runs_left_by_dead_processes(pool: asyncpg.Pool) -> None:
    async with pool.acquire() as connection, connection.transaction():
        if await connection.fetchval(query("sync/try_lock"), SYNC_LOCK_KEY) and (
            interrupted := await fail_interrupted_runs(pool)
        ):
            logger.warning("runs left running by a stopped process marked failed: %s", interrupted)


def upstream_client(settings: Settings, http: httpx.AsyncClient) -> VyagutaClient | None:
    if not settings.vyaguta_api_url:
        logger.warning("VYAGUTA_API_URL is not set: no poller, manual syncs answer 503")
    return run_process.upstream_client(settings, http)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    if problems := settings.production_problems():
        raise StartupRefused("refusing to start in production: " + "; ".join(problems))
    async with AsyncExitStack() as stack:
        url = stack.enter_context(
            database_url(settings.database_url, settings.embedded_postgres_dir)
        )
        logger.info("database: %s", describe(url))
        pool = await create_pool(url, plan_every_call=True)
        stack.push_async_callback(pool.close)
        await refuse_unless_schema_is_current(pool)
        await ensure_first_admin(pool, settings)
        await fail_runs_left_by_dead_processes(pool)
        accounts: Accounts = app.state.accounts
        await accounts.read_after(time.time(), pool)
        keeping_users_current = asyncio.create_task(
            accounts.keep_current(pool, settings.users_reload_seconds), name="api-users"
        )
        stack.push_async_callback(stop_task, keeping_users_current)

        timeout = httpx.Timeout(settings.vyaguta_timeout_seconds, connect=10)
        http = httpx.AsyncClient(timeout=timeout, follow_redirects=False)
        stack.push_async_callback(http.aclose)
        app.state.pool = pool
        app.state.http = http
        app.state.upstream = upstream_client(settings, http)
        # Runs (syncs, uploads) are CPU-heavy in Python: off the process that answers requests.
        runner = ProcessRunner(settings, url, app.state.sync_metrics)
        runner.start()
        stack.push_async_callback(runner.stop)
        app.state.sync_runner = runner
        app.state.poller_state = PollerState()
        app.state.poller = None
        if app.state.upstream and settings.poll_interval_seconds > 0:

            async def poll() -> dict[str, Any]:
                async with app.state.answer_cache.watching(pool):
                    return await runner.sync("poller")

            app.state.poller = asyncio.create_task(
                poll_forever(
                    poll,
                    settings.poll_interval_seconds,
                    settings.poll_max_backoff_seconds,
                    app.state.poller_state,
                ),
                name="poller",
            )
            stack.push_async_callback(stop_task, app.state.poller)
        yield


async def stop_task(task: asyncio.Task) -> None:
    task.cancel()
    with suppress(asyncio.CancelledError):
        await task
