"""Repeated pages set aside undecoded, on disk rather than in memory: if a later page differs,
the run must read them after all (their records may be some entity's latest)."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from backend.ingest.pages import FetchedPage, RepeatedPage
from backend.ingest.remembered_pages import PageSummary
from backend.ingest.upstream import read_page


class PageSpool:
    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._kept: list[tuple[PageSummary, int]] = []

    def __len__(self) -> int:
        return len(self._kept)

    def keep(self, page: RepeatedPage) -> None:
        self._file.write(page.body)
        self._kept.append((page.summary, len(page.body)))

    def summaries(self) -> list[PageSummary]:
        return [summary for summary, _ in self._kept]

    def replay(self) -> Iterator[FetchedPage]:
        """The kept pages, decoded, in the order kept; afterwards the spool is empty."""
        self._file.seek(0)
        for summary, length in self._kept:
            content = read_page(summary.number, self._file.read(length))
            yield FetchedPage(summary.number, content, summary.body_hash)
        self._kept.clear()
        self._file.seek(0)
        self._file.truncate()


@contextmanager
def page_spool() -> Iterator[PageSpool]:
    with tempfile.TemporaryFile() as file:
        yield PageSpool(file)
