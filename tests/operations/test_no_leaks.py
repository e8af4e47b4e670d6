"""Run last (see secret_watch.py): nothing the session saw carried a secret."""

from tests.operations.secret_watch import WATCH


def test_no_secret_appeared_in_any_log_line_or_response_of_the_session():
    assert WATCH.inspected
    assert WATCH.leaks == []
