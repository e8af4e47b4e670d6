"""Leave statuses, how often each occurs, and what issuers write when deciding."""

STATUSES: tuple[str, ...] = ("APPROVED", "REQUESTED", "REJECTED", "CANCELLED")
APPROVED, REQUESTED, REJECTED, CANCELLED = range(len(STATUSES))
REQUESTED_SHARE = 0.19
DECIDED_SHARES: dict[int, float] = {APPROVED: 0.65, REJECTED: 0.12, CANCELLED: 0.04}

REMARKS: dict[int, tuple[str, ...]] = {
    APPROVED: (
        "Approved",
        "Enjoy your leave",
        "Approved, please hand over your tasks",
        "Get well soon",
        "OK",
    ),
    REJECTED: (
        "Release week, please reschedule",
        "Not enough balance",
        "Team capacity is low on these dates",
        "Please apply with more notice",
    ),
    CANCELLED: ("Cancelled by employee", "Plans changed", "Cancelled, no longer needed"),
}
