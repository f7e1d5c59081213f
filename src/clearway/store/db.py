"""Engines, units of work and schema migrations.

Nothing here runs at import time: callers build an engine from the settings they
loaded (``make_engine(settings.database_url)``), so tests and commands choose their
own database.

SQLite is set up for a small server on one machine: foreign keys enforced (SQLite
ignores them unless asked, per connection), WAL so readers do not wait for a writer,
and transactions started by SQLAlchemy rather than by Python's ``sqlite3`` module,
which would otherwise begin them late and silently commit around DDL and savepoints.
A read-write transaction begins ``IMMEDIATE``: it takes the write lock at once, so a
service that reads a request's state and then changes it cannot be overtaken between
the two (the SQLite equivalent of PostgreSQL's ``SELECT ... FOR UPDATE``), and a
second writer waits for the lock instead of failing half-way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from clearway.settings import database_url_from

MIGRATIONS = Path(__file__).with_name("migrations")
#: Execution option: a transaction that only reads (on SQLite it begins DEFERRED, so it
#: neither takes nor waits for the write lock).
READ_ONLY = "clearway_read_only"
#: Held for the length of an upgrade on PostgreSQL, so two processes upgrading at once
#: run one after the other instead of both creating the same tables.
_MIGRATION_LOCK_KEY = 0x436C656172776179  # "Clearway"
_SQLITE_BUSY_TIMEOUT_SECONDS = 30.0


def make_engine(url: str | URL, **options: Any) -> Engine:
    """An engine for ``url`` (a SQLAlchemy URL or a SQLite file path) with Clearway's connection setup."""
    url = make_url(database_url_from(url) if isinstance(url, str) else url)
    # Documents are stored as readable UTF-8 (names with accents stay legible in psql).
    options.setdefault("json_serializer", partial(json.dumps, ensure_ascii=False, separators=(",", ":")))
    if url.get_backend_name() == "sqlite":
        connect_args = options.setdefault("connect_args", {})
        connect_args.setdefault("timeout", _SQLITE_BUSY_TIMEOUT_SECONDS)
        # The web server runs handlers in a thread pool; the pool hands a connection to one thread at a time.
        connect_args.setdefault("check_same_thread", False)
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    options.setdefault("pool_pre_ping", True)
    return create_engine(url, **options)


def _sqlite_on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    # None: sqlite3 issues no BEGIN or COMMIT of its own; _sqlite_on_begin does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable in WAL mode except for the last transactions on power loss,
        # never corrupting; FULL would fsync on every commit.
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


@lru_cache(maxsize=32)
def make_session_factory(engine: Engine, *, read_only: bool = False) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; objects stay readable after commit (no reload on access).

    Cached: every unit of work asks for one, and a new read-only bind would be a new
    ``OptionEngine`` whose connections each build their own event dispatcher (a measurable
    part of a short API read). The bound keeps the few engines a process uses.
    """
    bind = engine.execution_options(**{READ_ONLY: True}) if read_only else engine
    return sessionmaker(bind=bind, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine, *, read_only: bool = False) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back if it raises, always closes."""
    session = make_session_factory(engine, read_only=read_only)()
    try:
        yield session
        if read_only:
            session.rollback()  # nothing to keep; ending the transaction releases the snapshot
        else:
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(url: str | None = None, *, connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code: the migrations ship inside the package, no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", database_url_from(url).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> tuple[str, ...]:
    """The revisions the migrations shipped with this version lead to (one, unless branched)."""
    return tuple(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> tuple[str, ...]:
    """The revisions recorded in the database (empty for a database never migrated)."""
    return tuple(MigrationContext.configure(connection).get_current_heads())


def known_revision(revision: str) -> bool:
    """Whether ``revision`` is one of the migrations shipped with this version."""
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown or malformed id
        return False


def is_migrated(engine: Engine) -> bool:
    """Whether the database is at the head revision of the shipped migrations."""
    with engine.connect() as connection:
        return set(current_revisions(connection)) == set(head_revisions())


@dataclass(frozen=True)
class UpgradeResult:
    before: tuple[str, ...]  # empty: the database had no schema
    after: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite URL, or ``None`` for another backend or an in-memory database."""
    parsed = make_url(database_url_from(url) if isinstance(url, str) else url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):
        return None  # a URI filename; its options are the caller's business
    return Path(parsed.database)


def upgrade(url: str | URL, revision: str = "head") -> UpgradeResult:
    """Apply the migrations up to ``revision`` in one transaction (both backends run DDL transactionally)."""
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
            before = current_revisions(connection)
            command.upgrade(alembic_config(connection=connection), revision)
            after = current_revisions(connection)
    finally:
        engine.dispose()
    return UpgradeResult(before, after)


def new_revision(url: str, message: str) -> None:
    """Write a migration for the difference between ``url``'s schema (at head) and the models.

    For developers adding a model change: upgrade a scratch database, then call this and
    review the file it writes under ``store/migrations/versions``.
    """
    existing = sorted(path.name for path in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    number = int(existing[-1][:4]) + 1 if existing else 1
    command.revision(alembic_config(url), message=message, autogenerate=True, rev_id=f"{number:04d}")
