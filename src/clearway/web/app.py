"""The application factory: ``create_app(settings)`` builds the API; nothing touches the database at import.

Serve with ``uvicorn --factory clearway.web.app:create_app`` (settings from ``CLEARWAY_*``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from clearway import __version__
from clearway.commands.db import ensure_migrated
from clearway.settings import Settings, load_settings
from clearway.store.db import make_engine
from clearway.web.api import PREFIX, include_api
from clearway.web.api.deps import DATABASE_SLOTS, POOL_OVERFLOW, POOL_SIZE
from clearway.web.api.errors import install_error_handlers
from clearway.web.verify import install_verify_page

DESCRIPTION = """Shared, verifiable landing clearance for government return flights.

Sign in with `POST /api/v1/session` and send the token as `Authorization: Bearer <token>`.
Every error has the body `{"error": {"code", "message", "details"}}`; messages follow
`Accept-Language` (en, es). Each operation names the permission it needs in `x-permission`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API for ``settings`` (default: from the environment). It refuses to start on a
    database that is not migrated to this version's schema."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ensure_migrated(settings.database_url)
        app.state.engine = make_engine(settings.database_url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)
        app.state.database_slots = anyio.Semaphore(DATABASE_SLOTS)
        try:
            yield
        finally:
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
    install_verify_page(app)
    return app
