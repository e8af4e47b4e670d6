"""Whether the user a token names still exists with the token's role, without a query each time.

A token stays valid until it expires, but its user may be removed meanwhile, or removed and
added again with another role (`python -m backend.users`, from any machine). Reading ops.users
for every request would cost more than answering a cached KPI, so each API process keeps every
user's role in memory and reads them again every USERS_RELOAD_SECONDS: a change is seen by every
replica within that, and the check itself is a dict lookup.

A token the list does not confirm may just be newer than the list: a user added (or added again
with another role) who signed in since, here or at another replica. So unless the list was read
well after the token was issued, it is read once more before the token is refused. Those reads
are shared by every request waiting for one and start at most every MIN_READ_GAP_SECONDS: tokens
cannot make the process hammer the database (and only tokens with our signature get this far).
"""

import asyncio
import logging
import time

import asyncpg

from backend.auth.tokens import Principal
from backend.repositories import users

logger = logging.getLogger(__name__)

# A token's `iat` is in whole seconds, and replicas' clocks may differ a little: a list read more
# than this after a token's `iat` was certainly read after its user signed in.
ISSUE_MARGIN_SECONDS = 2.0
MIN_READ_GAP_SECONDS = 0.5


class Accounts:
    def __init__(self, min_read_gap: float = MIN_READ_GAP_SECONDS) -> None:
        self.min_read_gap = min_read_gap
        self.roles: dict[str, str] = {}
        # When the current list's query was sent (time.time(): compared with tokens' `iat`).
        self.read_since = float("-inf")
        self.reading: asyncio.Future[None] | None = None
        # Before this (time.monotonic()), a read asked for by a token waits.
        self.next_read = float("-inf")
        self.failing = False

    def confirms(self, principal: Principal) -> bool:
        return self.roles.get(principal.username) == principal.role

    async def still_valid(self, pool: asyncpg.Pool, principal: Principal, issued_at: float) -> bool:
        """Whether the token's user exists with the token's role: from memory when it does."""
        if self.confirms(principal):
            return True
        if self.read_since > issued_at + ISSUE_MARGIN_SECONDS:
            return False
        # The request came after the token was issued, so a list read from now on knows its user.
        await self.read_after(time.time(), pool, rate_limited=True)
        return self.confirms(principal)

    async def read_after(
        self, moment: float, pool: asyncpg.Pool, *, rate_limited: bool = False
    ) -> None:
        """Returns once the list in memory was read after `moment` (time.time()); raises what
        the read raised. One read at a time, shared by everyone waiting for it."""
        while self.read_since <= moment:
            if self.reading is None or self.reading.done():
                if rate_limited and (wait := self.next_read - time.monotonic()) > 0:
                    await asyncio.sleep(wait)
                    continue
                self.reading = asyncio.ensure_future(self.read(pool))
                self.reading.add_done_callback(retrieve_exception)
            # A caller that goes away must not cancel what others are waiting for.
            await asyncio.shield(self.reading)

    async def read(self, pool: asyncpg.Pool) -> None:
        started = time.time()
        self.next_read = time.monotonic() + self.min_read_gap
        self.roles = await users.roles(pool)
        self.read_since = started

    async def keep_current(self, pool: asyncpg.Pool, interval: float) -> None:
        """Read the list again every `interval` seconds, until cancelled. While the database
        cannot be read, the last list stays in use (and most requests fail for the same reason)."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.read_after(time.time(), pool)
            except Exception:
                if not self.failing:
                    logger.warning("the API users could not be read again", exc_info=True)
                self.failing = True
            else:
                if self.failing:
                    logger.info("the API users are read again")
                self.failing = False


def retrieve_exception(done: asyncio.Future[None]) -> None:
    """A read's failure is told to whoever waits for it; this keeps asyncio from also logging it
    as never retrieved when no one waited any more."""
    if not done.cancelled():
        done.exception()
