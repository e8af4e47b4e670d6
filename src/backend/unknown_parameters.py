"""A query parameter the route does not take is a 422, not silently ignored: a misspelt filter
(`departmnt=...`) would otherwise answer every row as if nothing were filtered."""

from fastapi import Request
from fastapi.dependencies.models import Dependant

from backend.errors import ApiError


def query_parameter_names(dependant: Dependant) -> set[str]:
    names = {parameter.alias for parameter in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= query_parameter_names(dependency)
    return names


def refuse_unknown_query_parameters(request: Request) -> None:
    known = query_parameter_names(request.scope["route"].dependant)
    if unknown := sorted(set(request.query_params) - known):
        raise ApiError(
            422,
            "unknown_parameter",
            f"unknown query parameter(s): {', '.join(unknown)}",
            [{"field": f"query.{name}", "problem": "unknown parameter"} for name in unknown],
        )
