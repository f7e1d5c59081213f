"""Users of the caller's organisation (admins), and API tokens (each user their own; admins their users')."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Path, Query
from pydantic import BaseModel, ConfigDict, Field

from clearway.domain.workflow import Permission, Role
from clearway.services import people
from clearway.web.api.deps import AUTHENTICATED, MAX_ROW_ID, ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(tags=["users"], responses=ERROR_RESPONSES)


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    display_name: str
    role: Role
    active: bool = Field(description="False once an admin deactivated the user: no sign-in, no token works.")
    created_at: datetime


class UserList(BaseModel):
    items: list[UserOut]


class NewUser(BaseModel):
    email: str = Field(max_length=320)
    display_name: str = Field(min_length=1, max_length=200)
    role: Role
    password: str = Field(max_length=1024, description="At least 12 characters.")


class TokenOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to tell tokens apart; not secret.")
    created_at: datetime
    expires_at: datetime | None = Field(description="When it stops working; None: when revoked.")
    revoked_at: datetime | None
    last_used_at: datetime | None


class TokenList(BaseModel):
    items: list[TokenOut]


class NewToken(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    expires_in_days: int | None = Field(
        default=None, ge=1, le=people.MAX_TOKEN_DAYS, description="The token stops working after this many days."
    )


class IssuedToken(TokenOut):
    token: str = Field(description="The secret, shown this once: only its hash is kept.")

    @classmethod
    def of(cls, view: people.TokenView, secret: str) -> IssuedToken:
        return cls(**TokenOut.model_validate(view).model_dump(), token=secret)


#: An id of a stored row: the columns are 32-bit integers on PostgreSQL, so a larger number
#: is refused as input (422) rather than reaching the database.
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


@router.get(
    "/users",
    operation_id="listUsers",
    summary="The users of the caller's organisation",
    description="For the organisation's admins; others are refused (403).",
    openapi_extra=needs(Permission.USERS_MANAGE),
)
def list_users(ctx: Reader) -> UserList:
    return UserList(items=[UserOut.model_validate(user) for user in people.list_users(ctx.session, ctx.actor)])


@router.post(
    "/users",
    operation_id="createUser",
    status_code=201,
    summary="A new user of the caller's organisation",
    description=(
        "For the organisation's admins (403 for others). Refuses an address without `@` or a password "
        "shorter than 12 characters (422), and an address already in use (409)."
    ),
    openapi_extra=needs(Permission.USERS_MANAGE),
)
def create_user(ctx: Writer, body: NewUser) -> UserOut:
    added = people.add_colleague(ctx.session, ctx.actor, body.email, body.display_name, body.role, body.password)
    return UserOut.model_validate(added)


@router.post(
    "/users/{user_id}/deactivate",
    operation_id="deactivateUser",
    summary="Deactivate a user of the caller's organisation and revoke all their tokens",
    description=(
        "For the organisation's admins (403 for others). The user can no longer sign in and none of "
        "their tokens works. A user of another organisation answers as a missing one (404); an admin "
        "cannot deactivate themselves (409). Deactivating an inactive user changes nothing."
    ),
    openapi_extra=needs(Permission.USERS_MANAGE),
)
def deactivate_user(ctx: Writer, user_id: RowId) -> UserOut:
    return UserOut.model_validate(people.deactivate_user(ctx.session, ctx.actor, user_id))


@router.get(
    "/tokens",
    operation_id="listTokens",
    summary="The caller's API tokens, or (admins) those of a user of their organisation",
    description=(
        "Any signed-in user, for their own tokens; `user_id` of someone else needs an admin (403), and "
        "a user of another organisation answers as a missing one (404)."
    ),
    openapi_extra=needs(AUTHENTICATED),
)
def list_tokens(ctx: Reader, user_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None) -> TokenList:
    return TokenList(
        items=[TokenOut.model_validate(token) for token in people.list_tokens(ctx.session, ctx.actor, user_id)]
    )


@router.post(
    "/tokens",
    operation_id="createToken",
    status_code=201,
    summary="A new API token for the caller, shown once",
    description=f"Any signed-in user, for themselves; an expiry may be set, at most {people.MAX_TOKEN_DAYS} days.",
    openapi_extra=needs(AUTHENTICATED),
)
def create_token(ctx: Writer, body: NewToken) -> IssuedToken:
    issued = people.create_own_token(ctx.session, ctx.actor, body.name, body.expires_in_days)
    return IssuedToken.of(issued.view, issued.secret)


@router.delete(
    "/tokens/{token_id}",
    operation_id="revokeToken",
    summary="Revoke a token of the caller's, or (admins) of a user of their organisation",
    description=(
        "Any signed-in user for their own tokens, admins for their organisation's. Any other token, "
        "whether or not it exists, answers as a missing one (404). Revoking twice changes nothing."
    ),
    openapi_extra=needs(AUTHENTICATED),
)
def revoke_token(ctx: Writer, token_id: RowId) -> TokenOut:
    return TokenOut.model_validate(people.revoke_token(ctx.session, ctx.actor, token_id))
