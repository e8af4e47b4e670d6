"""The error answers the OpenAPI document names for every operation, in the API's one shape.

Routes declare what is theirs (404, 409, 502, ...). What every route may answer comes from
shared layers instead, so it is added here: 401 and 403 from sign-in, 413 from the body limit,
400 from the multipart parser (read before the caller is checked), 503 from a database outage,
and 422 in our error shape rather than FastAPI's default.
"""

from typing import Any

from fastapi import FastAPI

from backend.schemas import ErrorBody

ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}
# Answered without the database: an outage cannot make them 503.
LIVENESS_PATHS = frozenset({"/", "/health", "/metrics"})
SIGNED_IN = {
    "401": "not signed in, or the token is invalid or expired",
    "403": "signed in without the role this needs",
}
WITH_A_BODY = {"413": "the request body is larger than UPLOAD_MAX_BYTES"}
WITH_A_MULTIPART_BODY = {"400": "the multipart body is malformed"}
TOUCHING_THE_DATABASE = {"503": "the database is unreachable; try again shortly"}


def error_answer(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def answers_added_to(path: str, operation: dict[str, Any]) -> dict[str, str]:
    added = {}
    if operation.get("security"):
        added |= SIGNED_IN
    if body := operation.get("requestBody"):
        added |= WITH_A_BODY
        if "multipart/form-data" in body.get("content", {}):
            added |= WITH_A_MULTIPART_BODY
    if path not in LIVENESS_PATHS:
        added |= TOUCHING_THE_DATABASE
    return added


def document_error_answers(document: dict[str, Any]) -> None:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(error_schema.pop("$defs", {}))
    schemas.setdefault("ErrorBody", error_schema)
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = error_answer(responses["422"].get("description", "invalid"))
            for status, description in answers_added_to(path, operation).items():
                responses.setdefault(status, error_answer(description))


def install_error_answers_in_openapi(app: FastAPI) -> None:
    build = app.openapi

    def openapi_with_error_answers() -> dict[str, Any]:
        if app.openapi_schema is None:
            document_error_answers(build())
        return build()

    app.openapi = openapi_with_error_answers  # type: ignore[method-assign]
