import asyncio

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


class SlowAnswers(CountingAnswers):
    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def __call__(self) -> CachedAnswer:
        await self.release.wait()
        return await super().__call__()


@pytest.fixture
def version_kept_long(monkeypatch):
    monkeypatch.setattr(answer_cache, "VERSION_SECONDS", 3600)


async def test_concurrent_askers_of_one_question_share_one_computation(
    pool, version_read_every_time
):
    cache, compute = AnswerCache(), SlowAnswers()

    askers = [asyncio.create_task(cache.answer(pool, ("summary",), compute)) for _ in range(5)]
    await asyncio.sleep(0.05)
    compute.release.set()
    answers = await asyncio.gather(*askers)

    assert compute.computed == 1
    assert {answer.body for answer in answers} == {b"answer 1"}


async def test_a_run_of_this_process_is_seen_at_once_not_when_the_version_is_due(
    pool, version_kept_long
):
    cache, compute = AnswerCache(), CountingAnswers()
    await cache.answer(pool, ("summary",), compute)

    await record_a_run(pool, "succeeded")
    async with cache.watching(pool):
        pass
    again = await cache.answer(pool, ("summary",), compute)

    assert again.body == b"answer 2"


async def test_an_answer_read_before_a_new_version_is_not_kept_for_it(pool, version_kept_long):
    cache, compute = AnswerCache(), SlowAnswers()
    asker = asyncio.create_task(cache.answer(pool, ("summary",), compute))
    await asyncio.sleep(0.05)

    await record_a_run(pool, "succeeded")
    await cache.data_changed(pool)
    compute.release.set()
    await asker

    assert (await cache.answer(pool, ("summary",), compute)).body == b"answer 2"


async def test_answers_asked_again_are_computed_ahead_after_a_new_version(pool, version_kept_long):
    cache, popular, once = AnswerCache(), CountingAnswers(), CountingAnswers()
    for _ in range(3):
        await cache.answer(pool, ("popular",), popular)
    await cache.answer(pool, ("once",), once)

    await record_a_run(pool, "succeeded")
    await cache.data_changed(pool)
    await cache.warming

    assert (popular.computed, once.computed) == (2, 1)
    assert (await cache.answer(pool, ("popular",), popular)).body == b"answer 2"
    assert popular.computed == 2


async def test_the_opening_questions_are_answered_ahead_once_there_is_data(pool, version_kept_long):
    opening = CountingAnswers()

    async def opening_questions(_pool):
        return [(("opening",), opening)]

    await record_a_run(pool, "succeeded")
    cache = AnswerCache(opening_questions=opening_questions)
    await cache.data_changed(pool)
    await cache.warming

    assert opening.computed == 1
    assert (await cache.answer(pool, ("opening",), opening)).body == b"answer 1"
    assert opening.computed == 1


async def test_a_failed_computation_is_not_kept(pool, version_read_every_time):
    cache, attempts = AnswerCache(), []

    async def failing() -> CachedAnswer:
        attempts.append(1)
        raise RuntimeError("database went away")

    for _ in range(2):
        with pytest.raises(RuntimeError):
            await cache.answer(pool, ("summary",), failing)

    assert len(attempts) == 2


async def test_answers_slow_last_time_take_turns_and_the_quick_ones_do_not_wait(
    pool, version_kept_long
):
    cache, now, most = AnswerCache(), 0, 0
    release = asyncio.Event()

    def counted(body: bytes):
        async def compute() -> CachedAnswer:
            nonlocal now, most
            now += 1
            most = max(most, now)
            await release.wait()
            now -= 1
            return CachedAnswer(body, "text/plain")

        return compute

    slow = [("slow", n) for n in range(4)]
    cache.costs.update({question: 1.0 for question in slow})
    waiting = [asyncio.create_task(cache.answer(pool, q, counted(b"slow"))) for q in slow]
    await asyncio.sleep(0.05)
    quick = asyncio.create_task(cache.answer(pool, ("quick",), counted(b"quick")))
    await asyncio.sleep(0.05)

    assert most == answer_cache.HEAVY_CONCURRENCY + 1  # two slow ones and the quick one
    release.set()
    await asyncio.gather(quick, *waiting)


async def asked_twice(cache: AnswerCache, pool, compute: SlowAnswers) -> None:
    compute.release.set()
    for _ in range(2):
        await cache.answer(pool, ("popular",), compute)
    compute.release.clear()


async def test_the_previous_answer_is_served_while_the_most_asked_are_computed_again(
    pool, version_read_every_time
):
    cache, popular = AnswerCache(), SlowAnswers()
    await asked_twice(cache, pool, popular)

    await record_a_run(pool, "succeeded")
    meanwhile = await asyncio.wait_for(cache.answer(pool, ("popular",), popular), 5)
    popular.release.set()
    await cache.warming

    assert meanwhile.body == b"answer 1"
    assert (await cache.answer(pool, ("popular",), popular)).body == b"answer 2"
    assert popular.computed == 2


async def test_a_run_of_this_process_finishes_once_its_answers_are_the_ones_served(
    pool, version_kept_long
):
    cache, popular = AnswerCache(), SlowAnswers()
    await asked_twice(cache, pool, popular)

    await record_a_run(pool, "succeeded")
    changed = asyncio.create_task(cache.data_changed(pool))
    await asyncio.sleep(0.05)
    finished_early = changed.done()
    popular.release.set()
    await changed

    assert not finished_early
    assert (await cache.answer(pool, ("popular",), popular)).body == b"answer 2"


async def test_the_previous_answers_are_served_no_longer_than_the_switch_time(
    pool, version_kept_long, monkeypatch
):
    monkeypatch.setattr(answer_cache, "SWITCH_SECONDS", 0.05)
    cache, popular = AnswerCache(), SlowAnswers()
    await asked_twice(cache, pool, popular)

    await record_a_run(pool, "succeeded")
    await asyncio.wait_for(cache.data_changed(pool), 5)
    asker = asyncio.create_task(cache.answer(pool, ("popular",), popular))
    await asyncio.sleep(0.05)
    answered_early = asker.done()
    popular.release.set()

    assert not answered_early
    assert (await asker).body == b"answer 2"


async def test_a_question_first_asked_meanwhile_is_kept_for_the_new_version(
    pool, version_read_every_time
):
    cache, popular, fresh = AnswerCache(), SlowAnswers(), CountingAnswers()
    await asked_twice(cache, pool, popular)

    await record_a_run(pool, "succeeded")
    await cache.answer(pool, ("fresh",), fresh)
    popular.release.set()
    await cache.warming
    await cache.answer(pool, ("fresh",), fresh)

    assert cache.version == await pool.fetchval("SELECT max(id) FROM ops.sync_runs")
    assert fresh.computed == 1
