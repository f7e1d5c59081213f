"""The database as the entry points see it: opened once per process, a unit of work per call.

The web layer reaches the store only through here (and through the use cases), so that
it never imports SQLAlchemy or ``clearway.store`` itself; ``Session`` and ``Engine`` are
named here for its type annotations.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clearway.services.people import TokenUse, record_token_use
from clearway.store.db import make_engine, session_scope
from clearway.store.readiness import ensure_migrated

__all__ = ["Engine", "Session", "open_engine", "record_token_use_apart", "unit_of_work"]

logger = logging.getLogger(__name__)


def open_engine(database_url: str, *, pool_size: int, max_overflow: int) -> Engine:
    """The engine of a database migrated to this version's schema (``UnusableInput`` otherwise)."""
    ensure_migrated(database_url)
    return make_engine(database_url, pool_size=pool_size, max_overflow=max_overflow)


def unit_of_work(engine: Engine, *, read_only: bool = False) -> AbstractContextManager[Session]:
    """One unit of work: commits when the block ends, rolls back if it raises."""
    return session_scope(engine, read_only=read_only)


def record_token_use_apart(engine: Engine, use: TokenUse) -> None:
    """Record a token's use in a transaction of its own; a failure here must not fail the call it served."""
    try:
        with session_scope(engine) as session:
            record_token_use(session, use)
    except SQLAlchemyError:
        logger.warning("could not record the use of API token %s", use.token_id, exc_info=True)
