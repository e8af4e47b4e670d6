import gc

import pytest

from backend.ingest.collector_pause import cycle_collector_paused


def test_the_collector_is_off_inside_and_on_again_after():
    with cycle_collector_paused():
        inside = gc.isenabled()

    assert (inside, gc.isenabled()) == (False, True)


def test_the_collector_comes_back_after_an_error():
    with pytest.raises(RuntimeError), cycle_collector_paused():
        raise RuntimeError

    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_stays_off():
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
