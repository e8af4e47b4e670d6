"""An outage of days: the poller's wait stays at its cap and the poller keeps polling."""

import asyncio

import pytest

from backend.services.poller import PollerState, delay_after, poll_forever
from backend.services.runs import SyncFailed
from tests.waiting import eventually

A_WEEK_OF_FAILURES_AT_THE_CAP = 7 * 24 * 3600 // 600
# Enough further polls to pass 1024 failures in a row, where 2**failures stops fitting a float.
FURTHER_POLLS = 20


@pytest.mark.parametrize("failures", [10, A_WEEK_OF_FAILURES_AT_THE_CAP, 1024, 1_000_000])
def test_the_wait_after_any_number_of_failures_is_the_cap(failures):
    assert delay_after(failures, interval=30.0, cap=600.0) == 600.0


async def test_the_poller_keeps_polling_after_a_week_of_failures():
    async def failing_sync() -> None:
        raise SyncFailed({"id": 1, "error": "upstream down"}, kind="upstream_unavailable")

    state = PollerState(consecutive_failures=A_WEEK_OF_FAILURES_AT_THE_CAP)
    poller = asyncio.create_task(poll_forever(failing_sync, 0.001, 0.001, state))
    try:
        await eventually(lambda: state.runs_attempted >= FURTHER_POLLS or poller.done(), within=10)
        assert not poller.done()
    finally:
        poller.cancel()
