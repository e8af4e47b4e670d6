"""POST /token: the OAuth2 password flow."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.security import OAuth2PasswordRequestForm

from backend.auth.tokens import issue_access_token
from backend.dependencies import CHALLENGE, PoolDep, SettingsDep
from backend.errors import ApiError
from backend.schemas import AccessToken, ErrorBody
from backend.services.users import authenticate

router = APIRouter(tags=["auth"])


@router.post(
    "/token",
    response_model=AccessToken,
    responses={401: {"model": ErrorBody}},
    summary="Exchange a username and password for a bearer token",
)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], pool: PoolDep, settings: SettingsDep
) -> AccessToken:
    principal = await authenticate(pool, form.username, form.password)
    if principal is None:
        raise ApiError(401, "bad_credentials", "wrong username or password", headers=CHALLENGE)
    return AccessToken(
        access_token=issue_access_token(
            principal, settings.jwt_secret.get_secret_value(), settings.access_token_minutes
        )
    )
