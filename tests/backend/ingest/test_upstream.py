import gc
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from backend.ingest.body_buffers import BodyBuffers
from backend.ingest.upstream import (
    MAX_RETRY_AFTER_SECONDS,
    DateWindow,
    RetryPolicy,
    seconds_from_retry_after,
)


def test_retry_after_in_seconds_is_honoured_up_to_a_cap():
    policy = RetryPolicy(max_tries=5, base_seconds=1)

    assert policy.delay(1, seconds_from_retry_after("3")) == 3
    assert policy.delay(1, seconds_from_retry_after("86400")) == MAX_RETRY_AFTER_SECONDS


def test_retry_after_as_an_http_date_is_the_time_until_then():
    in_ten_seconds = format_datetime(datetime.now(UTC) + timedelta(seconds=10), usegmt=True)

    assert 8 <= seconds_from_retry_after(in_ten_seconds) <= 10


def test_an_unreadable_retry_after_is_ignored():
    assert seconds_from_retry_after("soon") is None
    assert seconds_from_retry_after(None) is None


def test_without_retry_after_the_delay_doubles_with_jitter():
    policy = RetryPolicy(max_tries=5, base_seconds=1)

    delays = [policy.delay(attempt, None) for attempt in (1, 2, 3)]

    assert 0.5 <= delays[0] <= 1.5
    assert 1.0 <= delays[1] <= 3.0
    assert 2.0 <= delays[2] <= 6.0


async def test_a_fetched_body_let_go_by_the_caller_is_read_into_again(client):
    """httpx's responses sit in reference cycles: a body one of them kept would stay until the
    cycle collector came by (a sync holds the collector off while it loads a page), and the
    next page would need a buffer of its own."""
    buffers = BodyBuffers()
    gc.disable()
    try:
        first = await client.fetch_body(1, 50, DateWindow(None, None), buffers)
        first_id = id(first)
        del first
        second = await client.fetch_body(2, 50, DateWindow(None, None), buffers)

        assert (id(second), len(buffers)) == (first_id, 1)
    finally:
        gc.enable()
