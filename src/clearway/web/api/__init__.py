"""The JSON API, version 1: one router per feature, mounted under ``/api/v1``.

Routes are thin: parse the body, call one service function with the acting user, render.
Who may do what is decided by the services; each route states its permission in the
OpenAPI document (``x-permission``) for clients, and tests check the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import compile_path

from clearway.web.api import (
    agreements,
    annex9,
    audit,
    clearances,
    decisions,
    events,
    exports,
    holds,
    keys,
    notifications,
    record,
    requests,
    session,
    users,
    versions,
)
from clearway.web.api.deps import PERMISSION_EXTENSION

PREFIX = "/api/v1"


FEATURES = (
    session,
    requests,
    versions,
    exports,
    annex9,
    decisions,
    events,
    record,
    agreements,
    holds,
    keys,
    clearances,
    audit,
    users,
    notifications,
)


@dataclass(frozen=True)
class Operation:
    """One route of the API as the front door sees it (``edge.ApiEdge``, the 405 handler)."""

    pattern: re.Pattern[str]
    methods: frozenset[str]
    permission: str
    #: A raw file body (``uploads.raw_body``): the upload limits it by its kind, after the permission check.
    takes_file: bool = False
    #: A JSON body or a multipart form with a manifest file (``content.py``).
    takes_form: bool = False


def include_api(app: FastAPI) -> None:
    """Mount every feature's routes under ``PREFIX`` (directly on the app: each level of nested
    routers is another lookup on every call), and keep the table of operations in ``app.state``."""
    operations = []
    for feature in FEATURES:
        app.include_router(feature.router, prefix=PREFIX)
        for route in feature.router.routes:
            if isinstance(route, APIRoute):
                pattern, _, _ = compile_path(PREFIX + route.path)
                extra = route.openapi_extra or {}
                permission = str(extra.get(PERMISSION_EXTENSION, ""))
                body = extra.get("requestBody")
                # A multipart form (a flight and its manifest file) is held to the limits of what it
                # carries; a raw file body (a hold list, an agreement) to its own kind's limit.
                takes_form = isinstance(body, dict) and "multipart/form-data" in body.get("content", {})
                takes_file = body is not None and not takes_form
                operations.append(
                    Operation(pattern, frozenset(route.methods or ()), permission, takes_file, takes_form)
                )
    app.state.api_operations = tuple(operations)


def operations_at(app: FastAPI, path: str) -> list[Operation]:
    """The operations whose address is ``path``."""
    found: tuple[Operation, ...] = app.state.api_operations
    return [operation for operation in found if operation.pattern.match(path)]
