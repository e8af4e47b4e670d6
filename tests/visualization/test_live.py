import pytest
from streamlit.testing.v1 import AppTest

from backend.settings import get_settings


@pytest.fixture
def polling_every_30_seconds(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("POLL_INTERVAL_SECONDS", "30")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def page_losing_its_database() -> None:
    from visualization.live import live

    @live
    def body() -> None:
        raise ConnectionRefusedError("connection refused")

    body()


def test_a_live_page_explains_a_database_that_does_not_answer(polling_every_30_seconds):
    app = AppTest.from_function(page_losing_its_database).run()
    assert not app.exception
    assert app.error[0].value == (
        "The database did not answer (ConnectionRefusedError: connection refused). "
        "This page tries again every 30 s."
    )
