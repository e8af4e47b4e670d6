"""A record's fingerprint: 64 bits of its JSON, enough to tell a record dbo already holds from
one that changed without validating it again."""

from typing import Any

import asyncpg
import xxhash

from db.sql_files import query

SIGNED_OFFSET = 1 << 63  # xxh3 answers 0..2^64-1; a bigint column holds -2^63..2^63-1
BIGINT_MAX = (1 << 63) - 1


def fingerprint_of(encoded: bytes | bytearray) -> int:
    return xxhash.xxh3_64_intdigest(encoded) - SIGNED_OFFSET


def ids_to_look_up(keys: list[tuple[Any, ...] | None]) -> list[int]:
    """Of each record's keys (its id first), the ids worth looking up: whole numbers a bigint
    holds (anything else fails validation)."""
    ids = []
    for record_keys in keys:
        if record_keys is not None:
            value = record_keys[0]
            if type(value) is int and 0 < value <= BIGINT_MAX:
                ids.append(value)
    return ids


async def remembered_fingerprints(connection: asyncpg.Connection, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    found = await connection.fetchrow(query("sync/remembered_fingerprints"), ids)
    return dict(zip(found["ids"], found["fingerprints"], strict=True))


async def any_fingerprint_remembered(connection: asyncpg.Connection) -> bool:
    return await connection.fetchval(query("sync/any_fingerprint_remembered"))
