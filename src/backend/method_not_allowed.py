"""405 names every method the path supports in `Allow` (RFC 9110), not only one route's.

Starlette answers from the first route whose path matches, so a path served by two routes
(GET and POST /admin/backups) would otherwise claim one method only. The OpenAPI document lists
them all; a path it does not list (the docs pages) keeps Starlette's answer.
"""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import compile_path

from backend.errors import error_response


def documented_methods(app: FastAPI, path: str) -> list[str]:
    for template, operations in app.openapi()["paths"].items():
        pattern, _, _ = compile_path(template)
        if pattern.match(path):
            return sorted(method.upper() for method in operations)
    return []


async def answer_method_not_allowed(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    allowed = documented_methods(request.app, request.url.path) or [
        method.strip() for method in (error.headers or {}).get("Allow", "").split(",")
    ]
    return error_response(
        405,
        "method_not_allowed",
        f"{request.method} is not allowed here; this path takes {', '.join(allowed)}",
        headers={"Allow": ", ".join(allowed)},
    )


def install_method_not_allowed_handler(app: FastAPI) -> None:
    app.add_exception_handler(405, answer_method_not_allowed)
