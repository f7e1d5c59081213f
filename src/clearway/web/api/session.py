"""Signing in: an email address and a password for a new API token, shown once."""

from __future__ import annotations

from pydantic import BaseModel, Field

from clearway.services import people
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicWriter, needs
from clearway.web.api.errors import ERROR_RESPONSES
from clearway.web.api.users import IssuedToken, UserOut, issued, user_out

router = ApiRouter(tags=["session"], responses=ERROR_RESPONSES)


class Login(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)
    token_name: str = Field(default="api", min_length=1, max_length=100, description="To tell tokens apart.")


class NewSession(BaseModel):
    token: IssuedToken
    user: UserOut


@router.post(
    "/session",
    operation_id="createSession",
    status_code=201,
    summary="Sign in: a new API token for `Authorization: Bearer <token>`, shown once",
    openapi_extra=needs(PUBLIC),
)
def create_session(ctx: PublicWriter, body: Login) -> NewSession:
    user = people.authenticate_password(ctx.session, body.email, body.password)
    return NewSession(token=issued(people.create_token(ctx.session, user, body.token_name)), user=user_out(user))
