from collections.abc import AsyncIterator

import msgspec

from backend.ingest.body_buffers import BodyBuffers, read_body


async def parts_of(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def test_a_buffer_nothing_else_holds_is_read_into_again():
    buffers = BodyBuffers()
    first = await read_body(parts_of(b"[1]"), buffers.free_buffer())
    first_id = id(first)
    del first

    second = await read_body(parts_of(b"[2]"), buffers.free_buffer())

    assert (id(second), len(buffers)) == (first_id, 1)


async def test_a_body_whose_records_are_still_read_is_never_written_over():
    buffers = BodyBuffers()
    body = await read_body(parts_of(b'[{"id": 1}]'), buffers.free_buffer())
    records = msgspec.json.decode(body, type=list[msgspec.Raw])
    del body

    await read_body(parts_of(b'[{"id": 2}]'), buffers.free_buffer())

    assert (bytes(records[0]), len(buffers)) == (b'{"id": 1}', 2)


async def test_a_body_shorter_than_the_last_keeps_nothing_of_it():
    buffers = BodyBuffers()
    await read_body(parts_of(b"[1, 2, 3, 4, 5]"), buffers.free_buffer())

    body = await read_body(parts_of(b"[6", b"]"), buffers.free_buffer())

    assert body == b"[6]"


async def test_a_body_longer_than_the_last_is_read_whole():
    buffers = BodyBuffers()
    await read_body(parts_of(b"[1]"), buffers.free_buffer())

    body = await read_body(parts_of(b"[1, 2,", b" 3, 4, 5]"), buffers.free_buffer())

    assert body == b"[1, 2, 3, 4, 5]"
