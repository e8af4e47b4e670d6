"""The three response envelopes seen in the wild, assembled from pre-serialized records."""

import orjson

ENVELOPES = ("meta", "totalcount", "list")


def page_body(
    envelope: str, records: list[bytes], v2: list[bool], page: int, size: int, total: int
) -> bytes:
    """`meta`: {"data", "meta"}; `totalcount`: {"data"} with totalCount in every record;
    `list`: a bare JSON array. v2 records carry totalCount whatever the envelope."""
    with_count = b',"totalCount":%d}' % total
    if envelope == "totalcount":
        records = [record[:-1] + with_count for record in records]
    elif any(v2):
        records = [
            record[:-1] + with_count if is_v2 else record
            for record, is_v2 in zip(records, v2, strict=True)
        ]
    data = b"[" + b",".join(records) + b"]"
    if envelope == "list":
        return data
    if envelope == "totalcount":
        return b'{"data":' + data + b"}"
    meta = orjson.dumps({"page": page, "size": size, "total": total})
    return b'{"data":' + data + b',"meta":' + meta + b"}"
