"""The secrets the operations tests hand to the processes they start, and a database URL that
carries one, so that a leak of any of them would show."""

from urllib.parse import urlsplit

from db.dsn import with_user

UPSTREAM_TOKEN = "operations-upstream-token-5b2f7c"
JWT_SECRET = "operations-jwt-secret-that-is-long-enough-9e41"
ADMIN_PASSWORD = "operations-admin-password-c83a"
DATABASE_PASSWORD = "operations-database-password-1d6e"


def with_a_password(url: str) -> str:
    """The URL as given when it has a password; else the same with DATABASE_PASSWORD, which a
    server that trusts local connections (the embedded one) ignores."""
    parts = urlsplit(url)
    if parts.password:
        return url
    return with_user(url, parts.username or "postgres", DATABASE_PASSWORD)
