import orjson

from backend.ingest.fingerprints import fingerprint_of, ids_to_look_up, remembered_fingerprints
from tests.records import leave_record


def test_a_fingerprint_fits_a_bigint_and_changes_with_any_field():
    record = leave_record()
    first = fingerprint_of(orjson.dumps(record))

    assert -(2**63) <= first < 2**63
    assert fingerprint_of(orjson.dumps(record)) == first
    assert fingerprint_of(orjson.dumps({**record, "remarks": "ok."})) != first


def test_only_ids_a_bigint_holds_are_looked_up():
    keys = [(5, 11), ("5", 11), (True, 11), (2**63, 11), (0, 11), None, (7, None)]

    assert ids_to_look_up(keys) == [5, 7]


async def test_an_id_never_merged_has_no_remembered_fingerprint(connection):
    await connection.execute("INSERT INTO raw.leave_fingerprints VALUES (1, 10), (3, 30)")

    assert await remembered_fingerprints(connection, [3, 2, 1]) == {3: 30, 1: 10}
