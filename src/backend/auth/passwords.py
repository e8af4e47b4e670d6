"""Argon2 password hashes."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

hasher = PasswordHasher()

# Verifying against this when the user does not exist keeps both answers equally slow,
# so response times do not reveal which usernames exist.
UNKNOWN_USER_HASH = hasher.hash("no such user")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def password_matches(password: str, password_hash: str | None) -> bool:
    try:
        return hasher.verify(password_hash or UNKNOWN_USER_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False
