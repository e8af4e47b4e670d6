"""Brute force on POST /token is limited per username and client: 429 with Retry-After."""

import asyncio
import threading

import pytest

from backend.rate_limit import LoginLimiter
from tests.operations.credentials import ADMIN_PASSWORD
from tests.waiting import eventually

LIMIT = 5  # LOGIN_MAX_FAILURES's default
WINDOW = 300  # LOGIN_LOCKOUT_SECONDS's default
KEY = ("admin", "203.0.113.9")


def sign_in(api, password: str, username: str = "admin"):
    return api.post("/token", data={"username": username, "password": password})


async def fail_to_sign_in(api, times: int, username: str = "admin") -> list[int]:
    return [(await sign_in(api, "wrong", username)).status_code for _ in range(times)]


async def test_wrong_passwords_up_to_the_limit_get_401_and_the_next_gets_429(api):
    statuses = await fail_to_sign_in(api, LIMIT + 1)

    assert statuses == [401] * LIMIT + [429]


async def test_a_429_says_when_to_try_again_in_the_common_error_shape(api):
    await fail_to_sign_in(api, LIMIT)
    answer = await sign_in(api, "wrong")

    assert 0 < int(answer.headers["Retry-After"]) <= WINDOW
    assert answer.json()["error"]["code"] == "too_many_attempts"


async def test_while_limited_even_the_right_password_gets_429(api):
    await fail_to_sign_in(api, LIMIT)

    assert (await sign_in(api, ADMIN_PASSWORD)).status_code == 429


async def test_another_username_is_not_limited_by_the_first(api):
    await fail_to_sign_in(api, LIMIT + 1, username="admin")

    assert await fail_to_sign_in(api, 1, username="someone-else") == [401]


async def test_a_username_is_limited_whatever_its_case(api):
    await fail_to_sign_in(api, LIMIT, username="admin")

    assert await fail_to_sign_in(api, 1, username="ADMIN") == [429]


async def test_a_successful_sign_in_clears_the_count(api):
    await fail_to_sign_in(api, LIMIT - 1)
    assert (await sign_in(api, ADMIN_PASSWORD)).status_code == 200

    assert await fail_to_sign_in(api, LIMIT - 1) == [401] * (LIMIT - 1)


async def test_concurrent_guesses_get_no_more_tries_than_the_limit(api):
    answers = await asyncio.gather(*(sign_in(api, f"guess-{n}") for n in range(4 * LIMIT)))

    assert sorted(answer.status_code for answer in answers) == [401] * LIMIT + [429] * 3 * LIMIT


async def test_a_token_answer_is_never_cached(api):
    answer = await sign_in(api, ADMIN_PASSWORD)

    assert answer.headers["Cache-Control"] == "no-store"


async def test_other_requests_are_answered_while_a_password_is_being_checked(api, monkeypatch):
    checking, checked = threading.Event(), threading.Event()

    def slow_password_check(password: str, password_hash: str | None) -> bool:
        checking.set()
        checked.wait(timeout=10)  # how long a blocked event loop would hold up /health
        return False

    monkeypatch.setattr("backend.services.users.password_matches", slow_password_check)
    signing_in = asyncio.create_task(sign_in(api, "wrong"))
    await eventually(checking.is_set, within=20)
    health = await api.get("/health")
    answered_first = not signing_in.done()
    checked.set()
    await signing_in

    assert health.status_code == 200
    assert answered_first


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def limiter(clock: Clock) -> LoginLimiter:
    return LoginLimiter(max_failures=LIMIT, window_seconds=WINDOW, clock=clock)


def test_the_wait_is_until_the_oldest_counted_failure_is_a_window_old(limiter, clock):
    for _ in range(LIMIT):
        limiter.record_failure(KEY)
        clock.now += 10

    assert limiter.seconds_until_allowed(KEY) == WINDOW - 10 * LIMIT


def test_a_key_may_try_again_once_its_oldest_failure_is_a_window_old(limiter, clock):
    for _ in range(LIMIT):
        limiter.record_failure(KEY)
    clock.now += WINDOW

    assert limiter.seconds_until_allowed(KEY) == 0


def test_the_limiter_forgets_the_oldest_keys_beyond_its_bound(limiter, monkeypatch):
    monkeypatch.setattr("backend.rate_limit.MAX_TRACKED_KEYS", 3)
    for n in range(5):
        limiter.record_failure((f"user-{n}", "198.51.100.1"))

    assert list(limiter.failures) == [(f"user-{n}", "198.51.100.1") for n in (2, 3, 4)]
