"""What every route needs: a unit of work, the acting user, and the caller's language.

One database session per HTTP request. It commits when the route function returns and
rolls back when it raises, *before* the response is sent (``scope="function"``): a
client that got a 2xx can rely on the change being stored when it sends its next call.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import Depends, Header, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from clearway.domain.workflow import Permission
from clearway.i18n import DEFAULT_LANGUAGE, LANGUAGES
from clearway.services.actor import Actor
from clearway.services.errors import Unauthenticated
from clearway.services.people import authenticate_token
from clearway.settings import Settings
from clearway.store.db import session_scope

#: OpenAPI extension naming what a route needs: a ``Permission`` value, ``authenticated``
#: (any signed-in user) or ``public``. Documentation for clients; the services enforce it.
PERMISSION_EXTENSION = "x-permission"
AUTHENTICATED = "authenticated"
PUBLIC = "public"

_bearer = HTTPBearer(
    auto_error=False,  # a missing token is refused by the services' Unauthenticated, in the one envelope
    description="An API token (`cw_...`) from `POST /api/v1/session` or `POST /api/v1/tokens`.",
)


def needs(permission: Permission | str) -> dict[str, Any]:
    """``openapi_extra`` stating the permission a route needs."""
    return {PERMISSION_EXTENSION: str(permission)}


def language_of(request: Request) -> str:
    """The first supported language of ``Accept-Language`` by preference (``es-MX`` counts as ``es``)."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, options = item.strip().partition(";")
        quality = 1.0
        for option in options.split(";"):
            name, _, value = option.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)]


@dataclass(frozen=True)
class Context:
    """The unit of work of one call, who makes it, and in which language to answer."""

    session: Session
    actor: Actor
    lang: str
    settings: Settings


@dataclass(frozen=True)
class PublicContext:
    """The unit of work of an unauthenticated call."""

    session: Session
    lang: str
    settings: Settings


def _actor(session: Session, credentials: HTTPAuthorizationCredentials | None) -> Actor:
    if credentials is None or not credentials.credentials.strip():
        raise Unauthenticated("service.unauthenticated")
    return authenticate_token(session, credentials.credentials)


#: Database sessions one app process runs at once: the engine's whole pool (``create_app``).
POOL_SIZE, POOL_OVERFLOW = 10, 5
DATABASE_SLOTS = POOL_SIZE + POOL_OVERFLOW


@asynccontextmanager
async def _unit(
    request: Request, *, read_only: bool, credentials: HTTPAuthorizationCredentials | None, signed_in: bool
) -> AsyncIterator[tuple[Session, Actor | None]]:
    """One unit of work (``session_scope``), opened and closed in the thread pool.

    A call waits for a database slot here, in the event loop, before it takes a thread.
    Waiting for a pooled connection inside a thread instead can deadlock the process: with
    more calls in flight than connections, every thread ends up waiting for a connection
    that only a call needing a thread to finish could give back.
    """
    async with request.app.state.database_slots:
        scope = session_scope(request.app.state.engine, read_only=read_only)

        def enter() -> tuple[Session, Actor | None]:
            session = scope.__enter__()
            try:
                return session, (_actor(session, credentials) if signed_in else None)
            except BaseException as error:
                scope.__exit__(type(error), error, error.__traceback__)
                raise

        session, actor = await anyio.to_thread.run_sync(enter)
        try:
            yield session, actor
        except BaseException as error:
            with anyio.CancelScope(shield=True):  # the rollback and close must run even when cancelled
                await anyio.to_thread.run_sync(scope.__exit__, type(error), error, error.__traceback__)
            raise
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(scope.__exit__, None, None, None)


async def _writer(request: Request, credentials: Credentials) -> AsyncIterator[Context]:
    async with _unit(request, read_only=False, credentials=credentials, signed_in=True) as (session, actor):
        assert actor is not None
        yield Context(session, actor, language_of(request), settings_of(request))


async def _reader(request: Request, credentials: Credentials) -> AsyncIterator[Context]:
    # Read-only: on SQLite it neither takes nor waits for the write lock.
    async with _unit(request, read_only=True, credentials=credentials, signed_in=True) as (session, actor):
        assert actor is not None
        yield Context(session, actor, language_of(request), settings_of(request))


async def _public_writer(request: Request) -> AsyncIterator[PublicContext]:
    async with _unit(request, read_only=False, credentials=None, signed_in=False) as (session, _):
        yield PublicContext(session, language_of(request), settings_of(request))


async def _public_reader(request: Request) -> AsyncIterator[PublicContext]:
    async with _unit(request, read_only=True, credentials=None, signed_in=False) as (session, _):
        yield PublicContext(session, language_of(request), settings_of(request))


#: An authenticated call that may change stored state (one transaction, committed on success).
Writer = Annotated[Context, Depends(_writer, scope="function")]
#: An authenticated call that only reads.
Reader = Annotated[Context, Depends(_reader, scope="function")]
PublicWriter = Annotated[PublicContext, Depends(_public_writer, scope="function")]
PublicReader = Annotated[PublicContext, Depends(_public_reader, scope="function")]

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        description="Repeating the call with the same key returns the first result and changes nothing.",
    ),
]
#: Set on a response that repeats the first result of an idempotent call.
REPLAYED_HEADER = "Idempotent-Replayed"
