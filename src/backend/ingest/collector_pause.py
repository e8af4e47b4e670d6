"""Python's cycle collector, held off while a page is sorted and COPYed.

Sorting allocates several containers per record (its row, its values, its allocations), none
of which can form a cycle; the collector would walk the growing page of them every few hundred
allocations, which costs as much as the sorting itself (~8 µs a record). Their reference counts
free them once the COPY is done, so the collector, back after that, never walks them. The
pause spans the COPY's awaits: other tasks' cyclic garbage waits those few tens of ms.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
