"""Settings come from ``CLEARWAY_*`` variables and fail closed in production."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.domain.errors import UnusableInput
from clearway.settings import (
    DEVELOPMENT_SECRET_KEY,
    MIN_PRODUCTION_SECRET_LENGTH,
    database_url_from,
    default_cache_dir,
    default_database_path,
    load_settings,
    redact_url,
    resolve_database_url,
)

STRONG = "k" * MIN_PRODUCTION_SECRET_LENGTH


def refused(environ: dict[str, str], overrides: dict[str, object] | None = None) -> UnusableInput:
    with pytest.raises(UnusableInput) as error:
        load_settings(overrides, environ=environ)
    return error.value


def test_development_defaults() -> None:
    settings = load_settings(environ={})
    assert settings.environment == "development"
    assert settings.secret_key == DEVELOPMENT_SECRET_KEY and settings.uses_development_secret
    # The user's data directory (platformdirs), e.g. ~/.local/share/clearway/clearway.db on Linux.
    assert settings.database_url == f"sqlite:///{default_database_path()}"
    assert default_database_path().name == "clearway.db" and default_database_path().is_absolute()
    assert settings.cache_dir == default_cache_dir()
    assert DEVELOPMENT_SECRET_KEY not in repr(settings)  # settings get printed; the secret must not


def test_production_refuses_the_development_secret() -> None:
    assert refused({"CLEARWAY_ENVIRONMENT": "production"}).key == "settings.default_secret_in_production"
    error = refused({"CLEARWAY_ENVIRONMENT": "production", "CLEARWAY_SECRET_KEY": DEVELOPMENT_SECRET_KEY})
    assert error.key == "settings.default_secret_in_production"
    error = refused({"CLEARWAY_ENVIRONMENT": "Production", "CLEARWAY_SECRET_KEY": "short"})
    assert (error.key, error.params["length"]) == ("settings.secret_too_short", 5)


def test_production_with_a_real_secret(tmp_path: Path) -> None:
    settings = load_settings(
        {"database_url": "postgres://clearway:pw@db/clearway"},
        environ={"CLEARWAY_ENVIRONMENT": "production", "CLEARWAY_SECRET_KEY": STRONG, "CLEARWAY_CACHE_DIR": "/c"},
    )
    assert settings.is_production and not settings.uses_development_secret
    assert settings.database_url == "postgresql+psycopg://clearway:pw@db/clearway"
    assert settings.cache_dir == Path("/c")


def test_overrides_win_over_the_environment_and_none_is_ignored(tmp_path: Path) -> None:
    environ = {"CLEARWAY_DATABASE_URL": "sqlite:////srv/env.db"}
    assert load_settings({"database_url": None}, environ=environ).database_url == "sqlite:////srv/env.db"
    given = load_settings({"database_url": str(tmp_path / "given.db")}, environ=environ)
    assert given.database_url == f"sqlite:///{tmp_path / 'given.db'}"
    with pytest.raises(TypeError):
        load_settings({"databse_url": "x"}, environ={})


def test_unknown_environment_and_database_are_refused() -> None:
    error = refused({"CLEARWAY_ENVIRONMENT": "staging"})
    assert error.key == "settings.unknown_environment" and error.params["value"] == "staging"
    error = refused({"CLEARWAY_DATABASE_URL": "mysql://root:secret@db/clearway"})
    assert error.key == "settings.unsupported_database"
    assert "secret" not in error.params["url"]


def test_database_addresses() -> None:
    assert database_url_from("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert database_url_from("sqlite:///relative.db") == "sqlite:///relative.db"
    assert database_url_from("/var/lib/clearway/db.sqlite") == "sqlite:////var/lib/clearway/db.sqlite"
    assert redact_url("postgresql+psycopg://u:p@ss@h/d") == "postgresql+psycopg://u:***@h/d"
    assert redact_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    # The database alone does not need a secret, even in production (``clearway db upgrade``).
    production = {"CLEARWAY_ENVIRONMENT": "production", "CLEARWAY_DATABASE_URL": "postgresql://u@h/d"}
    assert resolve_database_url(None, environ=production) == "postgresql+psycopg://u@h/d"
    assert resolve_database_url("sqlite:///x.db", environ=production) == "sqlite:///x.db"


def test_the_paxlst_part_size() -> None:
    assert load_settings(environ={}).paxlst_part_size == 99_999
    assert load_settings(environ={"CLEARWAY_PAXLST_PART_SIZE": "250"}).paxlst_part_size == 250


@pytest.mark.parametrize("value", ["0", "100000", "ten", "-5"])
def test_a_paxlst_part_size_that_cannot_be_used(value: str) -> None:
    error = refused({"CLEARWAY_PAXLST_PART_SIZE": value})
    assert error.key == "settings.bad_paxlst_part_size" and error.params["value"] == value
