import asyncio
import threading

import pytest

from visualization.database.loop_thread import LoopThread


@pytest.fixture
def loop_thread():
    thread = LoopThread()
    yield thread
    thread.stop()


def test_a_coroutine_runs_on_the_loops_thread_and_answers_the_caller(loop_thread):
    async def where() -> str:
        await asyncio.sleep(0)
        return threading.current_thread().name

    assert loop_thread.run(where()) == "dashboard-database"


def test_a_coroutines_exception_is_raised_to_the_caller(loop_thread):
    async def fail() -> None:
        raise LookupError("no such row")

    with pytest.raises(LookupError, match="no such row"):
        loop_thread.run(fail())


def test_stopping_ends_the_thread():
    thread = LoopThread()
    thread.stop()
    assert not thread.thread.is_alive()
    assert thread.loop.is_closed()
