"""The ASGI app: `uvicorn backend.main:app`."""

from fastapi import FastAPI

from backend.body_limit import BodySizeLimit
from backend.database_outage import install_database_outage_handler
from backend.errors import install_error_handlers
from backend.lifespan import lifespan
from backend.logs import configure_logging
from backend.metrics import install_metrics
from backend.routes import auth, backup, employees, kpi, leave_info, service, sync, upload
from backend.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Leave Analytics",
        summary="A PostgreSQL copy of Vyaguta leave records, kept up to date, and what it shows.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    install_database_outage_handler(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.upload_max_bytes)
    app.state.sync_metrics = install_metrics(app)
    for router in (
        service.router,
        auth.router,
        sync.router,
        upload.router,
        kpi.router,
        employees.router,
        leave_info.router,
        backup.router,
    ):
        app.include_router(router)
    return app


def create_configured_app() -> FastAPI:
    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)


app = create_configured_app()
