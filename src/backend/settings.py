"""Every setting of the system, read from the environment and `.env`."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

WEEKDAY_NAMES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
# Defaults that let `make run` work out of the box; production refuses to start with them.
DEVELOPMENT_JWT_SECRET = "dev-only-secret-change-me"  # noqa: S105
DEVELOPMENT_ADMIN_PASSWORD = "admin"  # noqa: S105


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_ignore_empty=True, extra="ignore")

    database_url: SecretStr | None = None
    dashboard_database_url: SecretStr | None = None
    embedded_postgres_dir: Path = Path(".data/postgres")
    backup_dir: Path = Path(".data/backups")

    vyaguta_api_url: str | None = None
    vyaguta_bearer_token: SecretStr = SecretStr("")
    vyaguta_page_size: int = Field(default=1000, ge=1, le=10_000)
    vyaguta_start_date: date | None = None
    vyaguta_end_date: date | None = None
    vyaguta_timeout_seconds: float = Field(default=30, gt=0)
    vyaguta_max_tries: int = Field(default=5, ge=1, le=20)
    vyaguta_retry_base_seconds: float = Field(default=1.0, ge=0)
    vyaguta_max_pages: int = Field(default=10_000, ge=1)
    poll_interval_seconds: float = Field(default=30, ge=0)
    sync_hot_days: int = Field(default=90, ge=0)
    full_sync_interval_seconds: float = Field(default=3600, ge=0)
    poll_max_backoff_seconds: float = Field(default=600, ge=0)
    max_rejected_share: float = Field(default=0.05, ge=0, le=1)

    admin_username: str = "admin"
    admin_password: SecretStr = SecretStr(DEVELOPMENT_ADMIN_PASSWORD)
    jwt_secret: SecretStr = SecretStr(DEVELOPMENT_JWT_SECRET)
    access_token_minutes: int = Field(default=60, ge=1)
    # How often each API process reads the users again: a removed user's tokens (or a re-added
    # user's tokens of their former role) are refused everywhere within about this long.
    users_reload_seconds: float = Field(default=2, gt=0)
    upload_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1024)
    login_max_failures: int = Field(default=5, ge=1)
    login_lockout_seconds: float = Field(default=300, gt=0)
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    app_env: Literal["development", "test", "production"] = "development"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    api_port: int = Field(default=8000, ge=1, le=65535)
    dashboard_port: int = Field(default=8501, ge=1, le=65535)
    demo_upstream_port: int = Field(default=8081, ge=1, le=65535)
    demo_upstream_records: int = Field(default=161_450, ge=0)

    dashboard_password: SecretStr | None = None
    # When set, GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>` (Prometheus:
    # `authorization: {credentials_file: ...}`); unset, it is open to whoever can reach it.
    metrics_token: SecretStr | None = None
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

    @field_validator("cors_origins", mode="before")
    @classmethod
    def parse_cors_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip().rstrip("/") for part in value.split(",") if part.strip())
        return value

    @property
    def weekend_isodows(self) -> list[int]:
        return [WEEKDAY_NAMES.index(day) + 1 for day in self.weekend_days]

    def production_problems(self) -> list[str]:
        """Settings that are fine for trying the system out but never for production."""
        if self.app_env != "production":
            return []
        problems = []
        if self.jwt_secret.get_secret_value() == DEVELOPMENT_JWT_SECRET:
            problems.append("JWT_SECRET is the development default")
        if len(self.jwt_secret.get_secret_value()) < 32:
            problems.append("JWT_SECRET is shorter than 32 characters")
        if self.admin_password.get_secret_value() == DEVELOPMENT_ADMIN_PASSWORD:
            problems.append("ADMIN_PASSWORD is the development default")
        return problems


@lru_cache
def get_settings() -> Settings:
    return Settings()
