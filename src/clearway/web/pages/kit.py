"""What every page needs: the unit of work, the signed-in user, CSRF, the language, rendering.

A page route is an ``async def`` that hands its work to :func:`run`: the body of an unsafe
request is read and checked against cross-site use in the event loop, then the handler
runs in a worker thread inside one unit of work (committed when it returns a response,
rolled back when it raises), the same as an API route.

CSRF: every unsafe request must come from this site (``Sec-Fetch-Site`` when the browser
sends it, else ``Origin`` when present) *and* carry the session's token, in the form field
``csrf_token`` or, for htmx, the ``X-CSRF-Token`` header. Before signing in, the token is a
random value also kept in a cookie (double submit), so the sign-in form is covered too.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from clearway.domain.workflow import Permission
from clearway.i18n import DEFAULT_LANGUAGE, LANGUAGES, messages, translate, translations
from clearway.services import web_sessions
from clearway.services.errors import Forbidden, NotFound, ServiceError, Unauthenticated
from clearway.services.web_sessions import SignedIn
from clearway.settings import Settings
from clearway.web.api.deps import UnitOfWork, language_of
from clearway.web.pages.templating import render

log = logging.getLogger(__name__)

SESSION_COOKIE = "clearway_session"
ANONYMOUS_CSRF_COOKIE = "clearway_csrf"
LANGUAGE_COOKIE = "clearway_lang"
FLASH_COOKIE = "clearway_flash"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Largest form body read (a manifest of thousands of rows is a few megabytes).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Flash:
    kind: str  # success, info, warning, error (USWDS alert types)
    text: str


@dataclass
class PageContext:
    """One page request: its unit of work, who is signed in, the language, the form sent."""

    request: Request
    unit: UnitOfWork
    lang: str
    settings: Settings
    signed_in: SignedIn | None
    csrf_token: str
    form: FormData | None
    flashes: list[Flash] = field(default_factory=list)
    set_cookies: dict[str, str] = field(default_factory=dict)
    clear_cookies: set[str] = field(default_factory=set)

    # Reading the catalogue from Python: pybabel extracts the ``_(...)``/``ngettext(...)`` calls.
    def _(self, text: str, **params: Any) -> str:
        translated = translations(self.lang).gettext(text)
        return translated % params if params else translated

    def ngettext(self, singular: str, plural: str, count: int, **params: Any) -> str:
        translated = translations(self.lang).ngettext(singular, plural, count)
        return translated % {"num": count, **params}

    def say(self, error: ServiceError) -> str:
        """A service's refusal as a sentence in the page's language (the keyed catalogue), in the
        pages' own wording where the API's names a field of the API (``page.<key>``)."""
        key = f"page.{error.key}" if f"page.{error.key}" in messages() else error.key
        try:
            return translate(key, self.lang, **error.params)
        except (KeyError, IndexError, ValueError):
            log.exception("cannot render message %s", error.key)
            return error.key

    @property
    def session(self) -> Any:
        """The database session of the unit of work, for the service call."""
        return self.unit.session

    @property
    def actor(self) -> Any:
        if self.signed_in is None:
            raise Unauthenticated("service.session_expired")
        return self.signed_in.actor

    def can(self, permission: Permission | str) -> bool:
        return self.signed_in is not None and self.signed_in.actor.may(Permission(permission))

    @property
    def is_htmx(self) -> bool:
        return self.request.headers.get("hx-request") == "true"

    def value(self, name: str, default: str = "") -> str:
        """A text field of the posted form, stripped of surrounding spaces."""
        if self.form is None:
            return default
        found = self.form.get(name)
        return found.strip() if isinstance(found, str) else default

    def values(self, name: str) -> list[str]:
        if self.form is None:
            return []
        return [item.strip() for item in self.form.getlist(name) if isinstance(item, str)]

    def upload(self, name: str) -> UploadFile | None:
        found = self.form.get(name) if self.form is not None else None
        return found if isinstance(found, UploadFile) and found.filename else None

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        body = render(template, self.lang, page=self, Permission=Permission, **context)
        return HTMLResponse(body, status_code=status_code)

    def redirect(self, url: str, flash: Flash | None = None) -> Response:
        """303 to ``url`` (post/redirect/get), with a message shown once on the next page."""
        if flash is not None:
            self.set_cookies[FLASH_COOKIE] = _encode_flash(flash)
        if self.is_htmx:
            return Response(status_code=204, headers={"HX-Redirect": url})
        return RedirectResponse(url, status_code=303)

    def path_with_language(self, lang: str) -> str:
        return self.request.url.path


def _encode_flash(flash: Flash) -> str:
    return base64.urlsafe_b64encode(json.dumps([flash.kind, flash.text]).encode()).decode()


def _decode_flash(value: str) -> Flash | None:
    try:
        kind, text = json.loads(base64.urlsafe_b64decode(value.encode()))
    except (ValueError, TypeError):
        return None
    if kind not in ("success", "info", "warning", "error") or not isinstance(text, str):
        return None
    return Flash(kind, text[:500])


Handler = Callable[..., Response]


def _from_this_site(request: Request) -> bool:
    """Whether an unsafe request was sent by a page of this site (not a cross-site form)."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None  # an old browser or a tool without Origin: the token decides
    own = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"
    return origin.rstrip("/") == own


