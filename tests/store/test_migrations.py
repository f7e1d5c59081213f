"""The migrations build the schema the models describe, on every backend.

``test_migrations_match_the_models`` is the CI check of DESIGN.md: a model changed
without a migration (or a migration that drifted from the models) fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Engine, Integer, MetaData, inspect, text

import clearway
from clearway.commands.db import UPGRADE_COMMAND, ensure_migrated, upgrade_command
from clearway.domain.errors import UnusableInput
from clearway.store.db import (
    MIGRATIONS,
    alembic_config,
    current_revisions,
    head_revisions,
    is_migrated,
    make_engine,
    upgrade,
)
from clearway.store.models import NAMING_CONVENTION, metadata


def _diff(engine: Engine, target: MetaData) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
        return list(compare_metadata(context, target))


def test_upgrade_from_empty(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        assert not is_migrated(engine)
        result = upgrade(empty_db_url)
        assert result.before == ()
        assert result.after == head_revisions()
        assert is_migrated(engine)
        assert set(metadata.tables) <= set(inspect(engine).get_table_names())
        assert not upgrade(empty_db_url).changed  # a second run is a no-op
    finally:
        engine.dispose()


def test_migrations_match_the_models(engine: Engine) -> None:
    assert _diff(engine, metadata) == []


def test_the_comparison_sees_a_model_change(engine: Engine) -> None:
    """A control for the test above: a column missing from the migrations is reported."""
    changed = MetaData(naming_convention=NAMING_CONVENTION)
    for table in metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["users"].append_column(Column("shoe_size", Integer, nullable=True))
    diff = _diff(engine, changed)
    assert [entry[0] for entry in diff if isinstance(entry, tuple)] == ["add_column"]


def test_downgrade_to_empty_and_up_again(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        upgrade(empty_db_url)
        assert is_migrated(engine)
    finally:
        engine.dispose()


def test_one_head_and_the_migrations_ship_in_the_package() -> None:
    assert len(head_revisions()) == 1
    package = Path(clearway.__file__).parent
    assert MIGRATIONS.is_relative_to(package)
    assert (MIGRATIONS / "env.py").is_file()
    assert (MIGRATIONS / "script.py.mako").is_file()
    assert not (package.parent.parent / "alembic.ini").exists()  # the configuration is built in code


def test_serving_an_unmigrated_database_names_the_command(empty_db_url: str) -> None:
    with pytest.raises(UnusableInput) as refused:
        ensure_migrated(empty_db_url)
    assert refused.value.key == "db.not_migrated"
    assert refused.value.params["command"] == UPGRADE_COMMAND == "clearway db upgrade"


def test_upgrade_command_says_what_it_did(empty_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert upgrade_command(empty_db_url) == 0
    first = capsys.readouterr().out
    assert "Created the Clearway tables" in first and head_revisions()[0] in first
    assert upgrade_command(empty_db_url, lang="es") == 0
    assert "ya está en la última revisión" in capsys.readouterr().out
    ensure_migrated(empty_db_url)  # no longer refused


def test_a_missing_sqlite_file_is_not_migrated_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "clearway.db"
    with pytest.raises(UnusableInput) as refused:
        ensure_migrated(str(path))
    assert refused.value.key == "db.not_migrated"
    assert not path.exists()


def test_a_schema_from_a_newer_version_is_refused(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    engine = make_engine(empty_db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
            assert current_revisions(connection) == ("ffff_from_the_future",)
    finally:
        engine.dispose()
    for attempt in (ensure_migrated, upgrade_command):
        with pytest.raises(UnusableInput) as refused:
            attempt(empty_db_url)
        assert refused.value.key == "db.newer_than_code"
        assert refused.value.params["revision"] == "ffff_from_the_future"


def test_an_unreachable_server_is_one_sentence_without_the_password() -> None:
    url = "postgresql+psycopg://clearway:hunter2@127.0.0.1:1/clearway?connect_timeout=2"
    with pytest.raises(UnusableInput) as refused:
        ensure_migrated(url)
    assert refused.value.key == "db.unreachable"
    assert "hunter2" not in str(refused.value.params)
    assert refused.value.params["reason"]
