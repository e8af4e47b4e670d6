"""`python -m backend.reader_password`: let the dashboard's role log in with the password in
DASHBOARD_DATABASE_URL.

A server that asks its clients for a password (the PostgreSQL container of docker-compose.yml,
any managed server) admits `leave_reader` only once it has one. Run it after
`migrate.py --up`, as the owner in DATABASE_URL. The password travels as a SCRAM verifier, so
it never shows in the server's statement log.
"""

import asyncio
import base64
import hashlib
import hmac
import secrets
import sys
from urllib.parse import unquote, urlsplit

import asyncpg

from backend.settings import get_settings

SCRAM_ITERATIONS = 4096
SALT_BYTES = 16


class NoReaderPassword(ValueError):
    """DASHBOARD_DATABASE_URL names no role with a password."""


def scram_sha_256_verifier(password: str, salt: bytes, iterations: int = SCRAM_ITERATIONS) -> str:
    """What PostgreSQL stores for a password (RFC 5802/7677); an ASCII password needs no
    SASLprep."""
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.digest(salted, b"Client Key", "sha256")
    server_key = hmac.digest(salted, b"Server Key", "sha256")
    stored_key = hashlib.sha256(client_key).digest()
    encoded = [base64.b64encode(part).decode() for part in (salt, stored_key, server_key)]
    return f"SCRAM-SHA-256${iterations}:{encoded[0]}${encoded[1]}:{encoded[2]}"


def role_and_password(reader_url: str) -> tuple[str, str]:
    parts = urlsplit(reader_url)
    if not parts.username or not parts.password:
        raise NoReaderPassword("DASHBOARD_DATABASE_URL must name the role and its password")
    return unquote(parts.username), unquote(parts.password)


async def give_the_reader_its_password(owner_url: str, reader_url: str) -> str:
    """Answers the role's name."""
    role, password = role_and_password(reader_url)
    verifier = scram_sha_256_verifier(password, secrets.token_bytes(SALT_BYTES))
    connection = await asyncpg.connect(owner_url)
    try:
        statement = await connection.fetchval(
            "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', $1::text, $2::text)",
            role,
            verifier,
        )
        await connection.execute(statement)
    finally:
        await connection.close()
    return role


def main() -> int:
    settings = get_settings()
    if settings.database_url is None or settings.dashboard_database_url is None:
        print("reader_password: set DATABASE_URL and DASHBOARD_DATABASE_URL", file=sys.stderr)
        return 2
    try:
        role = asyncio.run(
            give_the_reader_its_password(
                settings.database_url.get_secret_value(),
                settings.dashboard_database_url.get_secret_value(),
            )
        )
    except NoReaderPassword as problem:
        print(f"reader_password: {problem}", file=sys.stderr)
        return 2
    except (OSError, asyncpg.PostgresError) as error:
        print(f"reader_password: failed: {type(error).__name__}", file=sys.stderr)
        return 1
    print(f"role {role} may now log in with the password of DASHBOARD_DATABASE_URL")
    return 0


if __name__ == "__main__":
    sys.exit(main())
