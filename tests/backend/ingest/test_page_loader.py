import gc
from collections.abc import Iterator

import orjson
import pytest

from backend.ingest.envelopes import parse_page
from backend.ingest.page_loader import PageLoader
from backend.ingest.pages import FetchedPage
from backend.ingest.upstream import DateWindow
from backend.repositories.sync_runs import insert_running_run
from tests.records import leave_record

RECORDS = 3000


@pytest.fixture
def young_objects_at_each_collection() -> Iterator[list[int]]:
    """How many objects each collection of the youngest generation starts with."""
    counts: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            counts.append(gc.get_count()[0])

    gc.callbacks.append(note)
    yield counts
    gc.callbacks.remove(note)


def page_of_leaves(count: int) -> FetchedPage:
    records = [leave_record(id=number) for number in range(1, count + 1)]
    body = orjson.dumps({"data": records, "meta": {"total": count}})
    return FetchedPage(1, parse_page(body), body_hash=0)


async def test_the_collector_never_walks_a_loaded_pages_rows(
    pool, young_objects_at_each_collection
):
    page = page_of_leaves(RECORDS)
    run_id = await insert_running_run(pool, "manual", "full", DateWindow(None, None))
    async with pool.acquire() as connection, connection.transaction():
        loader = PageLoader(connection, pool, run_id, look_up=False)
        await loader.load(await loader.prepared(page))
        assert loader.changed == RECORDS
        gc.collect(0)

    assert max(young_objects_at_each_collection) < RECORDS
