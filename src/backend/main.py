"""The ASGI app: `uvicorn backend.main:app`."""

from functools import partial

from fastapi import FastAPI

from backend.body_limit import install_body_limit
from backend.cors import install_cors
from backend.database_outage import install_database_outage_handler
from backend.errors import install_error_handlers
from backend.lifespan import lifespan
from backend.logs import configure_logging
from backend.method_not_allowed import install_method_not_allowed_handler
from backend.metrics import install_metrics
from backend.openapi_errors import install_error_answers_in_openapi
from backend.rate_limit import LoginLimiter
from backend.repeated_requests import install_repeated_kpi_requests
from backend.routes import auth, backup, employees, kpi, leave_info, service, sync, upload
from backend.routes.kpi import KPI_PATHS
from backend.routes.kpi_questions import opening_questions
from backend.security_headers import install_security_headers
from backend.services.accounts import Accounts
from backend.services.answer_cache import AnswerCache
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
    app.state.answer_cache = answer_cache(settings)
    app.state.accounts = Accounts()  # read in the lifespan, before the first request
    app.state.login_limiter = LoginLimiter(
        settings.login_max_failures, settings.login_lockout_seconds
    )
    install_error_handlers(app)
    install_database_outage_handler(app)
    install_method_not_allowed_handler(app)
    install_repeated_kpi_requests(app, frozenset(KPI_PATHS))
    install_body_limit(app, settings.upload_max_bytes)
    app.state.sync_metrics = install_metrics(app)
    install_cors(app, settings.cors_origins)
    install_security_headers(app)
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
    install_error_answers_in_openapi(app)
    return app


def answer_cache(settings: Settings) -> AnswerCache:
    cache = AnswerCache()
    # Every KPI the API serves, as a dashboard opens it: ready before the first viewer asks.
    cache.opening_questions = partial(
        opening_questions, list(KPI_PATHS.values()), settings=settings, cache=cache
    )
    return cache


def create_configured_app() -> FastAPI:
    settings = get_settings()
    configure_logging(settings.log_level)
    return create_app(settings)


app = create_configured_app()
