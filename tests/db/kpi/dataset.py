"""The seeded upstream data set the KPI tests load, and the records as finally served.

Demo data from vyaguta_demo (realistic: five fiscal years, departments, half days, leaves
across weekends, late applications, reassigned issuers); a few of its leaves are then left out
of a second snapshot, so they are marked deleted and must count nowhere.
"""

from datetime import date

from vyaguta_demo.dataset import generate

TODAY = date(2025, 3, 12)
FIRST_SNAPSHOT = generate(records=800, seed=11, today=TODAY)
DELETED_IDS = frozenset(record["id"] for record in FIRST_SNAPSHOT[::67])
SERVED = [record for record in FIRST_SNAPSHOT if record["id"] not in DELETED_IDS]

# A past working day on which several people were on approved leave.
AS_OF = date(2023, 10, 20)
