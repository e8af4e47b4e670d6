import pytest
from pydantic import SecretStr

from backend.lifespan import StartupRefused
from backend.main import create_app
from tests.backend.conftest import settings_for


async def start_and_stop(settings) -> None:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        pass


async def test_production_refuses_the_development_secrets(migrated_database_url, upstream):
    settings = settings_for(
        migrated_database_url,
        upstream,
        app_env="production",
        jwt_secret=SecretStr("dev-only-secret-change-me"),
        admin_password=SecretStr("admin"),
    )

    with pytest.raises(
        StartupRefused, match=r"JWT_SECRET is the development default.*ADMIN_PASSWORD"
    ):
        await start_and_stop(settings)


async def test_the_service_refuses_a_schema_that_is_not_migrated(empty_database_url, upstream):
    with pytest.raises(StartupRefused, match=r"run `python migrate.py --up`"):
        await start_and_stop(settings_for(empty_database_url, upstream))


async def test_a_run_left_running_by_a_dead_process_is_failed_at_start(
    migrated_database_url, upstream, pool
):
    orphan = await pool.fetchval(
        "INSERT INTO ops.sync_runs (trigger) VALUES ('poller') RETURNING id"
    )

    await start_and_stop(settings_for(migrated_database_url, upstream))

    assert await pool.fetchval("SELECT status FROM ops.sync_runs WHERE id = $1", orphan) == "failed"


async def test_no_poller_runs_when_the_interval_is_zero(app):
    assert app.state.poller is None
