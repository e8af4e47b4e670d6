"""Brute force on POST /token: a few wrong passwords per username and client, then 429.

The counts live in the process: each API replica keeps its own, so behind a load balancer an
attacker gets up to LOGIN_MAX_FAILURES tries per replica within the window, not more.
The client is the address uvicorn reports: behind a proxy, start uvicorn with
`--forwarded-allow-ips` set to the proxy's address so that it is the caller's, not the proxy's.
"""

import math
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordRequestForm

from backend.errors import ApiError

# Enough for every client of a real deployment; bounds the memory a spray of usernames can take.
MAX_TRACKED_KEYS = 10_000

Key = tuple[str, str]


class LoginLimiter:
    def __init__(
        self,
        max_failures: int,
        window_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self.clock = clock
        self.failures: OrderedDict[Key, deque[float]] = OrderedDict()

    def seconds_until_allowed(self, key: Key) -> float:
        """0 when `key` may try now; else how long until its oldest counted failure expires."""
        recent = self.recent_failures(key)
        if len(recent) < self.max_failures:
            return 0.0
        return recent[0] + self.window_seconds - self.clock()

    def record_failure(self, key: Key) -> None:
        self.failures[key] = self.recent_failures(key)
        self.failures[key].append(self.clock())
        self.failures.move_to_end(key)
        while len(self.failures) > MAX_TRACKED_KEYS:
            self.failures.popitem(last=False)

    def forget(self, key: Key) -> None:
        self.failures.pop(key, None)

    def recent_failures(self, key: Key) -> deque[float]:
        failures = self.failures.get(key, deque())
        while failures and failures[0] <= self.clock() - self.window_seconds:
            failures.popleft()
        return failures


class LoginAttempt:
    """One POST /token, counted as a failure from the start: concurrent guesses cannot all slip
    past the check before the first of them is counted. A success takes the count back."""

    def __init__(self, limiter: LoginLimiter, key: Key) -> None:
        self.limiter = limiter
        self.key = key

    def count_unless_over_the_limit(self) -> None:
        if (wait := self.limiter.seconds_until_allowed(self.key)) > 0:
            raise ApiError(
                429,
                "too_many_attempts",
                "too many failed sign-ins for this user; try again later",
                headers={"Retry-After": str(math.ceil(wait))},
            )
        self.limiter.record_failure(self.key)

    def succeeded(self) -> None:
        self.limiter.forget(self.key)


async def login_attempt(
    request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> LoginAttempt:
    """Async on purpose: on the event loop, the check and the count happen with no switch
    between them (a plain def would run in a thread pool)."""
    client = request.client.host if request.client else "unknown"
    attempt = LoginAttempt(request.app.state.login_limiter, (form.username.casefold(), client))
    attempt.count_unless_over_the_limit()
    return attempt


LoginAttemptDep = Annotated[LoginAttempt, Depends(login_attempt)]
