"""Paginated KPIs: pages cover every row exactly once, and every page tells the total."""

import pytest

from db.kpi.catalogue import all_kpis
from db.kpi.fetch import fetch_kpi

PAGINATED = [kpi.name for kpi in all_kpis() if kpi.is_paginated]


@pytest.mark.parametrize("name", PAGINATED)
async def test_pages_cover_every_row_exactly_once_in_order(seeded, name):
    everything = await fetch_kpi(seeded, name)
    page_size = everything.total // 6 + 1  # six or seven pages, the last one short
    paged, totals = [], set()
    for offset in range(0, everything.total + page_size, page_size):
        page = await fetch_kpi(seeded, name, limit=page_size, offset=offset)
        paged.extend(page.rows)
        totals.add(page.total)

    assert everything.total == len(everything.rows) > page_size
    assert paged == everything.rows
    assert totals == {everything.total}


@pytest.mark.parametrize("name", PAGINATED)
async def test_a_page_past_the_end_is_empty_and_still_tells_the_total(seeded, name):
    everything = await fetch_kpi(seeded, name)

    page = await fetch_kpi(seeded, name, limit=10, offset=everything.total + 5)

    assert (page.rows, page.total) == ([], everything.total)


async def test_a_kpi_that_is_not_a_list_refuses_a_limit(seeded):
    with pytest.raises(ValueError, match="not paginated"):
        await fetch_kpi(seeded, "summary", limit=10)


async def test_a_negative_offset_is_refused(seeded):
    with pytest.raises(ValueError, match="must not be negative"):
        await fetch_kpi(seeded, "top_employees", limit=10, offset=-1)