def page_language(request: Request, signed_in: SignedIn | None) -> str:
    """The user's saved choice, else the language chosen before signing in, else the browser's."""
    if signed_in is not None and signed_in.language in LANGUAGES:
        return signed_in.language
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return language_of(request)


def safe_next(target: str | None, default: str = "/") -> str:
    """A path of this site to go on to after signing in; anything else is the default."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else default


async def run(
    request: Request, handler: Handler, *, write: bool = False, public: bool = False, **params: Any
) -> Response:
    """Run a page handler in one unit of work (a writer for unsafe methods or ``write``)."""
    started = time.perf_counter()
    unsafe = request.method in UNSAFE_METHODS
    form: FormData | None = None
    if unsafe:
        if not _from_this_site(request):
            return _refused(request, "cross_site")
        try:
            form = await request.form(max_part_size=MAX_UPLOAD_BYTES)
        except Exception:  # a malformed body: the same refusal as a forged one, nothing else said
            log.info("unreadable form body on %s", request.url.path, exc_info=True)
            return _refused(request, "bad_form")
    state = request.app.state
    unit = UnitOfWork(state.engine, state.database_slots, None, read_only=not (unsafe or write))
    await unit.take_slot()
    try:
        response, signed_in = await run_in_threadpool(_in_thread, request, unit, handler, form, public, params)
    finally:
        unit.give_back_slot()
        if form is not None:
            await form.close()
    if signed_in is not None and signed_in.seen_is_stale:
        await _touch(request, signed_in.session_id)
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers["Vary"] = "HX-Request, Accept-Language, Cookie"
    # The time the server spent on the page, for the browser's developer tools and bench/web.py.
    response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
    return response


def _in_thread(
    request: Request,
    unit: UnitOfWork,
    handler: Handler,
    form: FormData | None,
    public: bool,
    params: dict[str, Any],
) -> tuple[Response, SignedIn | None]:
    unit.enter()
    signed_in: SignedIn | None = None
    try:
        secret = request.cookies.get(SESSION_COOKIE)
        if secret:
            try:
                signed_in = web_sessions.authenticate(unit.session, secret)
            except Unauthenticated:
                signed_in = None
        lang = page_language(request, signed_in)
        anonymous_token = request.cookies.get(ANONYMOUS_CSRF_COOKIE) or ""
        csrf = signed_in.csrf_token if signed_in is not None else (anonymous_token or secrets.token_urlsafe(32))
        ctx = PageContext(request, unit, lang, request.app.state.settings, signed_in, csrf, form)
        flash = request.cookies.get(FLASH_COOKIE)
        if flash:
            decoded = _decode_flash(flash)
            if decoded is not None:
                ctx.flashes.append(decoded)
            ctx.clear_cookies.add(FLASH_COOKIE)
        if signed_in is None and not public:
            unit.end()
            return _to_sign_in(ctx, expired=bool(secret)), None
        if form is not None:
            given = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
            if not isinstance(given, str) or not given or not secrets.compare_digest(given, csrf):
                unit.end()
                return _refused(request, "csrf", lang), signed_in
        if signed_in is None and not anonymous_token:
            ctx.set_cookies[ANONYMOUS_CSRF_COOKIE] = csrf
        try:
            response = handler(ctx, **params)
        except NotFound as error:  # what the user may not see answers as what does not exist
            unit.end(error)  # rolled back: nothing the handler did before the refusal stays
            return error_page(ctx, 404), signed_in
        except Forbidden as error:
            unit.end(error)
            return error_page(ctx, 403), signed_in
        except Unauthenticated as error:
            unit.end(error)
            return _to_sign_in(ctx, expired=True), None
    except BaseException as error:
        unit.end(error)
        raise
    unit.end()
    _apply_cookies(ctx, response)
    return response, signed_in


def _apply_cookies(ctx: PageContext, response: Response) -> None:
    secure = ctx.settings.environment != "development"
    for name in ctx.clear_cookies - set(ctx.set_cookies):
        response.delete_cookie(name, path="/", secure=secure, httponly=True, samesite="lax")
    for name, value in ctx.set_cookies.items():
        max_age = None if name in (SESSION_COOKIE, FLASH_COOKIE, ANONYMOUS_CSRF_COOKIE) else 365 * 24 * 3600
        response.set_cookie(name, value, max_age=max_age, path="/", secure=secure, httponly=True, samesite="lax")


def _to_sign_in(ctx: PageContext, *, expired: bool) -> Response:
    target = ctx.request.url.path
    if ctx.request.url.query:
        target += "?" + ctx.request.url.query
    url = "/sign-in" + (f"?next={quote(target, safe='')}" if target not in ("/", "/sign-in") else "")
    if expired:
        url += ("&" if "?" in url else "?") + "expired=1"
    response: Response
    if ctx.is_htmx:
        response = Response(status_code=204, headers={"HX-Redirect": url})
    else:
        response = RedirectResponse(url, status_code=303)
    if expired:
        response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def error_page(ctx: PageContext, status: int, reference: str | None = None) -> HTMLResponse:
    return ctx.render(f"errors/{status}.html", status_code=status, reference=reference)


def _refused(request: Request, why: str, lang: str | None = None) -> Response:
    """403 for a form that did not come from this site or lost its token; nothing is changed."""
    language = lang or language_of(request)
    log.info("refused %s %s: %s", request.method, request.url.path, why)
    body = render("errors/csrf.html", language, page=None, Permission=Permission, reason=why)
    return HTMLResponse(body, status_code=403, headers={"Cache-Control": "no-store"})


async def _touch(request: Request, session_id: int) -> None:
    state = request.app.state
    unit = UnitOfWork(state.engine, state.database_slots, None, read_only=False)
    await unit.take_slot()
    try:
        await run_in_threadpool(_touch_in_thread, unit, session_id)
    except ServiceError:
        log.warning("could not record the use of web session %s", session_id, exc_info=True)
    finally:
        unit.give_back_slot()


def _touch_in_thread(unit: UnitOfWork, session_id: int) -> None:
    unit.enter()
    try:
        web_sessions.touch(unit.session, session_id)
    except BaseException as error:
        unit.end(error)
        raise
    unit.end()


def server_error_page(request: Request) -> HTMLResponse:
    """The 500 page: a reference to give the support desk, and nothing about the failure."""
    reference = uuid.uuid4().hex[:12].upper()
    lang = request.cookies.get(LANGUAGE_COOKIE) or language_of(request)
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    body = render("errors/500.html", lang, page=None, Permission=Permission, reference=reference)
    log.error("server error reference %s on %s %s", reference, request.method, request.url.path)
    return HTMLResponse(body, status_code=500, headers={"Cache-Control": "no-store"})


def not_found_page(request: Request) -> HTMLResponse:
    lang = request.cookies.get(LANGUAGE_COOKIE) or language_of(request)
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    body = render("errors/404.html", lang, page=None, Permission=Permission, reference=None)
    return HTMLResponse(body, status_code=404, headers={"Cache-Control": "no-store"})


def form_errors(ctx: PageContext, error: ServiceError, fields: Mapping[str, str]) -> dict[str, str]:
    """A service's refusal placed beside the form field it names (``fields``: service field -> form field)."""
    named = str(error.params.get("field", ""))
    for service_field, form_field in fields.items():
        if named == service_field or named.startswith(service_field + ".") or named.startswith(service_field + "["):
            return {form_field: ctx.say(error)}
    return {"_form": ctx.say(error)}
