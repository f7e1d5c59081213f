"""Signing in and out, the language switch, and ``/`` (the sign-in page or the user's home)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from clearway.domain.workflow import OrgKind
from clearway.i18n import LANGUAGES
from clearway.services import web_sessions
from clearway.services.errors import Forbidden, NotFound, ServiceError
from clearway.web.pages.kit import LANGUAGE_COOKIE, SESSION_COOKIE, Flash, PageContext, run, safe_next

router = APIRouter(include_in_schema=False)


def home_of(ctx: PageContext) -> str:
    """Where a user starts: the inbox for a receiving authority, the flights otherwise."""
    signed_in = ctx.signed_in
    if signed_in is not None and signed_in.actor.kind is OrgKind.RECEIVING:
        return "/inbox"
    return "/flights"


@router.get("/")
async def root(request: Request) -> Response:
    return await run(request, _root, public=True)


def _root(ctx: PageContext) -> Response:
    if ctx.signed_in is None:
        return _sign_in_form(ctx)
    return ctx.redirect(home_of(ctx))


@router.get("/sign-in")
async def sign_in_page(request: Request) -> Response:
    return await run(request, _sign_in_page, public=True)


def _sign_in_page(ctx: PageContext) -> Response:
    if ctx.signed_in is not None:
        return ctx.redirect(home_of(ctx))
    return _sign_in_form(ctx)


def _sign_in_form(
    ctx: PageContext, errors: dict[str, str] | None = None, email: str = "", status: int = 200
) -> Response:
    expired = ctx.request.query_params.get("expired") == "1"
    next_path = safe_next(ctx.request.query_params.get("next") or ctx.value("next"), "")
    return ctx.render(
        "auth/sign_in.html", status_code=status, errors=errors or {}, email=email, expired=expired, next_path=next_path
    )


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    return await run(request, _sign_in, public=True)


def _sign_in(ctx: PageContext) -> Response:
    email, password = ctx.value("email"), ctx.form.get("password") if ctx.form else ""
    errors: dict[str, str] = {}
    if not email:
        errors["email"] = ctx._("Enter your email address.")
    if not isinstance(password, str) or not password:
        errors["password"] = ctx._("Enter your password.")
    if errors:
        return _sign_in_form(ctx, errors, email, status=422)
    assert isinstance(password, str)
    try:
        created = web_sessions.sign_in(ctx.session, email, password)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        return _sign_in_form(ctx, {"_form": ctx.say(error)}, email, status=error.status)
    ctx.signed_in = created.signed_in
    ctx.set_cookies[SESSION_COOKIE] = created.secret
    target = safe_next(ctx.value("next"), home_of(ctx))
    return ctx.redirect(target)


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    return await run(request, _sign_out)


def _sign_out(ctx: PageContext) -> Response:
    secret = ctx.request.cookies.get(SESSION_COOKIE)
    if secret:
        web_sessions.sign_out(ctx.session, secret)
    ctx.clear_cookies.add(SESSION_COOKIE)
    ctx.signed_in = None
    return ctx.redirect("/sign-in", Flash("success", ctx._("You have signed out.")))


@router.post("/language")
async def choose_language(request: Request) -> Response:
    return await run(request, _choose_language, public=True)


def _choose_language(ctx: PageContext) -> Response:
    language = ctx.value("language")
    if language not in LANGUAGES:
        language = ctx.lang
    if ctx.signed_in is not None:
        web_sessions.save_language(ctx.session, ctx.signed_in.actor, language)
    ctx.set_cookies[LANGUAGE_COOKIE] = language
    return ctx.redirect(safe_next(ctx.value("next"), "/"))
