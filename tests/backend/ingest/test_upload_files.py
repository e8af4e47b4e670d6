import pytest

from backend.ingest.upload_files import UnreadableFile, records_from_csv, records_from_json

HEADER = (
    "id,userId,leaveTypeId,fiscalId,startDate,endDate,fiscalStartDate,fiscalEndDate,"
    "leaveDays,status,isHr,allocations,reason"
)


def test_csv_cells_get_the_types_the_upstream_sends():
    row = (
        '7,11,1,101,2024-08-05,2024-08-06,2024-07-16,2025-07-16,1.5,APPROVED,true,"[{""id"": 5}]",'
    )

    [record] = records_from_csv(f"{HEADER}\n{row}\n".encode())

    assert record["id"] == 7
    assert record["leaveDays"] == 1.5
    assert record["isHr"] is True
    assert record["allocations"] == [{"id": 5}]
    assert record["reason"] is None


def test_a_cell_that_does_not_fit_its_type_stays_text_for_validation_to_name():
    row = "x,11,1,101,2024-08-05,2024-08-06,2024-07-16,2025-07-16,abc,APPROVED,maybe,,"

    [record] = records_from_csv(f"{HEADER}\n{row}\n".encode())

    assert (record["id"], record["leaveDays"], record["isHr"]) == ("x", "abc", "maybe")


def test_v2_column_names_are_accepted():
    header = HEADER.replace("status", "leaveStatus")

    records = records_from_csv(f"{header}\n".encode())

    assert records == []


def test_a_line_longer_than_the_header_is_unreadable():
    with pytest.raises(UnreadableFile, match="more cells than the header"):
        records_from_csv(f"{HEADER}\n1,2,3,4,5,6,7,8,9,10,11,12,13,14\n".encode())


def test_a_json_envelope_with_data_is_accepted_like_a_bare_array():
    assert records_from_json(b'{"data": [{"id": 1}]}') == records_from_json(b'[{"id": 1}]')


def test_invalid_json_says_where():
    with pytest.raises(UnreadableFile, match="not valid UTF-8 JSON"):
        records_from_json(b"[{")
