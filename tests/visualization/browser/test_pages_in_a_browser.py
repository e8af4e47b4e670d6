"""Every page of a running `make run` stack, opened in headless Chromium."""

import struct

import pytest

from visualization.screenshots import PAGES, WIDTH

CHARTS = {
    "overview": 3,
    "trends": 4,
    "heatmaps": 3,
    "employees": 1,
    "availability": 2,
    "approvals": 5,
    "data_quality": 1,
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_every_page_is_opened(shots):
    assert list(shots) == list(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_finishes_drawing(shots, page):
    assert shots[page].rendered


@pytest.mark.parametrize("page", PAGES)
def test_a_page_shows_no_error_box(shots, page):
    assert shots[page].errors == []


@pytest.mark.parametrize("page", PAGES)
def test_a_page_draws_every_chart(shots, page):
    assert shots[page].charts == CHARTS[page]


def test_each_page_is_saved_as_a_png_as_wide_as_the_window(saved_screenshots):
    assert [path.stem for path in saved_screenshots] == list(PAGES)
    for path in saved_screenshots:
        header = path.read_bytes()[:24]
        assert header[:8] == PNG_SIGNATURE
        assert struct.unpack(">I", header[16:20])[0] == WIDTH
