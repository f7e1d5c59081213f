"""The one error envelope, ``{"error": {"code", "message", "details"}}``, for every error the API returns.

``code`` is stable and coarse (``not_found``, ``conflict``, ``invalid``...); ``details``
holds ``message_key`` (the catalogue key, stable and specific: ``service.stale_version``)
and the values the message names, so a client can act on them (the current version of a
stale edit, the state that refused a transition) without parsing the sentence.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Phrase
from clearway.i18n import catalogue, translate
from clearway.services.errors import ServiceError
from clearway.web.api.deps import language_of, unverified_caller

log = logging.getLogger(__name__)


class ErrorBody(BaseModel):
    code: str = Field(description="Stable, coarse: not_found, unauthenticated, forbidden, conflict, invalid, ...")
    message: str = Field(description="A sentence in the caller's language (Accept-Language: en or es).")
    details: dict[str, Any] = Field(description="`message_key` and the values the message names.")


class ErrorEnvelope(BaseModel):
    error: ErrorBody


_DESCRIPTIONS = {
    400: "The body cannot be read (not text in the declared encoding); nothing was changed.",
    401: "No valid API token.",
    403: "The caller's role, or the side of the flight it is on, does not allow this.",
    404: "It does not exist, or the caller may not see it (the two answer alike).",
    409: "The request's state or version has moved on; nothing was changed.",
    413: "The body is larger than the service accepts (`CLEARWAY_LIMIT_BODY_BYTES`, or an upload's own limit); "
    "it was not read.",
    422: "The input cannot be used; `details` names the field.",
    429: "Too many failed attempts lately; `Retry-After` says in how many seconds to try again.",
}
#: Every operation may answer these (``error_responses`` adds others).
_EVERY_OPERATION = (400, 401, 403, 404, 409, 413, 422)
#: For ``responses=`` of routers, so the OpenAPI document shows the envelope on every error.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": _DESCRIPTIONS[status]} for status in _EVERY_OPERATION
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for an operation that can also answer ``statuses``."""
    return {status: {"model": ErrorEnvelope, "description": _DESCRIPTIONS[status]} for status in statuses}


def error_response(
    status: int, code: str, message: str, details: dict[str, Any], headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details}}
    return JSONResponse(body, status_code=status, headers=headers)


def _plain(value: Any) -> Any:
    """A message parameter as JSON (a Phrase as its term keys, anything else unknown as text)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Phrase):
        return list(value.keys)
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


def _say(key: str, lang: str, params: dict[str, Any]) -> str:
    try:
        return translate(key, lang, **params)
    except (KeyError, IndexError, ValueError):
        # A key or placeholder missing from the catalogue is a bug, but the caller still gets the envelope.
        log.exception("cannot render message %s with %s", key, sorted(params))
        return key


def _keyed(status: int, code: str, key: str, params: dict[str, Any], lang: str, **kwargs: Any) -> JSONResponse:
    details = {"message_key": key, **{name: _plain(value) for name, value in params.items()}}
    return error_response(status, code, _say(key, lang, params), details, **kwargs)


def service_error_response(error: ServiceError, lang: str) -> JSONResponse:
    """A service's refusal as the envelope, with the headers its status calls for."""
    headers: dict[str, str] = {}
    if error.status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if error.status == 429 and "retry_after" in error.params:
        headers["Retry-After"] = str(error.params["retry_after"])
    if error.status == 413:
        headers["Connection"] = "close"  # the rest of the body is not read
    return _keyed(error.status, error.code, error.key, error.params, lang, headers=headers or None)


async def _service_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ServiceError)
    return service_error_response(error, language_of(request))


def _unauthenticated(request: Request) -> JSONResponse:
    key = "service.unauthenticated"
    return _keyed(401, "unauthenticated", key, {}, language_of(request), headers={"WWW-Authenticate": "Bearer"})


async def _unusable_input(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, UnusableInput)
    if await unverified_caller(request):
        return _unauthenticated(request)
    return _keyed(422, "unusable_input", error.key, error.params, language_of(request))


def field_path(location: tuple[Any, ...]) -> str:
    """``("body", "legs", 0, "from")`` as ``legs[0].from`` (where it was is said separately)."""
    text = ""
    for part in location[1:]:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _problem(item: Any, lang: str) -> dict[str, Any]:
    """One pydantic error, said in ``lang`` (its type's sentence; the values it names from its context)."""
    location = tuple(item.get("loc", ()))
    where = str(location[0]) if location else "body"
    kind = str(item.get("type", ""))
    context = {name: _plain(value) for name, value in (item.get("ctx") or {}).items()}
    key = f"validation.{kind}" if f"validation.{kind}" in catalogue() else "validation.invalid"
    try:
        problem = translate(key, lang, **context)
    except (KeyError, IndexError, ValueError):
        problem = translate("validation.invalid", lang)
    return {"in": where, "field": field_path(location), "problem": problem, "type": kind}


def _problem_text(problem: dict[str, Any], lang: str) -> str:
    where = problem["in"]
    if where == "body":
        return f"{problem['field'] or translate('validation.in.body', lang)}: {problem['problem']}"
    named = translate(f"validation.in.{where}", lang) if f"validation.in.{where}" in catalogue() else where
    return f"{named} {problem['field']}: {problem['problem']}".strip()


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    if await unverified_caller(request):
        return _unauthenticated(request)
    lang = language_of(request)
    problems = [_problem(item, lang) for item in error.errors()]
    summary = "; ".join(_problem_text(item, lang) for item in problems)
    # "The request body is not valid" only when the body is at fault: a bad query
    # parameter or address part is named as such.
    key = "service.invalid_input" if all(item["in"] == "body" for item in problems) else "service.invalid_parameters"
    message = _say(key, lang, {"problems": summary})
    return error_response(422, "invalid", message, {"message_key": key, "errors": problems})


_HTTP_KEYS = {404: ("not_found", "service.route_not_found"), 405: ("method_not_allowed", "service.method_not_allowed")}


def allowed_methods(request: Request) -> list[str]:
    """Every method some operation of the API answers at this path (a path can have several)."""
    from clearway.web.api import operations_at  # the package imports this module

    methods: set[str] = set()
    for operation in operations_at(request.app, request.url.path):
        methods |= operation.methods
    return sorted(methods - {"HEAD"})


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    headers = dict(error.headers or {})
    lang = language_of(request)
    if error.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    if error.status_code in _HTTP_KEYS:
        code, key = _HTTP_KEYS[error.status_code]
        return _keyed(error.status_code, code, key, {}, lang, headers=headers)
    if error.status_code == 400:
        # FastAPI's "There was an error parsing the body": bytes that are not text of the declared type.
        media_type = request.headers.get("content-type", "application/json").split(";")[0].strip()
        return _keyed(400, "unreadable_body", "service.unreadable_body", {"media_type": media_type}, lang)
    return error_response(error.status_code, f"http_{error.status_code}", str(error.detail), {}, headers=headers)


_INTERNAL_KEY = "service.internal_error"


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    if _INTERNAL_KEY in catalogue():
        return _keyed(500, "internal_error", _INTERNAL_KEY, {}, language_of(request))
    # Until the catalogue has a sentence for it: nothing about the failure leaks to the caller.
    return error_response(500, "internal_error", "Internal server error.", {})


def install_error_handlers(app: FastAPI) -> None:
    """Render every error the API can raise in the one envelope."""
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(UnusableInput, _unusable_input)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
