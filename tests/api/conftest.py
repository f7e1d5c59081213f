"""The API on a real database: the shared ``db_url`` backends (SQLite always, PostgreSQL when configured).

Isolation: the app commits through its own sessions, so the rolled-back ``session`` of
tests/database.py cannot isolate these tests. Each test instead gets a database in the
freshly migrated state: on SQLite a copy of the migrated file (SQLite's backup API, a
consistent snapshot, a few milliseconds); on PostgreSQL the shared schema with every table
emptied before and after the test (TRUNCATE, ~50 ms each, where migrating a new schema takes
~300 ms), so the store and service tests sharing that schema never see an API test's rows. The
append-only triggers refuse TRUNCATE, so they are switched off for that one transaction.
"""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, text

from clearway.settings import Settings, load_settings
from clearway.store.db import make_engine, sqlite_file
from clearway.store.models import metadata
from clearway.web.app import create_app
from tests.api.server import running
from tests.api.support import World, agreement_file, build_world

with warnings.catch_warnings():
    # Starlette suggests httpx2 for its TestClient; httpx is what the project installs.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SECRET = "api-tests-secret-key-0123456789abcdef"


def _truncate_all(url: str) -> None:
    tables = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            for table in metadata.sorted_tables:
                connection.execute(text(f'ALTER TABLE "{table.name}" DISABLE TRIGGER USER'))
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            for table in metadata.sorted_tables:
                connection.execute(text(f'ALTER TABLE "{table.name}" ENABLE TRIGGER USER'))
    finally:
        engine.dispose()


def _sqlite_copy(url: str, target: Path) -> str:
    source = sqlite_file(url)
    assert source is not None
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        reader.close()
        writer.close()
    return f"sqlite:///{target}"


@pytest.fixture
def api_db_url(backend: str, db_url: str, tmp_path: Path) -> Iterator[str]:
    """A migrated database with no rows, for this test alone."""
    if backend == "sqlite":
        yield _sqlite_copy(db_url, tmp_path / "api.db")
        return
    _truncate_all(db_url)
    yield db_url
    # Emptied again afterwards: the other test packages share this schema and expect no committed rows.
    _truncate_all(db_url)


@pytest.fixture
def settings(api_db_url: str, tmp_path: Path) -> Settings:
    # Webhook endpoints on this machine (the tests' receivers) are allowed, as a setting allows.
    return load_settings(
        {"database_url": api_db_url, "secret_key": SECRET, "environment": "test", "cache_dir": tmp_path / "cache"},
        environ={"CLEARWAY_WEBHOOK_ALLOW_PRIVATE": "true"},
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """The API in-process; the app starts (engine made, migrations checked) and stops around the test."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def app_engine(client: TestClient, app: FastAPI) -> Engine:
    """The app's own engine, for setting up and inspecting through the services."""
    made: Engine = app.state.engine
    return made


@pytest.fixture
def make_world(app_engine: Engine, tmp_path: Path) -> Callable[..., World]:
    def build(**caps: int) -> World:
        folder = tmp_path / f"agreement-{len(list(tmp_path.glob('agreement-*')))}"
        folder.mkdir()
        return build_world(app_engine, SECRET, agreement_file(folder, **caps))

    return build


@pytest.fixture
def world(make_world: Callable[..., World]) -> World:
    """Everyone, under an agreement whose daily caps no test reaches by accident."""
    return make_world(flights_per_day=10_000, passengers_per_day=1_000_000)


@pytest.fixture
def server_url(settings: Settings, world: World) -> Iterator[str]:
    """The app served by uvicorn on a free port (real concurrent clients), on this test's database."""
    # A second app instance on the same database: the in-process one keeps serving the world's setup.
    with running(create_app(settings)) as url:
        yield url


def envelope(response: Any) -> dict[str, Any]:
    """The error of a response, checked to have the envelope's exact shape."""
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "details"}, body
    assert isinstance(error["code"], str) and error["code"], body
    assert isinstance(error["message"], str) and error["message"], body
    assert isinstance(error["details"], dict), body
    return dict(error)
