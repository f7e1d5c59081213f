"""Users of the caller's organisation (admins), and API tokens (each user their own; admins their users')."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Path, Query
from pydantic import BaseModel, Field

from clearway.domain.workflow import Permission, Role
from clearway.services import people
from clearway.store.models import ApiToken, User
from clearway.web.api.deps import AUTHENTICATED, ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(tags=["users"], responses=ERROR_RESPONSES)


class UserOut(BaseModel):
    id: int
    email: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime


class UserList(BaseModel):
    items: list[UserOut]


class NewUser(BaseModel):
    email: str = Field(max_length=320)
    display_name: str = Field(min_length=1, max_length=200)
    role: Role
    password: str = Field(max_length=1024, description="At least 12 characters.")


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to tell tokens apart; not secret.")
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None


class TokenList(BaseModel):
    items: list[TokenOut]


class NewToken(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class IssuedToken(TokenOut):
    token: str = Field(description="The secret, shown this once: only its hash is kept.")


def user_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role,
        active=user.active,
        created_at=user.created_at,
    )


def token_out(token: ApiToken) -> TokenOut:
    return TokenOut(
        id=token.id,
        name=token.name,
        prefix=token.prefix,
        created_at=token.created_at,
        revoked_at=token.revoked_at,
        last_used_at=token.last_used_at,
    )


def issued(result: people.IssuedToken) -> IssuedToken:
    return IssuedToken(**token_out(result.token).model_dump(), token=result.secret)


@router.get(
    "/users",
    operation_id="listUsers",
    summary="The users of the caller's organisation",
    openapi_extra=needs(Permission.USERS_MANAGE),
)
def list_users(ctx: Reader) -> UserList:
    return UserList(items=[user_out(user) for user in people.list_users(ctx.session, ctx.actor)])


@router.post(
    "/users",
    operation_id="createUser",
    status_code=201,
    summary="A new user of the caller's organisation",
    openapi_extra=needs(Permission.USERS_MANAGE),
)
def create_user(ctx: Writer, body: NewUser) -> UserOut:
    user = people.create_user(
        ctx.session, ctx.actor, ctx.actor.organisation_id, body.email, body.display_name, body.role, body.password
    )
    return user_out(user)


@router.get(
    "/tokens",
    operation_id="listTokens",
    summary="The caller's API tokens, or (admins) those of a user of their organisation",
    openapi_extra=needs(AUTHENTICATED),
)
def list_tokens(ctx: Reader, user_id: Annotated[int | None, Query(ge=1)] = None) -> TokenList:
    return TokenList(items=[token_out(token) for token in people.list_tokens(ctx.session, ctx.actor, user_id)])


@router.post(
    "/tokens",
    operation_id="createToken",
    status_code=201,
    summary="A new API token for the caller, shown once",
    openapi_extra=needs(AUTHENTICATED),
)
def create_token(ctx: Writer, body: NewToken) -> IssuedToken:
    user = ctx.session.get(User, ctx.actor.user_id)
    assert user is not None  # the actor was just read from it
    return issued(people.create_token(ctx.session, user, body.name, actor=ctx.actor))


@router.delete(
    "/tokens/{token_id}",
    operation_id="revokeToken",
    summary="Revoke a token of the caller's, or (admins) of a user of their organisation",
    openapi_extra=needs(AUTHENTICATED),
)
def revoke_token(ctx: Writer, token_id: Annotated[int, Path(ge=1)]) -> TokenOut:
    return token_out(people.revoke_token(ctx.session, ctx.actor, token_id))
