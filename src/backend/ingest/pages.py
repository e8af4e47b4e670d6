"""Walks the upstream's pages until the snapshot is complete, and never forever.

While every page so far repeats, byte for byte, the one the last run of the same series read,
the next is compared before it is decoded: a repeated page is passed on undecoded."""

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import suppress
from dataclasses import dataclass

from backend.ingest.body_buffers import BodyBuffers
from backend.ingest.envelopes import PageContent
from backend.ingest.fingerprints import fingerprint_of
from backend.ingest.remembered_pages import PageSummary
from backend.ingest.upstream import DateWindow, UpstreamError, VyagutaClient, read_page

FIRST_PAGE = 1


@dataclass(frozen=True)
class FetchedPage:
    number: int
    content: PageContent
    body_hash: int

    @property
    def record_count(self) -> int:
        return len(self.content.records)

    @property
    def total(self) -> int | None:
        return self.content.total


@dataclass(frozen=True)
class RepeatedPage:
    """Its body is the one summarised: the same records, not decoded again."""

    body: bytearray
    summary: PageSummary

    @property
    def number(self) -> int:
        return self.summary.number

    @property
    def record_count(self) -> int:
        return self.summary.records

    @property
    def total(self) -> int | None:
        return self.summary.total


def is_last_page(page: FetchedPage | RepeatedPage, size: int, received: int) -> bool:
    """A short page, or the announced total reached."""
    if page.record_count < size:
        return True
    return page.total is not None and received >= page.total


async def fetched_page(
    client: VyagutaClient,
    buffers: BodyBuffers,
    number: int,
    size: int,
    window: DateWindow,
    remembered: PageSummary | None,
) -> FetchedPage | RepeatedPage:
    body = await client.fetch_body(number, size, window, buffers)
    body_hash = fingerprint_of(body)
    if remembered is not None and remembered.body_hash == body_hash:
        return RepeatedPage(body, remembered)
    return FetchedPage(number, read_page(number, body), body_hash)


async def snapshot_pages(
    client: VyagutaClient,
    size: int,
    window: DateWindow,
    max_pages: int,
    remembered: Mapping[int, PageSummary] | None = None,
) -> AsyncIterator[FetchedPage | RepeatedPage]:
    """Pages in order. The next page is already on its way while the caller loads this one, so
    the upstream's serving and our decoding overlap the database's work; a page is asked for
    only once the previous one says there is more."""
    remembered = remembered or {}
    buffers = BodyBuffers()
    repeating = True
    received = 0

    def fetch(number: int) -> asyncio.Future[FetchedPage | RepeatedPage]:
        skippable = remembered.get(number) if repeating else None
        return asyncio.ensure_future(fetched_page(client, buffers, number, size, window, skippable))

    next_page = fetch(FIRST_PAGE)
    try:
        for number in range(FIRST_PAGE, FIRST_PAGE + max_pages):
            page = await next_page
            repeating = repeating and isinstance(page, RepeatedPage)
            received += page.record_count
            if is_last_page(page, size, received):
                yield page
                return
            if number + 1 < FIRST_PAGE + max_pages:
                next_page = fetch(number + 1)
            yield page
    finally:
        # Stopped early (a failure, or the caller gave up): the page on its way is not wanted.
        next_page.cancel()
        with suppress(Exception, asyncio.CancelledError):
            await next_page
    raise UpstreamError(
        f"still more pages after the cap of {max_pages}; refusing an incomplete snapshot",
        "upstream_page_cap",
    )
