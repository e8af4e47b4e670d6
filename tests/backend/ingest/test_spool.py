from backend.ingest.envelopes import parse_page
from backend.ingest.spool import spooled_snapshot
from backend.ingest.upstream import DateWindow

WHOLE_RANGE = DateWindow(None, None)


async def test_every_page_is_read_back_as_it_arrived(client, upstream):
    async with spooled_snapshot(client, WHOLE_RANGE, page_size=100, max_pages=100) as spool:
        ids = [record["id"] for body in spool.page_bodies() for record in parse_page(body).records]

    assert spool.records == len(ids) == upstream.stats()["records"]
    assert ids == sorted(set(ids))


async def test_the_same_snapshot_has_the_same_digest_and_a_change_another(client, upstream):
    async with spooled_snapshot(client, WHOLE_RANGE, 100, 100) as first:
        pass
    async with spooled_snapshot(client, WHOLE_RANGE, 100, 100) as again:
        pass
    upstream.live_tick()
    async with spooled_snapshot(client, WHOLE_RANGE, 100, 100) as changed:
        pass

    assert first.digest == again.digest != changed.digest


async def test_the_same_data_in_other_pages_has_another_digest(client):
    async with spooled_snapshot(client, WHOLE_RANGE, 100, 100) as whole:
        pass
    async with spooled_snapshot(client, DateWindow(None, None), 200, 100) as other_pages:
        pass

    assert whole.digest != other_pages.digest
