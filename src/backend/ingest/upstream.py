"""One page from the Vyaguta leaves endpoint: retried when that can help, explained when not."""

import asyncio
import logging
import random
import time
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

import httpx
from pydantic import SecretStr

from backend.ingest.body_buffers import BodyBuffers, read_body
from backend.ingest.envelopes import Body, MalformedPage, PageContent, parse_page

logger = logging.getLogger(__name__)

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_SECONDS = 60.0


class UpstreamError(Exception):
    """A page could not be had; `str()` is the reason recorded for the run, `kind` names the
    sort of failure for metrics."""

    def __init__(self, reason: str, kind: str = "upstream_error") -> None:
        super().__init__(reason)
        self.kind = kind


@dataclass(frozen=True)
class DateWindow:
    start: date | None
    end: date | None


@dataclass(frozen=True)
class RetryableAnswer:
    problem: str
    retry_after: float | None


@dataclass(frozen=True)
class RetryPolicy:
    max_tries: int = 5
    base_seconds: float = 1.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, MAX_RETRY_AFTER_SECONDS)
        return self.base_seconds * 2 ** (attempt - 1) * random.uniform(0.5, 1.5)


def read_page(number: int, body: Body) -> PageContent:
    try:
        return parse_page(body)
    except MalformedPage as problem:
        raise UpstreamError(f"page {number}: {problem}", "upstream_malformed") from None


def seconds_from_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


class VyagutaClient:
    def __init__(
        self, http: httpx.AsyncClient, url: str, token: SecretStr, retry: RetryPolicy
    ) -> None:
        self.http = http
        self.url = url
        self.token = token
        self.retry = retry

    async def fetch_body(
        self, number: int, size: int, window: DateWindow, buffers: BodyBuffers
    ) -> bytearray:
        last_problem = "no answer"
        for attempt in range(1, self.retry.max_tries + 1):
            retry_after = None
            try:
                answer = await self._answer(number, size, window, buffers)
            except httpx.TimeoutException:
                last_problem = "timeout"
            except httpx.TransportError as error:
                last_problem = f"connection failed ({type(error).__name__})"
            else:
                if isinstance(answer, bytearray):
                    return answer
                last_problem, retry_after = answer.problem, answer.retry_after
            if attempt < self.retry.max_tries:
                delay = self.retry.delay(attempt, retry_after)
                logger.warning("page %d: %s, retrying in %.1f s", number, last_problem, delay)
                await asyncio.sleep(delay)
        raise UpstreamError(
            f"page {number}: {last_problem} after {self.retry.max_tries} tries",
            "upstream_unavailable",
        )

    async def _answer(
        self, number: int, size: int, window: DateWindow, buffers: BodyBuffers
    ) -> bytearray | RetryableAnswer:
        """The page's body, read from the stream into one of `buffers` rather than kept by the
        response: httpx's responses sit in reference cycles, so a body one kept (~10 MB a page)
        would stay until the cycle collector came by, which the sync holds off while it loads a
        page."""
        async with self.http.stream(
            "GET", self.url, params=self._params(number, size, window), headers=self._headers()
        ) as response:
            status = response.status_code
            if status in (401, 403):
                raise UpstreamError(f"upstream {status}: bad token", "upstream_auth")
            if status in RETRYABLE_STATUSES:
                retry_after = seconds_from_retry_after(response.headers.get("retry-after"))
                return RetryableAnswer(str(status), retry_after)
            if status >= 400:
                raise UpstreamError(f"page {number}: upstream answered {status}")
            return await read_body(response.aiter_bytes(), buffers.free_buffer())

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token.get_secret_value()}",
            "Accept": "application/json",
        }

    @staticmethod
    def _params(number: int, size: int, window: DateWindow) -> dict[str, str | int]:
        params: dict[str, str | int] = {"fetchType": "all", "roleType": "issuer"}
        if window.start:
            params["startDate"] = window.start.isoformat()
        if window.end:
            params["endDate"] = window.end.isoformat()
        params["page"] = number
        params["size"] = size
        return params
