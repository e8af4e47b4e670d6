"""The snapshot's pages kept on disk as they arrive: an unchanged snapshot then costs only its
download, and a changed one is read back a page at a time, so memory stays flat.

The file has no name on disk and is gone when the run ends (it holds personal data).
"""

import hashlib
import struct
import tempfile
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import BinaryIO

from backend.ingest.pages import snapshot_pages
from backend.ingest.upstream import DateWindow, VyagutaClient

LENGTH = struct.Struct("<Q")


@dataclass(frozen=True)
class SpooledSnapshot:
    file: BinaryIO
    digest: str
    records: int

    def page_bodies(self) -> Iterator[bytes]:
        self.file.seek(0)
        while header := self.file.read(LENGTH.size):
            (size,) = LENGTH.unpack(header)
            yield self.file.read(size)


@asynccontextmanager
async def spooled_snapshot(
    client: VyagutaClient, window: DateWindow, page_size: int, max_pages: int
) -> AsyncIterator[SpooledSnapshot]:
    """Every page of the snapshot, fetched; the digest identifies the snapshot (and window)."""
    digest = hashlib.sha256(f"{window.start}|{window.end}|{page_size}".encode())
    records = 0
    with tempfile.TemporaryFile() as file:
        async for page in snapshot_pages(client, page_size, window, max_pages):
            digest.update(page.body)
            file.write(LENGTH.pack(len(page.body)))
            file.write(page.body)
            records += len(page.content.records)
        yield SpooledSnapshot(file, digest.hexdigest(), records)
