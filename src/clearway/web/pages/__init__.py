"""The web application: server-rendered pages for both sides, in English and Spanish.

Each feature is one module with its routes; :func:`include_pages` mounts them, the static
files (USWDS and htmx, vendored) and the error pages for everything outside ``/api/``.
"""

from __future__ import annotations

import inspect
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from clearway.web.pages import admin, auth, flights, notifications, paperwork, records, requests, review
from clearway.web.pages.kit import not_found_page, server_error_page

STATIC = Path(str(files("clearway") / "web" / "static"))
FEATURES = (auth, flights, requests, review, paperwork, records, admin, notifications)
_API = "/api/"


def include_pages(app: FastAPI) -> None:
    """Mount the pages, their static files and their error pages (the API keeps its envelope)."""
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for feature in FEATURES:
        app.include_router(feature.router)
    api_http_error = app.exception_handlers[StarletteHTTPException]
    api_unexpected = app.exception_handlers[Exception]

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if request.url.path.startswith(_API) or error.status_code != 404:
            response = api_http_error(request, error)
            return await response if inspect.isawaitable(response) else response
        return not_found_page(request)

    async def unexpected(request: Request, error: Exception) -> Response:
        if request.url.path.startswith(_API):
            response = api_unexpected(request, error)
            return await response if inspect.isawaitable(response) else response
        return server_error_page(request)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)
