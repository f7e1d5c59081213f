"""What every route needs: a unit of work, the acting user, and the caller's language.

One database session per HTTP request, opened, authenticated and ended by ``ApiRouter``
in the worker thread that runs the route. It commits when the route function returns and
rolls back when it raises, *before* the response is sent: a client that got a 2xx can
rely on the change being stored when it sends its next call.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, Header, Request, Response, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from clearway.domain.workflow import Permission
from clearway.i18n import DEFAULT_LANGUAGE, LANGUAGES
from clearway.services.actor import Actor
from clearway.services.errors import Unauthenticated
from clearway.services.people import TokenUse, authenticate_token, record_token_use
from clearway.settings import Settings
from clearway.store.db import session_scope

logger = logging.getLogger(__name__)

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


def json_response(model: BaseModel, status_code: int = 200) -> Response:
    """``model`` as the response, serialised in the route's own thread rather than on the event loop.

    For the hottest reads: FastAPI would validate a returned model once more, which a
    model built by our own code does not need. The route still declares
    ``response_model`` so that the OpenAPI document describes the body.
    """
    return Response(model.model_dump_json(), status_code=status_code, media_type="application/json")


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)]


class UnitOfWork:
    """One call's ``session_scope`` and caller, entered and ended once, in the route's worker thread.

    The dependency (in the event loop) only reads the token from the header; ``ApiRouter``
    takes a database slot, then enters the unit (opens the session, authenticates the
    token), runs the route and ends the unit (commit, or rollback if it raised) in a single
    trip to the thread pool. Each trip is a hand-over between threads under the GIL, which
    costs CPU time and lets calls overtake each other; there used to be three or four.
    """

    def __init__(self, engine: Engine, slots: anyio.Semaphore, token: str | None, *, read_only: bool) -> None:
        self._engine = engine
        self._slots = slots
        self._holds_slot = False
        self._token = token  # None: a public call
        self._scope = session_scope(engine, read_only=read_only)
        self._session: Session | None = None
        self._actor: Actor | None = None
        self._token_use: TokenUse | None = None
        self.ended = False

    async def take_slot(self) -> None:
        """Wait, in the event loop, for one of the process's database slots (``DATABASE_SLOTS``).

        Waiting for a pooled connection inside a thread instead can deadlock the process:
        with more calls in flight than connections, every thread ends up waiting for a
        connection that only a call needing a thread to finish could give back.
        """
        if not self._holds_slot:
            await self._slots.acquire()
            self._holds_slot = True

    def give_back_slot(self) -> None:
        if self._holds_slot:
            self._holds_slot = False
            self._slots.release()

    @property
    def entered(self) -> bool:
        return self._session is not None

    @property
    def signed_in(self) -> bool:
        return self._token is not None

    def enter(self) -> None:
        """Open the session and authenticate the token of a signed-in call (``Unauthenticated``); blocks."""
        if self.entered:
            return
        self._session = self._scope.__enter__()
        if self._token is None:
            return
        try:
            self._actor, self._token_use = authenticate_token(self._session, self._token)
        except BaseException as error:
            self.end(error)
            raise

    def end(self, error: BaseException | None = None) -> None:
        """Commit (roll back when ``error`` is given) and close; blocks. Once only, and only if entered."""
        if self.ended or not self.entered:
            return
        self.ended = True
        try:
            self._scope.__exit__(type(error) if error else None, error, error.__traceback__ if error else None)
        finally:
            # After the unit's connection went back to the pool, so that this one can take it.
            if self._token_use is not None:
                _record_token_use(self._engine, self._token_use)

    def token_is_valid(self) -> bool:
        """Whether the call's token would authenticate, checked in a unit of its own; blocks."""
        return self.token_actor() is not None

    def token_actor(self) -> Actor | None:
        """Who the call's token authenticates as (``None``: nobody), checked in a unit of its own; blocks."""
        probe = UnitOfWork(self._engine, self._slots, self._token, read_only=True)  # the caller holds a slot
        try:
            probe.enter()
        except Unauthenticated:
            return None
        actor = probe._actor
        probe.end()
        return actor

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is entered by ApiRouter: register the route on an ApiRouter")
        return self._session

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("no signed-in caller: the route takes a Reader or Writer on an ApiRouter")
        return self._actor


@dataclass(frozen=True)
class PublicContext:
    """The unit of work of one call, and the language to answer in."""

    unit: UnitOfWork = field(repr=False)
    lang: str
    settings: Settings

    @property
    def session(self) -> Session:
        return self.unit.session


@dataclass(frozen=True)
class Context(PublicContext):
    """The unit of work of a signed-in call, who makes it, and the language to answer in."""

    @property
    def actor(self) -> Actor:
        return self.unit.actor


def _record_token_use(engine: Engine, use: TokenUse) -> None:
    """Record a token's use in a transaction of its own; a failure here must not fail the call it served."""
    try:
        with session_scope(engine) as session:
            record_token_use(session, use)
    except SQLAlchemyError:
        logger.warning("could not record the use of API token %s", use.token_id, exc_info=True)


