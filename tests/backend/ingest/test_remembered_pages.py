"""The pages a run read, remembered per kind, window and page size."""

from datetime import date

from backend.ingest.remembered_pages import (
    PageSeries,
    PageSummary,
    remember_pages,
    remembered_pages,
)
from backend.ingest.upstream import DateWindow

FULL = PageSeries("full", DateWindow(date(2020, 1, 1), None), 100)
PAGES = [PageSummary(1, -5, 100, 99, 150), PageSummary(2, 7, 50, 50, None)]


async def test_remembered_pages_come_back_by_number(connection):
    await remember_pages(connection, FULL, PAGES)

    assert await remembered_pages(connection, FULL) == {1: PAGES[0], 2: PAGES[1]}


async def test_pages_of_another_window_or_page_size_are_no_guide(connection):
    await remember_pages(connection, FULL, PAGES)

    other_window = PageSeries("full", DateWindow(date(2021, 1, 1), None), 100)
    other_size = PageSeries("full", FULL.window, 200)
    assert await remembered_pages(connection, other_window) == {}
    assert await remembered_pages(connection, other_size) == {}


async def test_a_kind_remembers_only_its_last_run(connection):
    await remember_pages(connection, FULL, PAGES)

    await remember_pages(connection, FULL, PAGES[:1])

    assert await remembered_pages(connection, FULL) == {1: PAGES[0]}


async def test_each_kind_remembers_its_own_pages(connection):
    hot = PageSeries("hot", DateWindow(date(2026, 1, 1), None), 100)
    await remember_pages(connection, FULL, PAGES)

    await remember_pages(connection, hot, PAGES[1:])

    assert await remembered_pages(connection, FULL) == {1: PAGES[0], 2: PAGES[1]}
