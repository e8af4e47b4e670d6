"""The filters a KPI may take, validated before any of them reaches a query."""

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# What PostgreSQL cannot take (an id beyond a bigint, a NUL character) is a bad value to
# report, not a server error to stumble into.
Id = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
Text = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]

MULTI_VALUE_FIELDS = (
    "fiscal_year",
    "department",
    "designation",
    "leave_type",
    "status",
    "employee",
)


class KpiFilters(BaseModel):
    """Every filter is optional; a field left out (or given no values) does not filter."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fiscal_year: tuple[Id, ...] | None = None
    department: tuple[Text, ...] | None = None
    designation: tuple[Id, ...] | None = None
    leave_type: tuple[Id, ...] | None = None
    status: tuple[Text, ...] | None = None
    date_from: date | None = None
    date_to: date | None = None
    employee: tuple[Id, ...] | None = None
    search: Annotated[str, Field(max_length=200, pattern=r"^[^\x00]*$")] | None = None

    @field_validator(*MULTI_VALUE_FIELDS)
    @classmethod
    def no_values_means_no_filter(cls, values: tuple | None) -> tuple | None:
        return tuple(dict.fromkeys(values)) if values else None

    @field_validator("search")
    @classmethod
    def blank_search_means_no_search(cls, text: str | None) -> str | None:
        if text is None:
            return None
        return text.strip() or None

    @model_validator(mode="after")
    def date_range_runs_forward(self) -> "KpiFilters":
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("date_to is before date_from")
        return self

    def given(self) -> frozenset[str]:
        """The fields that actually filter."""
        return frozenset(name for name, value in self if value is not None)

    def query_values(self) -> dict[str, Any]:
        """Bind values by field name: lists for arrays, NULL for no filter."""
        return {name: list(value) if isinstance(value, tuple) else value for name, value in self}
