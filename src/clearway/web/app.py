"""The application factory: ``create_app(settings)`` builds the pages and the API; nothing touches
the database at import.

Serve with ``uvicorn --factory clearway.web.app:create_app`` (settings from ``CLEARWAY_*``).
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from clearway import __version__
from clearway.services.database import open_engine
from clearway.services.notify_background import start_background_delivery
from clearway.settings import Settings, load_settings
from clearway.web.api import PREFIX, include_api
from clearway.web.api.deps import DATABASE_SLOTS, HASHING_THREADS, POOL_OVERFLOW, POOL_SIZE
from clearway.web.api.descriptions import describe
from clearway.web.api.edge import ApiEdge
from clearway.web.api.errors import install_error_handlers
from clearway.web.pages import include_pages
from clearway.web.verify import install_verify_page

DESCRIPTION = """Shared, verifiable landing clearance for government return flights.

Sign in with `POST /api/v1/session` and send the token as `Authorization: Bearer <token>`.
Every error has the body `{"error": {"code", "message", "details"}}`; messages follow
`Accept-Language` (en, es). Each operation names the permission it needs in `x-permission`.
"""


def create_app(settings: Settings | None = None, *, deliver_in_process: bool = False) -> FastAPI:
    """The API for ``settings`` (default: from the environment). It refuses to start on a
    database that is not migrated to this version's schema.

    ``deliver_in_process``: also deliver the outbox from a background thread of this process
    (the demo, or one process on SQLite), instead of a separate ``clearway worker``.
    """
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = open_engine(settings.database_url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
        app.state.database_slots = anyio.Semaphore(DATABASE_SLOTS)
        app.state.hashing_threads = anyio.CapacityLimiter(HASHING_THREADS)
        delivery = start_background_delivery(settings) if deliver_in_process else None
        # What is alive now (modules, the app, its routes and schemas: some 250,000 objects) lives as
        # long as the process. Frozen, the collector stops walking it whenever a page's allocations
        # set off a collection: the review screen's median fell by a quarter, its p95 by a third.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            if delivery is not None:
                delivery.stop()
            app.state.engine.dispose()

    # FastAPIOffline: the interactive documentation with Swagger UI's files served from the
    # package (fastapi-offline, MIT; Swagger UI, Apache-2.0) rather than from a CDN, so the
    # page works on a government network that does not reach the internet.
    app = FastAPIOffline(
        title="Clearway API",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=f"{PREFIX}/docs",
        redoc_url=None,
        static_url=f"{PREFIX}/docs-files",
        lifespan=lifespan,
        license_info={"name": "Apache-2.0", "identifier": "Apache-2.0"},
    )
    app.state.settings = settings
    install_error_handlers(app)
    include_api(app)
    include_pages(app)
    install_verify_page(app)
    app.add_middleware(ApiEdge, prefix=PREFIX, docs_path=f"{PREFIX}/docs")
    _complete_the_document(app)
    return app


def _complete_the_document(app: FastAPI) -> None:
    """Build the OpenAPI document once, with each operation's description (``descriptions.py``)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
