"""The app in this process, with its lifespan, for tests of what a single answer carries."""

from typing import Any

from pydantic import SecretStr

from backend.settings import Settings
from tests.operations.credentials import ADMIN_PASSWORD, JWT_SECRET


def in_process_settings(database_url: str, **overrides: Any) -> Settings:
    """No upstream and no poller: these tests only talk to the API."""
    values: dict[str, Any] = {
        "database_url": SecretStr(database_url),
        "vyaguta_api_url": None,
        "poll_interval_seconds": 0,
        "admin_username": "admin",
        "admin_password": SecretStr(ADMIN_PASSWORD),
        "jwt_secret": SecretStr(JWT_SECRET),
        "app_env": "test",
    }
    return Settings(_env_file=None, **(values | overrides))