#: Database sessions one app process runs at once (``UnitOfWork.take_slot``): the engine's
#: whole pool (``create_app``). Two: the work is Python under one GIL, so more calls at once
#: only add hand-overs between threads and lengthen the tail (docs/benchmarks.md); the
#: others wait their turn, in order, in the event loop. Two rather than one, so that a long
#: call (a hold-list import) does not stop every other. Scale out with processes.
POOL_SIZE, POOL_OVERFLOW = 2, 0
DATABASE_SLOTS = POOL_SIZE + POOL_OVERFLOW
#: Where the call's unit of work is kept, for the error handlers (``unverified_caller``).
_UNIT_STATE = "clearway_unit"


def _unit(request: Request, token: str | None, *, read_only: bool) -> UnitOfWork:
    state = request.app.state
    unit = UnitOfWork(state.engine, state.database_slots, token, read_only=read_only)
    setattr(request.state, _UNIT_STATE, unit)
    return unit


def _token(credentials: HTTPAuthorizationCredentials | None) -> str:
    """The bearer token's text; ``Unauthenticated`` at once when there is none (no database needed)."""
    if credentials is None or not credentials.credentials.strip():
        raise Unauthenticated("service.unauthenticated")
    return credentials.credentials


# Plain functions, not generators: the unit is entered and ended by the route (ApiRouter),
# which spares FastAPI an exit stack per call.
async def _writer(request: Request, credentials: Credentials) -> Context:
    return Context(_unit(request, _token(credentials), read_only=False), language_of(request), settings_of(request))


async def _reader(request: Request, credentials: Credentials) -> Context:
    # Read-only: on SQLite it neither takes nor waits for the write lock.
    return Context(_unit(request, _token(credentials), read_only=True), language_of(request), settings_of(request))


async def _public_writer(request: Request) -> PublicContext:
    return PublicContext(_unit(request, None, read_only=False), language_of(request), settings_of(request))


async def _public_reader(request: Request) -> PublicContext:
    return PublicContext(_unit(request, None, read_only=True), language_of(request), settings_of(request))


async def refuse_unknown_caller(unit: UnitOfWork, permission: Permission | None = None) -> None:
    """``Unauthenticated`` now, before the route runs, unless the call's token is valid;
    ``Forbidden`` unless its role holds ``permission`` (when one is given).

    For a dependency that must not work for an unknown or unentitled caller: an upload is
    not written to disk for one. A short check of its own, so that no connection,
    transaction or database slot is held while the body streams in; the route's unit and
    its service check again.
    """
    await unit.take_slot()
    try:
        actor = await anyio.to_thread.run_sync(unit.token_actor)
    finally:
        unit.give_back_slot()
    if actor is None:
        raise Unauthenticated("service.unauthenticated")
    if permission is not None:
        actor.require(permission)


async def unverified_caller(request: Request) -> bool:
    """Whether a signed-in call failed before its token was checked, and the token is not valid.

    The error handlers ask, so that a caller without a valid token learns nothing else
    (which field is wrong, say) and gets 401 as from any other call. Rare: checked only
    on a call refused before its route ran.
    """
    unit: UnitOfWork | None = getattr(request.state, _UNIT_STATE, None)
    if unit is None or not unit.signed_in or unit.entered:
        return False
    async with request.app.state.database_slots:
        return not await anyio.to_thread.run_sync(unit.token_is_valid)


def _in_one_trip(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """A route: a database slot, then its units of work entered, the route run and the units ended in one thread."""

    @wraps(endpoint)
    def in_a_thread(*args: Any, **kwargs: Any) -> Any:
        units = _units_of(kwargs)
        for unit in units:
            unit.enter()
        try:
            result = endpoint(*args, **kwargs)
        except BaseException as error:
            for unit in units:
                unit.end(error)
            raise
        for unit in units:
            unit.end()  # a failed commit raises here, as from the route itself
        return result

    @wraps(endpoint)  # FastAPI reads the parameters and their module through __wrapped__
    async def run(*args: Any, **kwargs: Any) -> Any:
        units = _units_of(kwargs)
        try:
            for unit in units:
                await unit.take_slot()
            return await run_in_threadpool(in_a_thread, *args, **kwargs)
        finally:
            for unit in units:
                unit.give_back_slot()

    return run


def _units_of(arguments: dict[str, Any]) -> list[UnitOfWork]:
    return [value.unit for value in arguments.values() if isinstance(value, PublicContext)]


class ApiRouter(APIRouter):
    """The API's router: a route enters its unit of work, runs and ends it in one worker-thread call.

    The response is built after the route returns, from the data the route produced (the
    session keeps loaded attributes after commit), so a client gets a 2xx only once the
    change is stored; as the wrapper is a coroutine, FastAPI builds it on the event loop,
    without another trip to the thread pool. A route must be a plain ``def``.
    """

    def add_api_route(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        if inspect.iscoroutinefunction(endpoint):
            raise TypeError(f"{endpoint.__qualname__}: API routes are plain functions, run in the thread pool")
        super().add_api_route(path, _in_one_trip(endpoint), **options)


#: An authenticated call that may change stored state (one transaction, committed on success).
Writer = Annotated[Context, Depends(_writer)]
#: An authenticated call that only reads.
Reader = Annotated[Context, Depends(_reader)]
PublicWriter = Annotated[PublicContext, Depends(_public_writer)]
PublicReader = Annotated[PublicContext, Depends(_public_reader)]

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
