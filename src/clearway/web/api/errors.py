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
    401: "No valid API token.",
    403: "The caller's role does not allow this.",
    404: "It does not exist, or the caller may not see it (the two answer alike).",
    409: "The request's state or version has moved on; nothing was changed.",
    422: "The input cannot be used; `details` names the field.",
}
#: For ``responses=`` of routers, so the OpenAPI document shows the envelope on every error.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": text} for status, text in _DESCRIPTIONS.items()
}


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


async def _service_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ServiceError)
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return _keyed(error.status, error.code, error.key, error.params, language_of(request), headers=headers)


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


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    if await unverified_caller(request):
        return _unauthenticated(request)
    problems = [
        {
            "in": str(item["loc"][0]) if item.get("loc") else "body",
            "field": field_path(tuple(item.get("loc", ()))),
            "problem": item.get("msg", ""),
            "type": item.get("type", ""),
        }
        for item in error.errors()
    ]
    summary = "; ".join(f"{item['field'] or item['in']}: {item['problem']}" for item in problems)
    lang = language_of(request)
    key = "service.invalid_input"
    message = _say(key, lang, {"problems": summary})
    return error_response(422, "invalid", message, {"message_key": key, "errors": problems})


_HTTP_KEYS = {404: ("not_found", "service.route_not_found"), 405: ("method_not_allowed", "service.method_not_allowed")}


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    headers = dict(error.headers or {})
    if error.status_code in _HTTP_KEYS:
        code, key = _HTTP_KEYS[error.status_code]
        return _keyed(error.status_code, code, key, {}, language_of(request), headers=headers)
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
