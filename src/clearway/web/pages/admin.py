"""Administration: the organisation's users and roles, API tokens (shown once), observer grants."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from clearway.domain.workflow import Permission, Role
from clearway.services import pages_admin, people
from clearway.services.errors import Forbidden, NotFound, ServiceError
from clearway.web.pages.kit import Flash, PageContext, form_errors, run

router = APIRouter(include_in_schema=False)


@router.get("/admin/users")
async def users(request: Request) -> Response:
    return await run(request, _users)


def _users(
    ctx: PageContext, errors: dict[str, str] | None = None, values: dict[str, str] | None = None, status: int = 200
) -> Response:
    overview = pages_admin.organisation_overview(ctx.session, ctx.actor)
    return ctx.render(
        "admin/users.html",
        status_code=status,
        overview=overview,
        errors=errors or {},
        values=values or {},
        roles=[str(role) for role in Role],
    )


@router.post("/admin/users")
async def add_user(request: Request) -> Response:
    return await run(request, _add_user)


def _add_user(ctx: PageContext) -> Response:
    ctx.actor.require(Permission.USERS_MANAGE)
    values = {name: ctx.value(name) for name in ("email", "display_name", "role")}
    password = ctx.form.get("password") if ctx.form else ""
    errors: dict[str, str] = {}
    if not values["display_name"]:
        errors["display_name"] = ctx._("Enter the person's name.")
    if values["role"] not in {str(role) for role in Role}:
        errors["role"] = ctx._("Choose a role.")
    if errors or not isinstance(password, str):
        return _users(ctx, errors, values, status=422)
    try:
        people.create_user(
            ctx.session,
            ctx.actor,
            ctx.actor.organisation_id,
            values["email"],
            values["display_name"],
            Role(values["role"]),
            password,
        )
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return _users(
            ctx, form_errors(ctx, error, {"email": "email", "password": "password"}), values, status=error.status
        )
    return ctx.redirect(
        "/admin/users", Flash("success", ctx._("%(email)s can now sign in.", email=values["email"].lower()))
    )


@router.post("/admin/users/{user_id}/deactivate")
async def deactivate(request: Request, user_id: int) -> Response:
    return await run(request, _deactivate, user_id=user_id)


def _deactivate(ctx: PageContext, user_id: int) -> Response:
    try:
        user = people.deactivate_user(ctx.session, ctx.actor, user_id)
    except (Forbidden, NotFound):
        raise
    except ServiceError as error:  # oneself, say
        ctx.unit.session.rollback()
        return ctx.redirect("/admin/users", Flash("error", ctx.say(error)))
    return ctx.redirect("/admin/users", Flash("success", ctx._("%(email)s can no longer sign in.", email=user.email)))


@router.post("/admin/grants")
async def grant(request: Request) -> Response:
    return await run(request, _grant)


def _grant(ctx: PageContext) -> Response:
    try:
        pages_admin.grant(
            ctx.session,
            ctx.actor,
            ctx.value("observer"),
            ctx.value("agreement_code") or None,
            ctx.value("request_reference") or None,
            personal_data=ctx.value("personal_data") == "yes",
        )
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        errors = form_errors(ctx, error, {"request_reference": "request_reference"})
        if "_form" in errors:  # about the grant as a whole: said at the top of its fieldset
            errors = {"grant": errors["_form"]}
        values = {"request_reference": ctx.value("request_reference")}
        return _users(ctx, errors, values, status=error.status)
    return ctx.redirect("/admin/users#grants", Flash("success", ctx._("The observer can now see what you granted.")))


@router.post("/admin/grants/{grant_id}/withdraw")
async def withdraw(request: Request, grant_id: int) -> Response:
    return await run(request, _withdraw, grant_id=grant_id)


def _withdraw(ctx: PageContext, grant_id: int) -> Response:
    pages_admin.withdraw_grant(ctx.session, ctx.actor, grant_id)
    return ctx.redirect("/admin/users#grants", Flash("success", ctx._("The grant is withdrawn.")))


@router.get("/account/tokens")
async def tokens(request: Request) -> Response:
    return await run(request, _tokens)


def _tokens(
    ctx: PageContext, new_secret: str | None = None, errors: dict[str, str] | None = None, status: int = 200
) -> Response:
    return ctx.render(
        "admin/tokens.html",
        status_code=status,
        tokens=people.list_tokens(ctx.session, ctx.actor),
        new_secret=new_secret,
        errors=errors or {},
    )


@router.post("/account/tokens")
async def create_token(request: Request) -> Response:
    return await run(request, _create_token)


def _create_token(ctx: PageContext) -> Response:
    name = ctx.value("name")
    if not name or len(name) > 100:
        return _tokens(ctx, errors={"name": ctx._("Give the token a name of at most 100 characters.")}, status=422)
    issued = pages_admin.create_own_token(ctx.session, ctx.actor, name)
    # Shown on this response only (never redirected with it): the secret is not stored.
    return _tokens(ctx, new_secret=issued.secret)


@router.post("/account/tokens/{token_id}/revoke")
async def revoke_token(request: Request, token_id: int) -> Response:
    return await run(request, _revoke_token, token_id=token_id)


def _revoke_token(ctx: PageContext, token_id: int) -> Response:
    people.revoke_token(ctx.session, ctx.actor, token_id)
    return ctx.redirect("/account/tokens", Flash("success", ctx._("The token is revoked.")))
