"""run_demo_upstream starts a real server process and always stops it."""

import httpx
import pytest

from vyaguta_demo.process import DemoUpstreamFailed, run_demo_upstream


def test_the_helper_serves_on_localhost_and_stops_the_process_on_exit() -> None:
    with run_demo_upstream(records=20) as upstream:
        assert upstream.base_url.startswith("http://127.0.0.1:")
        assert upstream.leaves_url == upstream.base_url + "/api/leave/leaves"
        response = httpx.get(upstream.leaves_url, headers=upstream.headers)
        assert response.status_code == 200
        assert upstream.process.poll() is None
    assert upstream.process.poll() is not None


def test_the_helper_stops_the_process_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError, match="boom"), run_demo_upstream(records=20) as upstream:
        raise RuntimeError("boom")
    assert upstream.process.poll() is not None


def test_a_server_that_cannot_start_is_reported_with_its_error() -> None:
    with pytest.raises(DemoUpstreamFailed, match="shape"), run_demo_upstream(shape="v9"):
        pass
