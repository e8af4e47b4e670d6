"""A date in a query string is written YYYY-MM-DD, as the schema says.

Pydantic would also read a number as a Unix time (`date_to=0` as 1970-01-01): a caller never
means that, so it is a 422 like any other malformed value.
"""

import re
from datetime import date
from typing import Annotated

from pydantic import BeforeValidator

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def written_as_iso_date(value: object) -> object:
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(written_as_iso_date)]
