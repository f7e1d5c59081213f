"""The JSON API, version 1: one router per feature, mounted under ``/api/v1``.

Routes are thin: parse the body, call one service function with the acting user, render.
Who may do what is decided by the services; each route states its permission in the
OpenAPI document (``x-permission``) for clients, and tests check the two agree.
"""

from __future__ import annotations

from fastapi import FastAPI

from clearway.web.api import (
    agreements,
    annex9,
    audit,
    clearances,
    decisions,
    events,
    holds,
    keys,
    record,
    requests,
    session,
    users,
    versions,
)

PREFIX = "/api/v1"


FEATURES = (
    session,
    requests,
    versions,
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
)


def include_api(app: FastAPI) -> None:
    """Mount every feature's routes under ``PREFIX`` (directly on the app: each level of nested
    routers is another lookup on every call)."""
    for feature in FEATURES:
        app.include_router(feature.router, prefix=PREFIX)
