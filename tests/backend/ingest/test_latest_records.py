from backend.ingest.latest_records import LatestRecords, UnchangedRecord


def unchanged(ordinal: int) -> UnchangedRecord:
    return UnchangedRecord(ordinal, fingerprint=ordinal, encoded=b'{"id": %d}' % ordinal)


def test_the_last_record_noted_for_an_entity_is_its_latest():
    latest = LatestRecords()
    latest.note({"userId": 11}, unchanged(0))
    latest.note({"userId": 11}, unchanged(1))

    assert [entry.ordinal for entry in latest.unchanged_latest()] == [1]


def test_a_changed_latest_record_needs_no_copy():
    latest = LatestRecords()
    latest.note({"userId": 11, "leaveTypeId": 1}, unchanged(0))
    latest.note({"userId": 11}, None)

    assert [entry.ordinal for entry in latest.unchanged_latest()] == [0]


def test_a_record_latest_for_several_entities_is_given_once():
    latest = LatestRecords()
    latest.note({"userId": 11, "leaveTypeId": 1, "fiscalId": 7}, unchanged(4))

    assert [entry.decoded() for entry in latest.unchanged_latest()] == [{"id": 4}]


def test_an_unchanged_record_after_changed_ones_is_the_latest():
    latest = LatestRecords()
    latest.note({"userId": 11}, None)
    latest.note({"userId": 11}, unchanged(1))
    latest.note({"userId": 12}, None)

    assert [entry.ordinal for entry in latest.unchanged_latest()] == [1]
