"""CORS: off unless CORS_ORIGINS names the browser origins whose pages may call the API.

Callers authenticate with a bearer token, never a cookie, so no credentials mode is needed.
"""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

PREFLIGHT_CACHE_SECONDS = 600


def install_cors(app: FastAPI, origins: tuple[str, ...]) -> None:
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "Accept"],
        expose_headers=["Retry-After", "Content-Disposition"],
        max_age=PREFLIGHT_CACHE_SECONDS,
    )
