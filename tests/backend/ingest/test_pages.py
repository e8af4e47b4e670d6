"""Walking the demo upstream's pages, with and without the last run's pages remembered."""

from dataclasses import replace

from backend.ingest.pages import FetchedPage, RepeatedPage, snapshot_pages
from backend.ingest.remembered_pages import PageSummary

MAX_PAGES = 50


async def read_pages(client, options, remembered=None) -> list[FetchedPage | RepeatedPage]:
    pages = snapshot_pages(client, options.page_size, options.window, MAX_PAGES, remembered)
    return [page async for page in pages]


def summaries_of(pages: list[FetchedPage]) -> dict[int, PageSummary]:
    return {
        page.number: PageSummary(
            page.number, page.body_hash, page.record_count, page.record_count, page.total
        )
        for page in pages
    }


async def test_without_remembered_pages_every_page_is_decoded(client, options, upstream):
    pages = await read_pages(client, options)

    assert all(isinstance(page, FetchedPage) for page in pages)
    assert sum(page.record_count for page in pages) == upstream.stats()["records"]


async def test_pages_that_repeat_the_remembered_ones_are_not_decoded(client, options):
    remembered = summaries_of(await read_pages(client, options))

    pages = await read_pages(client, options, remembered)

    assert [type(page) for page in pages] == [RepeatedPage] * len(remembered)
    assert [page.summary for page in pages] == list(remembered.values())


async def test_after_a_page_that_differs_every_later_page_is_decoded(client, options):
    remembered = summaries_of(await read_pages(client, options))
    remembered[2] = replace(remembered[2], body_hash=remembered[2].body_hash + 1)

    pages = await read_pages(client, options, remembered)

    assert isinstance(pages[0], RepeatedPage)
    assert all(isinstance(page, FetchedPage) for page in pages[1:])
