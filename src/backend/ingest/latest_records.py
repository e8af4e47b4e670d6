"""The latest valid record of each employee, designation, issuer, leave type and fiscal year.

The dimension merges take an entity's attributes from its latest record in the snapshot. Raw
holds only the changed records, so the latest record of every entity they name must be there
too, changed or not; an unchanged one is kept as its JSON (a few thousand at most) until the
snapshot ends.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import orjson

# Upstream names of the keys the dimension merges group by (each has one name in both
# generations of the API, so a record's own key serves before and after validation).
ENTITY_KEYS = (
    "userId",
    "designationId",
    "leaveIssuerId",
    "currentLeaveIssuerId",
    "leaveTypeId",
    "fiscalId",
)


class UnchangedRecord(NamedTuple):
    ordinal: int
    fingerprint: int
    encoded: bytes

    def decoded(self) -> dict[str, Any]:
        return orjson.loads(self.encoded)


class LatestRecords:
    def __init__(self) -> None:
        # Per entity kind: key -> its latest record, while that one is unchanged.
        self._latest: tuple[dict[Any, UnchangedRecord], ...] = tuple({} for _ in ENTITY_KEYS)
        self._holds_unchanged = False

    def note(self, record: Mapping[str, Any], unchanged: UnchangedRecord | None) -> None:
        """Called in snapshot order for every valid record; `unchanged` is None for a record
        that goes to raw anyway."""
        self.note_keys(tuple(map(record.get, ENTITY_KEYS)), unchanged)

    def note_keys(self, keys: Sequence[Any], unchanged: UnchangedRecord | None) -> None:
        """`note`, for a record of which only its keys were read (in ENTITY_KEYS order)."""
        if unchanged is None:
            # A later record in raw supersedes the unchanged one; with none noted yet (a first
            # load), there is nothing to supersede, and the usual record costs nothing here.
            if self._holds_unchanged:
                for latest, key in zip(self._latest, keys, strict=True):
                    latest.pop(key, None)
            return
        self._holds_unchanged = True
        for latest, key in zip(self._latest, keys, strict=True):
            if key is not None:
                latest[key] = unchanged

    def unchanged_latest(self) -> Iterator[UnchangedRecord]:
        """Each unchanged record that is some entity's latest, once, in snapshot order."""
        chosen = {entry.ordinal: entry for latest in self._latest for entry in latest.values()}
        for ordinal in sorted(chosen):
            yield chosen[ordinal]
