"""Signed, short-lived access tokens (JWT, HS256) that carry a username and a role."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

ALGORITHM = "HS256"
ROLES = ("viewer", "admin")


class InvalidToken(Exception):
    """Not signed by us, expired, or not one of our tokens."""


@dataclass(frozen=True)
class Principal:
    username: str
    role: str

    def may_act_as(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def issue_access_token(principal: Principal, secret: str, minutes: int) -> str:
    now = datetime.now(UTC)
    claims = {
        "sub": principal.username,
        "role": principal.role,
        "iat": now,
        "exp": now + timedelta(minutes=minutes),
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def principal_from_token(token: str, secret: str) -> Principal:
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "role", "exp"]}
        )
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from None
    if claims["role"] not in ROLES or not isinstance(claims["sub"], str):
        raise InvalidToken("unknown role")
    return Principal(claims["sub"], claims["role"])
