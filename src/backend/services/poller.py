"""The lifespan task that syncs every POLL_INTERVAL_SECONDS and never dies.

After consecutive failures it waits longer each time (doubling, capped), and is back to the
normal interval after the first success.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from backend.services.runs import SyncAlreadyRunning, SyncFailed

logger = logging.getLogger(__name__)

MAX_DOUBLINGS = 64


@dataclass
class PollerState:
    consecutive_failures: int = 0
    runs_attempted: int = 0
    next_delay_seconds: float = 0.0


def delay_after(failures: int, interval: float, cap: float) -> float:
    if failures == 0:
        return interval
    # Past the cap more doublings change nothing, and a float overflows at 2**1024: a week of
    # failures at the default settings would otherwise kill the poller.
    doublings = min(failures, MAX_DOUBLINGS)
    return min(interval * 2**doublings, max(cap, interval))


async def poll_forever(
    sync_once: Callable[[], Awaitable[object]],
    interval: float,
    max_backoff: float,
    state: PollerState,
) -> None:
    """Sync now, then again after each delay, until cancelled."""
    while True:
        state.runs_attempted += 1
        try:
            await sync_once()
        except SyncAlreadyRunning as running:
            logger.info("poll skipped: run %s is in progress", running.run_id)
        except SyncFailed:
            state.consecutive_failures += 1
        except asyncio.CancelledError:
            raise
        except Exception:
            state.consecutive_failures += 1
            logger.exception("poll failed unexpectedly")
        else:
            state.consecutive_failures = 0
        state.next_delay_seconds = delay_after(state.consecutive_failures, interval, max_backoff)
        if state.consecutive_failures:
            logger.warning(
                "%d consecutive failed poll(s); next try in %.0f s",
                state.consecutive_failures,
                state.next_delay_seconds,
            )
        await asyncio.sleep(state.next_delay_seconds)
