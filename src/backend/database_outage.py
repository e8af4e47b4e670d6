"""A request that fails because PostgreSQL is unreachable answers 503, not 500.

PostgreSQL restarting or failing over is an outage the caller can wait out, not a bug: the
answer says so, and the pool reconnects by itself once the server is back.
"""

import logging
import traceback

import asyncpg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from backend.errors import error_response, handle_unexpected

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
# What asyncpg raises when the server is gone, going, not yet up, or full.
UNREACHABLE = (
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
)


def raised_inside_the_driver(error: BaseException) -> bool:
    return any(
        frame.f_globals.get("__name__", "").startswith("asyncpg.")
        for frame, _ in traceback.walk_tb(error.__traceback__)
    )


def is_database_unreachable(error: BaseException) -> bool:
    """A socket error counts only when asyncpg raised it: other I/O errors are not an outage."""
    if isinstance(error, UNREACHABLE):
        return True
    return isinstance(error, OSError) and raised_inside_the_driver(error)


async def answer_database_outage(request: Request, error: Exception) -> JSONResponse:
    if not is_database_unreachable(error):
        return await handle_unexpected(request, error)
    logger.warning("database unreachable (%s): answered 503", type(error).__name__)
    return error_response(
        503,
        "database_unavailable",
        "the database is not reachable right now; try again shortly",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def install_database_outage_handler(app: FastAPI) -> None:
    for kind in (*UNREACHABLE, OSError):
        app.add_exception_handler(kind, answer_database_outage)
