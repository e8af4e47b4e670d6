"""The environment an API process of these tests runs with."""

from tests.operations.credentials import ADMIN_PASSWORD, JWT_SECRET
from vyaguta_demo.process import DemoUpstream


def api_environment(
    database_url: str, upstream: DemoUpstream, **settings: object
) -> dict[str, str]:
    """Quick retries and short timeouts; `settings` (upper-case names) override the rest."""
    values: dict[str, object] = {
        "DATABASE_URL": database_url,
        "VYAGUTA_API_URL": upstream.leaves_url,
        "VYAGUTA_BEARER_TOKEN": upstream.token,
        "VYAGUTA_PAGE_SIZE": 500,
        "VYAGUTA_MAX_TRIES": 2,
        "VYAGUTA_RETRY_BASE_SECONDS": 0.1,
        "VYAGUTA_TIMEOUT_SECONDS": 5,
        "POLL_INTERVAL_SECONDS": 0,
        "ADMIN_USERNAME": "admin",
        "ADMIN_PASSWORD": ADMIN_PASSWORD,
        "JWT_SECRET": JWT_SECRET,
        "APP_ENV": "test",
        "LOG_LEVEL": "INFO",
    }
    return {name: str(value) for name, value in (values | settings).items()}
