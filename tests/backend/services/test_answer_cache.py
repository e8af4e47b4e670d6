import pytest

from backend.services import answer_cache
from backend.services.answer_cache import AnswerCache, CachedAnswer


class CountingAnswers:
    def __init__(self) -> None:
        self.computed = 0

    async def __call__(self) -> CachedAnswer:
        self.computed += 1
        return CachedAnswer(f"answer {self.computed}".encode(), "text/plain")


@pytest.fixture
def version_read_every_time(monkeypatch):
    monkeypatch.setattr(answer_cache, "VERSION_SECONDS", 0)


async def record_a_run(pool, status: str) -> None:
    await pool.execute(
        "INSERT INTO ops.sync_runs (trigger, status, finished_at) VALUES ('manual', $1, now())",
        status,
    )


async def test_the_same_question_is_answered_once_while_the_data_stays(
    pool, version_read_every_time
):
    cache, compute = AnswerCache(), CountingAnswers()

    first = await cache.answer(pool, ("summary",), compute)
    second = await cache.answer(pool, ("summary",), compute)

    assert first == second
    assert compute.computed == 1


async def test_a_succeeded_run_makes_every_answer_new(pool, version_read_every_time):
    cache, compute = AnswerCache(), CountingAnswers()
    await cache.answer(pool, ("summary",), compute)

    await record_a_run(pool, "succeeded")
    again = await cache.answer(pool, ("summary",), compute)

    assert again.body == b"answer 2"


async def test_a_failed_run_keeps_the_answers(pool, version_read_every_time):
    cache, compute = AnswerCache(), CountingAnswers()
    await cache.answer(pool, ("summary",), compute)

    await record_a_run(pool, "failed")
    await cache.answer(pool, ("summary",), compute)

    assert compute.computed == 1


async def test_the_least_recently_used_answer_goes_first_when_full(pool, version_read_every_time):
    cache, compute = AnswerCache(max_entries=2), CountingAnswers()
    for question in ("a", "b", "a", "c"):
        await cache.answer(pool, question, compute)

    await cache.answer(pool, "a", compute)
    await cache.answer(pool, "b", compute)

    assert compute.computed == 4
