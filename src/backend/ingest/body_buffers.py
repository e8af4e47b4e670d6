"""The buffers a snapshot's page bodies are read into, reused from page to page.

Read into fresh memory, each ~10 MB body fragmented glibc's heap: once the first one is freed,
glibc serves the next ones from its heap instead of mapping each apart, and over a long
snapshot the holes add up (peak RSS 134 MB at 161,450 records, 145-153 MB at ten times that).
Reused, the few bodies in flight (the page being loaded, the one prepared, the one arriving)
keep their memory: 126 MB, and 127 MB at ten times the records.
"""

import sys
from collections.abc import AsyncIterator, Iterator


def reference_counts(buffers: list[bytearray]) -> Iterator[tuple[bytearray, int]]:
    for buffer in buffers:
        yield buffer, sys.getrefcount(buffer)


# The count, taken by reference_counts, of a buffer nothing but its list refers to. Measured
# rather than written down: the interpreter's own share of it differs between Python versions
# (3.14 borrows some references), and a count one too low would let a body still read be
# written over.
HELD_BY_THE_LIST_ALONE = next(reference_counts([bytearray()]))[1]


class BodyBuffers:
    def __init__(self) -> None:
        self._buffers: list[bytearray] = []

    def __len__(self) -> int:
        return len(self._buffers)

    def free_buffer(self) -> bytearray:
        """A buffer no page holds any more, or a new one. A decoded page's records are views
        into its body (msgspec.Raw), so a body anything still refers to is never written over."""
        for buffer, count in reference_counts(self._buffers):
            if count == HELD_BY_THE_LIST_ALONE:
                return buffer
        buffer = bytearray()
        self._buffers.append(buffer)
        return buffer


async def read_body(parts: AsyncIterator[bytes], buffer: bytearray) -> bytearray:
    """The parts, written over what `buffer` held, which keeps its memory for the next body."""
    size = 0
    async for part in parts:
        buffer[size : size + len(part)] = part
        size += len(part)
    del buffer[size:]
    return buffer
