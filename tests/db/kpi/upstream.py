"""Everything the independent computations need, built once from the seeded records."""

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from tests.db.kpi.dataset import FIRST_SNAPSHOT, SERVED
from tests.db.kpi.frames import employees_frame, full_name, leaves_frame


@dataclass(frozen=True)
class Upstream:
    snapshot: list[dict]
    served: list[dict]

    @cached_property
    def employees(self) -> pd.DataFrame:
        return employees_frame([self.snapshot, self.served])

    @cached_property
    def leaves(self) -> pd.DataFrame:
        return leaves_frame(self.served, self.employees)

    @cached_property
    def leave_types(self) -> pd.DataFrame:
        """Every leave type ever seen (deleted leaves' types stay known)."""
        types = pd.DataFrame(self.snapshot)[
            ["leaveTypeId", "leaveTypeName", "defaultDays", "transferableDays"]
        ]
        return types.drop_duplicates("leaveTypeId", keep="last").sort_values("leaveTypeId")

    @cached_property
    def fiscal_years(self) -> pd.DataFrame:
        years = pd.DataFrame(self.snapshot)[
            ["fiscalId", "fiscalStartDate", "fiscalEndDate", "fiscalIsCurrent"]
        ]
        return years.drop_duplicates("fiscalId").sort_values("fiscalStartDate")

    def issuer_name(self, issuer_id: int) -> str | None:
        names = [
            full_name(record["leaveIssuerFirstName"], None, record["leaveIssuerLastName"])
            for record in self.snapshot
            if record["leaveIssuerId"] == issuer_id
        ]
        return (names[-1] or None) if names else None

    def issuer_email(self, issuer_id: int) -> str | None:
        emails = [
            record["currentLeaveIssuerEmail"]
            for record in self.snapshot
            if record["currentLeaveIssuerId"] == issuer_id
        ]
        return emails[-1] if emails else None


UPSTREAM = Upstream(FIRST_SNAPSHOT, SERVED)
