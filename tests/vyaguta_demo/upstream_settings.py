"""Settings of the shared test upstream and the helper types its fixtures return."""

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx

TODAY = date(2026, 11, 23)
SEED = 7
RECORDS = 600

FetchAll = Callable[..., list[dict[str, Any]]]
GetPage = Callable[..., httpx.Response]
