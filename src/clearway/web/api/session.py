"""Signing in: an email address and a password for a new API token, shown once."""

from __future__ import annotations

from fastapi import Request
from pydantic import BaseModel, Field

from clearway.services import sessions
from clearway.services.people import MAX_TOKEN_DAYS
from clearway.web.api.deps import PUBLIC, ApiRouter, SignInRunner, client_address, needs
from clearway.web.api.errors import ERROR_RESPONSES, error_responses
from clearway.web.api.users import IssuedToken, UserOut

router = ApiRouter(tags=["session"], responses=ERROR_RESPONSES)


class Login(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)
    token_name: str = Field(default="api", min_length=1, max_length=100, description="To tell tokens apart.")
    expires_in_days: int | None = Field(
        default=None, ge=1, le=MAX_TOKEN_DAYS, description="The token stops working after this many days."
    )


class NewSession(BaseModel):
    token: IssuedToken
    user: UserOut


@router.post(
    "/session",
    operation_id="createSession",
    status_code=201,
    summary="Sign in: a new API token for `Authorization: Bearer <token>`, shown once",
    description=(
        "Anyone may call it. Answers 401 for an unknown address or a wrong password alike (and for a "
        "deactivated user), and 429 with `Retry-After` once an account or a network address has failed "
        f"{sessions.ACCOUNT_LIMIT} or {sessions.ADDRESS_LIMIT} times within "
        f"{int(sessions.WINDOW.total_seconds() // 60)} minutes."
    ),
    responses=error_responses(429),
    openapi_extra=needs(PUBLIC),
)
async def create_session(steps: SignInRunner, request: Request, body: Login) -> NewSession:
    attempt = sessions.SignIn(
        email=body.email,
        password=body.password,
        address=client_address(request),
        token_name=body.token_name,
        expires_in_days=body.expires_in_days,
    )
    signed_in = await sessions.sign_in(steps, attempt)
    return NewSession(
        token=IssuedToken.of(signed_in.token, signed_in.secret), user=UserOut.model_validate(signed_in.user)
    )
