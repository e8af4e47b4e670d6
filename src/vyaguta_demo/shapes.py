"""The two field layouts Vyaguta has answered with (v1, v2) and the mix of both."""

import numpy as np
import orjson

from vyaguta_demo.records import Record
from vyaguta_demo.stablehash import unit_interval
from vyaguta_demo.workforce import Employee

SHAPES = ("v1", "v2", "mixed")
V2_RENAMES = {
    "leaveIssuerFirstName": "issuerFirstName",
    "leaveIssuerLastName": "issuerLastName",
    "remarks": "responseRemarks",
    "leaveTypeName": "leaveType",
}
MIXED_V2_SHARE = 0.5
AUTOMATED_SHARE = 0.03


def stored_json(record: Record) -> bytes:
    """Serialized and trimmed: orjson's bytes keep an over-allocated buffer (~16x for a
    1 KB record), which would multiply the memory of millions of stored records."""
    return bytes(memoryview(orjson.dumps(record)))


def to_v2(record: Record, issuer_middle_name: str | None, is_automated: bool) -> Record:
    """v2 layout without totalCount, which depends on the query and is added when served."""
    shaped: Record = {}
    for key, value in record.items():
        shaped[V2_RENAMES.get(key, key)] = value
        if key == "leaveIssuerFirstName":
            shaped["issuerMiddleName"] = issuer_middle_name
        elif key == "status":
            shaped["leaveStatus"] = value
    shaped["isAutomated"] = is_automated
    return shaped


def record_decided(record: Record, status: str, remarks: str, updated_at: str) -> None:
    """Applies an issuer's decision to a record of either layout."""
    record["status"] = status
    if "leaveStatus" in record:
        record["leaveStatus"] = status
    record["responseRemarks" if "responseRemarks" in record else "remarks"] = remarks
    record["updatedAt"] = updated_at


class Shaper:
    """Serializes v1 records into the configured layout, deciding v2-ness per id for `mixed`."""

    def __init__(self, shape: str, seed: int, employees: tuple[Employee, ...]) -> None:
        self.shape = shape
        self.seed = seed
        self.middle_names = {e.user_id: e.middle_name for e in employees}

    def v2_mask(self, ids: np.ndarray) -> np.ndarray:
        if self.shape == "mixed":
            return unit_interval(ids, self.seed, "mixed-shape") < MIXED_V2_SHARE
        return np.full(len(ids), self.shape == "v2")

    def serialized(self, ids: np.ndarray, records: list[Record]) -> tuple[list[bytes], np.ndarray]:
        """JSON bytes per record and which of them are v2."""
        v2 = self.v2_mask(ids)
        automated = (unit_interval(ids, self.seed, "automated") < AUTOMATED_SHARE).tolist()
        bodies = [
            stored_json(self.reshaped(record, is_v2, is_automated))
            for record, is_v2, is_automated in zip(records, v2.tolist(), automated, strict=True)
        ]
        return bodies, v2

    def reshaped(self, record: Record, is_v2: bool, is_automated: bool) -> Record:
        if not is_v2:
            return record
        return to_v2(record, self.middle_names[record["leaveIssuerId"]], is_automated)
