"""Database fixtures: the same tests on SQLite and, when configured, on PostgreSQL.

Backends: ``db_url`` is parametrised over ``sqlite`` (always: a temporary file) and
``postgresql`` (when ``CLEARWAY_TEST_POSTGRES_URL`` is set; skipped with a reason when
it is not, and a failure, not a skip, when it is set but the server cannot be reached,
so a broken CI database is never mistaken for a pass). Pick one with ``-k sqlite`` or
``-k postgresql``.

Isolation: the schema is built once per test session by running the migrations (not
``create_all``), into a temporary SQLite file or a uniquely named PostgreSQL schema
(dropped at the end; safe with pytest-xdist, each worker has its own). Each test then
runs inside a transaction that is rolled back: code under test may ``commit()``,
which only releases a savepoint, so tests neither see each other's rows nor depend on
their order.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from clearway.domain.workflow import OrgKind, Role, State
from clearway.store.db import make_engine, upgrade
from clearway.store.models import ClearanceRequest, Organisation, RequestVersion, User

POSTGRES_ENV = "CLEARWAY_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def postgres_base_url() -> str:
    """The PostgreSQL server to test against; skips (variable unset) or fails (unreachable)."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        pytest.skip(f"PostgreSQL tests need {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        pytest.fail(f"{POSTGRES_ENV} is set but PostgreSQL cannot be reached: {error.orig}", pytrace=False)
    finally:
        engine.dispose()
    return url


def _with_search_path(url: str, schema: str) -> str:
    """``url`` with every connection's search_path set to ``schema`` (a libpq ``options`` parameter)."""
    parsed = make_url(url)
    return parsed.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


class PostgresSchemas:
    """Creates uniquely named schemas on the test server and drops them again."""

    def __init__(self, base_url: str) -> None:
        self.engine = make_engine(base_url)
        self.base_url = base_url

    def create(self) -> tuple[str, str]:
        name = f"clearway_test_{uuid.uuid4().hex[:12]}"
        with self.engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        return name, _with_search_path(self.base_url, name)

    def drop(self, name: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))

    def close(self) -> None:
        self.engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: every test that uses the database runs on each."""
    return str(request.param)


@pytest.fixture
def empty_db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A database with no tables at all (a fresh SQLite file, or a fresh PostgreSQL schema)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    schemas = PostgresSchemas(postgres_base_url())
    name, url = schemas.create()
    try:
        yield url
    finally:
        schemas.drop(name)
        schemas.close()


@pytest.fixture(scope="session")
def db_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to head once per test session; tests isolate themselves via ``session``."""
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'clearway.db'}"
        upgrade(url)
        yield url
        return
    schemas = PostgresSchemas(postgres_base_url())
    name, url = schemas.create()
    try:
        upgrade(url)
        yield url
    finally:
        schemas.drop(name)
        schemas.close()


@pytest.fixture(scope="session")
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test.

    ``commit()`` in the code under test releases a savepoint; to test a statement that
    must fail, wrap it in ``session.begin_nested()`` so the failure does not end the
    test's transaction (PostgreSQL refuses every later statement in a failed one).
    """
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


# -- small builders: a test states what it varies, the rest is valid ------------------------------------------


@pytest.fixture
def make_org(session: Session) -> Callable[..., Organisation]:
    counter = iter(range(1, 1_000_000))

    def build(kind: OrgKind = OrgKind.SENDING, country: str | None = None, **fields: Any) -> Organisation:
        number = next(counter)
        if kind is OrgKind.RECEIVING and country is None:
            country = "MEX"
        org = Organisation(name=fields.pop("name", f"{kind} authority {number}"), kind=kind, country=country, **fields)
        session.add(org)
        session.flush()
        return org

    return build


@pytest.fixture
def make_user(session: Session, make_org: Callable[..., Organisation]) -> Callable[..., User]:
    counter = iter(range(1, 1_000_000))

    def build(organisation: Organisation | None = None, role: Role = Role.OFFICER, **fields: Any) -> User:
        number = next(counter)
        user = User(
            organisation=organisation or make_org(),
            email=fields.pop("email", f"user{number}@example.org"),
            display_name=fields.pop("display_name", f"User {number}"),
            role=role,
            password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
            **fields,
        )
        session.add(user)
        session.flush()
        return user

    return build


@pytest.fixture
def make_request(session: Session, make_user: Callable[..., User]) -> Callable[..., ClearanceRequest]:
    """A request with its first version; ``passengers`` arrivals as ``(airport, local_date, count)``."""
    counter = iter(range(1, 1_000_000))

    def build(
        user: User | None = None,
        state: State = State.DRAFT,
        receiving_country: str = "MEX",
        reference: str | None = None,
        **fields: Any,
    ) -> ClearanceRequest:
        number = next(counter)
        author = user or make_user()
        request = ClearanceRequest(
            sending_org_id=author.organisation_id,
            reference=reference or f"RF-2025-{number:04d}",
            receiving_country=receiving_country,
            state=state,
            current_version=1,
            ever_submitted=state is not State.DRAFT,
            created_by=author.id,
            **fields,
        )
        session.add(request)
        session.flush()
        session.add(
            RequestVersion(
                request_id=request.id,
                number=1,
                content={"reference": request.reference},
                manifest_hash="0" * 64,
                created_by=author.id,
            )
        )
        session.flush()
        return request

    return build
