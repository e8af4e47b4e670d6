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


@dataclass(frozen=True)
class VerifiedToken:
    """A token with our signature, not expired. `issued_at` (seconds since the epoch, 0 when the
    token does not say) tells whether a list of users read at some moment can know its user."""

    principal: Principal
    issued_at: float
    expires_at: float


def verify_token(token: str, secret: str) -> VerifiedToken:
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "role", "exp"]}
        )
    except jwt.PyJWTError as error:
        raise InvalidToken(str(error)) from None
    if claims["role"] not in ROLES or not isinstance(claims["sub"], str):
        raise InvalidToken("unknown role")
    issued_at = claims.get("iat")
    return VerifiedToken(
        Principal(claims["sub"], claims["role"]),
        float(issued_at) if isinstance(issued_at, int | float) else 0.0,
        float(claims["exp"]),
    )
