"""Users of the API: the first admin, adding more, checking a password."""

import asyncio
import logging

import asyncpg

from backend.auth.passwords import hash_password, password_matches
from backend.auth.tokens import ROLES, Principal
from backend.repositories import users
from backend.settings import Settings

logger = logging.getLogger(__name__)


class UserError(ValueError):
    """The user cannot be added as asked; the message says why."""


async def add_user(pool: asyncpg.Pool, username: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise UserError("the password needs at least 8 characters")
    if await users.find_user(pool, username):
        raise UserError(f"user {username!r} exists already")
    try:
        await users.insert_user(pool, username, hash_password(password), role)
    except asyncpg.CheckViolationError:
        raise UserError("a username is 1-64 letters, digits or . _ @ -") from None


async def ensure_first_admin(pool: asyncpg.Pool, settings: Settings) -> None:
    """The admin from ADMIN_USERNAME/ADMIN_PASSWORD, created only while there is no admin at all."""
    if await users.count_admins(pool):
        return
    await users.insert_user(
        pool,
        settings.admin_username,
        hash_password(settings.admin_password.get_secret_value()),
        "admin",
    )
    logger.info("created the first admin user from ADMIN_USERNAME")


async def authenticate(pool: asyncpg.Pool, username: str, password: str) -> Principal | None:
    user = await users.find_user(pool, username)
    # Argon2 takes a good fraction of a second of CPU by design: in a thread, so that sign-ins
    # (or someone guessing passwords) never stall every other request and the poller.
    matches = await asyncio.to_thread(
        password_matches, password, user["password_hash"] if user else None
    )
    if not matches or user is None:
        return None
    return Principal(user["username"], user["role"])
