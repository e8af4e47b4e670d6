"""Decoding a page makes tens of thousands of dicts at once. Each batch of new objects sets off
a garbage-collector pass over everything alive, which can cost as much as the decoding; the
objects a page makes form no cycles, so the collector waits until the page is done."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
