"""Every setting of the system, read from the environment and `.env`."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

WEEKDAY_NAMES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_ignore_empty=True, extra="ignore")

    database_url: SecretStr | None = None
    embedded_postgres_dir: Path = Path(".data/postgres")

    vyaguta_api_url: str | None = None
    vyaguta_bearer_token: SecretStr = SecretStr("")
    vyaguta_page_size: int = Field(default=1000, ge=1, le=10_000)
    vyaguta_start_date: date | None = None
    vyaguta_end_date: date | None = None
    poll_interval_seconds: float = Field(default=30, ge=0)
    max_rejected_share: float = Field(default=0.05, ge=0, le=1)

    admin_username: str = "admin"
    admin_password: SecretStr = SecretStr("admin")
    jwt_secret: SecretStr = SecretStr("dev-only-secret-change-me")
    app_env: Literal["development", "test", "production"] = "development"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    dashboard_password: SecretStr | None = None
    weekend_days: Annotated[tuple[str, ...], NoDecode] = ("SAT", "SUN")

    @field_validator("weekend_days", mode="before")
    @classmethod
    def parse_weekend_days(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip().upper()[:3] for part in value.split(",") if part.strip()]
        unknown = [day for day in value if day not in WEEKDAY_NAMES]  # type: ignore[union-attr]
        if unknown:
            raise ValueError(f"unknown weekday(s) {unknown}; use names like SAT,SUN")
        return tuple(value)  # type: ignore[arg-type]


@lru_cache
def get_settings() -> Settings:
    return Settings()
