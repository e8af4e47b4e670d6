"""What a benchmark runs against: its own embedded PostgreSQL, migrated databases cloned from
a template, the demo upstream, and the client and options the service itself would build."""

import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx
from pydantic import SecretStr

from backend.ingest.upstream import RetryPolicy, VyagutaClient
from backend.services.sync import SyncOptions
from backend.settings import Settings
from db.dsn import with_database
from db.embedded import embedded_postgres
from db.pool import create_pool
from db.schema import migrate_to_latest
from vyaguta_demo.process import DemoUpstream, run_demo_upstream

UPSTREAM_TOKEN = "bench-upstream-token"  # noqa: S105 - the demo upstream's token, local only
DEMO_SEED = 7
TEMPLATE = "bench_template"


@contextmanager
def embedded_server(prefix: str = "leave-analytics-bench-") -> Iterator[str]:
    """A throw-away embedded PostgreSQL in a temporary directory; yields its server URL."""
    with (
        tempfile.TemporaryDirectory(prefix=prefix) as folder,
        embedded_postgres(Path(folder) / "postgres") as url,
    ):
        yield url


class Databases:
    """Fresh migrated databases on one server, cloned from a template migrated once."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.created: list[str] = []

    async def admin(self, sql: str) -> None:
        connection = await asyncpg.connect(self.server_url)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    async def prepare_template(self) -> None:
        await self.admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        await self.admin(f'CREATE DATABASE "{TEMPLATE}"')
        await migrate_to_latest(with_database(self.server_url, TEMPLATE))

    async def fresh(self, label: str) -> str:
        """A new migrated, empty database; procedures' timings are tracked (track_functions)."""
        name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
        await self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        await self.admin(f"ALTER DATABASE \"{name}\" SET track_functions = 'pl'")
        self.created.append(name)
        return with_database(self.server_url, name)

    async def drop(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        await self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.created:
            self.created.remove(name)

    async def drop_all(self) -> None:
        for name in list(self.created):
            await self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()


@contextmanager
def demo_upstream(records: int, **options: Any) -> Iterator[DemoUpstream]:
    """The demo upstream as a real subprocess on 127.0.0.1 (large N takes a while to build)."""
    with run_demo_upstream(
        startup_timeout=900, records=records, seed=DEMO_SEED, token=UPSTREAM_TOKEN, **options
    ) as upstream:
        yield upstream


def sync_settings(database_url: str, upstream: DemoUpstream, page_size: int) -> Settings:
    """The service's settings for this database and upstream, ignoring any .env file."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=SecretStr(database_url),
        vyaguta_api_url=upstream.leaves_url,
        vyaguta_bearer_token=SecretStr(upstream.token),
        vyaguta_page_size=page_size,
        vyaguta_timeout_seconds=300,
        poll_interval_seconds=0,
    )


def sync_options(settings: Settings) -> SyncOptions:
    return SyncOptions.from_settings(settings)


@asynccontextmanager
async def upstream_client(settings: Settings) -> AsyncIterator[VyagutaClient]:
    """The client the service builds (lifespan), over a real HTTP connection."""
    async with httpx.AsyncClient(timeout=settings.vyaguta_timeout_seconds) as http:
        yield VyagutaClient(
            http,
            settings.vyaguta_api_url or "",
            settings.vyaguta_bearer_token,
            RetryPolicy(settings.vyaguta_max_tries, settings.vyaguta_retry_base_seconds),
        )


@asynccontextmanager
async def warm_pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    """The service's pool with its connections already open, as in a running service."""
    pool = await create_pool(database_url, min_size=3, max_size=4)
    try:
        yield pool
    finally:
        await pool.close()
