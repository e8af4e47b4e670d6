"""The fiscal years with their dates, which the filters and the calendar need."""

from datetime import date

import pandas as pd

from db.kpi.filters import KpiFilters
from visualization.data.kpis import kpi_frame

COLUMNS = ["id", "start_date", "end_date", "is_current"]


def fiscal_years_among(filter_values: pd.DataFrame) -> pd.DataFrame:
    """The fiscal-year rows of the `filter_values` KPI as id, start_date, end_date,
    is_current; newest first, as the KPI orders them."""
    if filter_values.empty:
        return pd.DataFrame(columns=COLUMNS)
    years = filter_values[filter_values["filter"] == "fiscal_year"]
    return pd.DataFrame(
        {
            "id": years["value"].astype(int),
            "start_date": years["start_date"],
            "end_date": years["end_date"],
            "is_current": years["is_current"].astype(bool),
        }
    ).reset_index(drop=True)


def fiscal_years() -> pd.DataFrame:
    return fiscal_years_among(kpi_frame("filter_values", KpiFilters()))


def current_fiscal_year(years: pd.DataFrame, today: date) -> int | None:
    """The year the records call current, else the newest that has begun, else the newest."""
    if years.empty:
        return None
    for candidates in (years[years["is_current"]], years[years["start_date"] <= today]):
        if not candidates.empty:
            return int(candidates["id"].iloc[0])
    return int(years["id"].iloc[0])
