"""What a backup or a restore tells as it goes: one line per table."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TableDone:
    table: str
    rows: int
    seconds: float


Report = Callable[[TableDone], None]


def ignore(_: TableDone) -> None:
    pass
