"""The asyncpg pool every async part of the system shares."""

from typing import Any

import asyncpg
import orjson

JSONB_FORMAT_VERSION = b"\x01"


def encode_jsonb(value: Any) -> bytes:
    return JSONB_FORMAT_VERSION + orjson.dumps(value)


def decode_jsonb(data: bytes) -> Any:
    return orjson.loads(data[1:])


async def initialise_connection(connection: asyncpg.Connection) -> None:
    """JSON values go in and out as Python objects, in the binary format COPY needs too."""
    await connection.set_type_codec(
        "jsonb", schema="pg_catalog", format="binary", encoder=encode_jsonb, decoder=decode_jsonb
    )
    await connection.set_type_codec(
        "json",
        schema="pg_catalog",
        format="text",
        encoder=lambda value: orjson.dumps(value).decode(),
        decoder=orjson.loads,
    )


async def connect(url: str) -> asyncpg.Connection:
    connection = await asyncpg.connect(url, server_settings={"timezone": "UTC"})
    await initialise_connection(connection)
    return connection


async def create_pool(
    url: str, *, min_size: int = 1, max_size: int = 10, plan_every_call: bool = False
) -> asyncpg.Pool:
    """`plan_every_call`: every statement is planned for its own values, for the whole session
    (RESET ALL keeps it): what KPI reads need (see `fetch_kpi`), without a transaction each."""
    settings = {"application_name": "leave-analytics", "timezone": "UTC"}
    if plan_every_call:
        settings["plan_cache_mode"] = "force_custom_plan"
    return await asyncpg.create_pool(
        url,
        min_size=min_size,
        max_size=max_size,
        init=initialise_connection,
        server_settings=settings,
    )
