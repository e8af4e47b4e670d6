"""ops.users."""

from typing import Any

import asyncpg

from db.sql_files import query


async def find_user(pool: asyncpg.Pool, username: str) -> asyncpg.Record | None:
    return await pool.fetchrow(query("users/find_by_username"), username)


async def insert_user(pool: asyncpg.Pool, username: str, password_hash: str, role: str) -> int:
    return await pool.fetchval(query("users/insert"), username, password_hash, role)


async def count_admins(pool: asyncpg.Pool) -> int:
    return await pool.fetchval(query("users/count_admins"))


async def list_users(pool: asyncpg.Pool) -> list[dict[str, Any]]:
    return [dict(row) for row in await pool.fetch(query("users/list"))]


async def roles(pool: asyncpg.Pool) -> dict[str, str]:
    return {row["username"]: row["role"] for row in await pool.fetch(query("users/roles"))}


async def delete_user(pool: asyncpg.Pool, username: str) -> bool:
    return await pool.execute(query("users/delete"), username) == "DELETE 1"
