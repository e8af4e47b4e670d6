"""Secrets never leave the processes under test: every log record and every HTTP response body
the test session sees is searched for every secret the session configured.

The secrets are the SecretStr values of every Settings the session builds (the upstream token,
the JWT secret, passwords, the password inside a database URL), plus those handed to the API
processes the operations tests start, whose output is searched when they stop. A hit is kept
with where it was seen; the last test of the session fails on any.
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx
from pydantic import SecretStr

from backend.settings import Settings
from tests.operations.credentials import (
    ADMIN_PASSWORD,
    DATABASE_PASSWORD,
    JWT_SECRET,
    UPSTREAM_TOKEN,
)

# Shorter values ("admin") are words that show up everywhere, not secrets worth the name.
MIN_SECRET_LENGTH = 12
FINAL_TEST = "test_no_secret_appeared_in_any_log_line_or_response_of_the_session"


@dataclass
class SecretWatch:
    secrets: set[bytes] = field(default_factory=set)
    leaks: list[str] = field(default_factory=list)
    inspected: int = 0
    started: bool = False

    def keep(self, value: str | None) -> None:
        if value and len(value) >= MIN_SECRET_LENGTH:
            self.secrets.add(value.encode())

    def keep_secrets_of(self, settings: Settings) -> None:
        for value in settings.__dict__.values():
            if isinstance(value, SecretStr):
                text = value.get_secret_value()
                self.keep(urlsplit(text).password if "://" in text else text)

    def inspect(self, where: str, data: bytes) -> None:
        self.inspected += 1
        for secret in self.secrets:
            if secret in data:
                self.leaks.append(f"{where}: a secret of {len(secret)} characters")


WATCH = SecretWatch()


class LogRecordsInspected(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        WATCH.inspect(f"log record of {record.name}", self.format(record).encode())


def response_source(response: httpx.Response) -> str:
    try:
        return f"response to {response.request.method} {response.request.url}"
    except RuntimeError:
        return "response"


def inspect_responses_as_they_are_read() -> None:
    read, aread = httpx.Response.read, httpx.Response.aread

    def inspected_read(response: httpx.Response) -> bytes:
        content = read(response)
        WATCH.inspect(response_source(response), content)
        return content

    async def inspected_aread(response: httpx.Response) -> bytes:
        content = await aread(response)
        WATCH.inspect(response_source(response), content)
        return content

    httpx.Response.read = inspected_read  # type: ignore[method-assign]
    httpx.Response.aread = inspected_aread  # type: ignore[method-assign]


def keep_the_secrets_of_every_settings_built() -> None:
    build = Settings.__init__

    def build_and_keep(settings: Settings, *arguments: object, **values: object) -> None:
        build(settings, *arguments, **values)
        WATCH.keep_secrets_of(settings)

    Settings.__init__ = build_and_keep  # type: ignore[method-assign]


def start_watching() -> None:
    if WATCH.started:
        return
    WATCH.started = True
    for secret in (UPSTREAM_TOKEN, JWT_SECRET, ADMIN_PASSWORD, DATABASE_PASSWORD):
        WATCH.keep(secret)
    WATCH.keep_secrets_of(Settings())
    keep_the_secrets_of_every_settings_built()
    inspect_responses_as_they_are_read()
    logging.getLogger().addHandler(LogRecordsInspected())


def inspect_process_output(name: str, output: bytes) -> None:
    """For the processes tests start: their logs never pass through this one's handlers."""
    if WATCH.started:
        WATCH.inspect(f"output of {name}", output)


def pytest_collection_modifyitems(items: list) -> None:
    """The check of the whole session runs after every other test."""
    final = [item for item in items if item.name == FINAL_TEST]
    for item in final:
        items.remove(item)
    items.extend(final)


def pytest_collection_finish() -> None:
    start_watching()
