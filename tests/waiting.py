"""Waiting for something another process or task will do, with a deadline instead of a sleep."""

import asyncio
import inspect
from collections.abc import Awaitable, Callable

POLL_SECONDS = 0.05


async def eventually(condition: Callable[[], bool | Awaitable[bool]], within: float = 30) -> None:
    async with asyncio.timeout(within):
        while True:
            outcome = condition()
            if inspect.isawaitable(outcome):
                outcome = await outcome
            if outcome:
                return
            await asyncio.sleep(POLL_SECONDS)
