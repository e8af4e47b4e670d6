"""Which PostgreSQL the dashboard reads, and as which role."""

from collections.abc import Iterator
from contextlib import contextmanager

from backend.settings import Settings
from db.dsn import database_url, with_user

# Created by migration 0004: it may read dbo and reporting, and write nothing.
READER_ROLE = "leave_reader"


@contextmanager
def reader_url(settings: Settings) -> Iterator[str]:
    """DASHBOARD_DATABASE_URL as given, else the system's database as the read-only role.

    The system's database is DATABASE_URL, or the embedded server (started if it is not
    running, and stopped again on exit only then).
    """
    if settings.dashboard_database_url and settings.dashboard_database_url.get_secret_value():
        yield settings.dashboard_database_url.get_secret_value()
        return
    with database_url(settings.database_url, settings.embedded_postgres_dir) as url:
        yield with_user(url, READER_ROLE)
