"""Walks the upstream's pages until the snapshot is complete, and never forever."""

from collections.abc import AsyncIterator

from backend.ingest.upstream import DateWindow, FetchedPage, UpstreamError, VyagutaClient

FIRST_PAGE = 1


async def snapshot_pages(
    client: VyagutaClient, size: int, window: DateWindow, max_pages: int
) -> AsyncIterator[FetchedPage]:
    """Pages in order; stops on a short page or once the announced total is reached."""
    received = 0
    for number in range(FIRST_PAGE, FIRST_PAGE + max_pages):
        page = await client.fetch_page(number, size, window)
        yield page
        received += len(page.content.records)
        if len(page.content.records) < size:
            return
        if page.content.total is not None and received >= page.content.total:
            return
    raise UpstreamError(
        f"still more pages after the cap of {max_pages}; refusing an incomplete snapshot",
        "upstream_page_cap",
    )
