"""Notifications tests reuse the services' small world (organisations, users, agreements);
tests of delivery run it on a database of their own, whose commits workers can see."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from clearway.store.db import make_engine, upgrade
from tests.services.conftest import world  # noqa: F401


@pytest.fixture
def live_engine(empty_db_url: str) -> Iterator[Engine]:
    """A migrated database of the test's own: commits are real, for workers in other threads or processes."""
    upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def live_session(live_engine: Engine) -> Iterator[Session]:
    """A session on ``live_engine``; commit before a worker runs (SQLite lets one writer in at a time)."""
    session = Session(live_engine, expire_on_commit=False)
    yield session
    session.rollback()
    session.close()
