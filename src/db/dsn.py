"""The one place that decides which PostgreSQL every part of the system talks to."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pydantic import SecretStr

from db.embedded import embedded_postgres


@contextmanager
def database_url(configured: SecretStr | None, embedded_dir: Path) -> Iterator[str]:
    """Yield `configured` as given, or the URL of an embedded server when it is unset."""
    if configured is not None and configured.get_secret_value():
        yield configured.get_secret_value()
        return
    with embedded_postgres(embedded_dir) as url:
        yield url


def with_database(url: str, database: str) -> str:
    """The same server and credentials, another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def with_user(url: str, user: str, password: str = "") -> str:
    """The same server and database, another role."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    credentials = f"{user}:{password}" if password else user
    return urlunsplit(parts._replace(netloc=f"{credentials}@{host}"))


def describe(url: str) -> str:
    """Where a URL points, without its password: safe for logs and messages."""
    parts = urlsplit(url)
    socket_dir = dict(item.split("=", 1) for item in parts.query.split("&") if "=" in item).get(
        "host"
    )
    host = parts.hostname or socket_dir or "localhost"
    port = f":{parts.port}" if parts.port else ""
    database = parts.path.lstrip("/") or "(default)"
    return f"database {database} as {parts.username or '(default)'} on {host}{port}"
