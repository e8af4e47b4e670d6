"""Colours defined once, so a leave type or a status looks the same on every page."""

import zlib

# Okabe-Ito and Tableau hues: distinguishable for colour-blind readers too.
LEAVE_TYPE_COLOURS = {
    "Annual Leave": "#0072B2",
    "Sick Leave": "#D55E00",
    "Discretionary Leave": "#009E73",
    "Bereavement Leave": "#6F4E7C",
    "Paternity Leave": "#56B4E9",
    "Maternity Leave": "#CC79A7",
    "Menstruation Leave": "#E69F00",
    "Compensatory Leave": "#8C8C3A",
    "Leave Without Pay": "#7F7F7F",
}
# For leave types this deployment names differently: stable per name, whatever else shows.
SPARE_COLOURS = ("#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#76B7B2", "#EDC948")

STATUS_COLOURS = {
    "APPROVED": "#2E7D32",
    "REQUESTED": "#F9A825",
    "REJECTED": "#C62828",
    "CANCELLED": "#757575",
}
OTHER_STATUS_COLOUR = "#5C6BC0"

# Measures that are not a leave type or a status.
LEAVE_DAYS = "#0072B2"
PER_HEAD = "#009E73"
ON_LEAVE = "#D55E00"
AVAILABLE = "#9CC5E0"
PENDING = "#FCD98A"
OVER_USE = "#C62828"
ALLOTTED = "#E8EEF4"
LATENCY_MEDIAN = "#0072B2"
LATENCY_P90 = "#56B4E9"
LATE = "#E69F00"
REASSIGNED = "#6F4E7C"
SEQUENTIAL_SCALE = "Blues"


def leave_type_colour(name: str) -> str:
    if name in LEAVE_TYPE_COLOURS:
        return LEAVE_TYPE_COLOURS[name]
    return SPARE_COLOURS[zlib.crc32(name.encode()) % len(SPARE_COLOURS)]


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, OTHER_STATUS_COLOUR)


SYNC_STATUS_COLOURS = {
    "succeeded": "#2E7D32",
    "skipped": "#9CC5E0",
    "failed": "#C62828",
    "running": "#F9A825",
}


def sync_status_colour(status: str) -> str:
    return SYNC_STATUS_COLOURS.get(status, OTHER_STATUS_COLOUR)
