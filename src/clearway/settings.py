"""Typed settings from the environment (prefix ``CLEARWAY_``), failing closed.

Nothing is read at import time: :func:`load_settings` reads the environment when a
command or the application factory asks, so tests and tools can pass their own
values. A production deployment that forgot its secret refuses to start rather than
encrypt signing keys with a key published in this source file.

This module stays free of SQLAlchemy so that reading settings costs nothing at
start-up; it only checks and normalises the database address as text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from pathlib import Path

from clearway.domain.errors import UnusableInput

PREFIX = "CLEARWAY_"
ENVIRONMENTS = ("development", "test", "production")
DEFAULT_ENVIRONMENT = "development"
#: Published here on purpose: it is only ever accepted outside production.
DEVELOPMENT_SECRET_KEY = "clearway-development-secret-key-do-not-use-in-production"
#: 32 characters of a random key is 128+ bits; shorter secrets are guessable passphrases.
MIN_PRODUCTION_SECRET_LENGTH = 32
SUPPORTED_DATABASES = "sqlite:///PATH, postgresql+psycopg://USER@HOST/NAME"

# SQLAlchemy names a driver after the backend ("postgresql+psycopg"). A bare
# "postgresql://" would select psycopg2, which is not installed, so it is read as psycopg 3.
_DRIVERS = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


@dataclass(frozen=True)
class InputLimits:
    """How much of a user's file Clearway reads before it refuses it: one set for every entry point.

    ``clearway check``, the API's uploads and the hold-list import all read with these, so a
    file is judged the same wherever it is handed in, and each limit is checked before the
    memory it guards is spent. Each can be set as ``CLEARWAY_LIMIT_<NAME>`` (a whole number).
    """

    #: A manifest file (CSV, XLSX, PAXLST) as given: 9,999 rows of a few hundred bytes fit many times.
    manifest_bytes: int = 20 * 1024 * 1024
    #: What an XLSX may expand to (every part read, after decompression): a zip bomb stops here.
    xlsx_expanded_bytes: int = 64 * 1024 * 1024
    #: A request or agreement file (TOML, JSON).
    document_bytes: int = 1024 * 1024
    #: A legal-hold list upload; the list is streamed, so this guards the disk, not memory.
    holds_bytes: int = 2 * 1024 * 1024 * 1024
    #: Any other request body the API reads (the global body limit).
    body_bytes: int = 1024 * 1024
    #: Characters in one manifest cell; a longer cell is a finding on that cell, not a refusal.
    cell_chars: int = 8192
    #: Characters in one line of a hold list (a record of eight short columns).
    hold_line_chars: int = 64 * 1024
    #: Columns of a manifest or hold list (the header, and the cells of any row).
    columns: int = 100
    #: Rows of a manifest: ``seq`` runs from 1 to 9999, so more rows cannot all be valid.
    manifest_rows: int = 10_000
    #: Lines of a CSV manifest (rows, blank lines and the lines of multi-line cells together).
    manifest_lines: int = 200_000
    #: Tables and lists nested in one another in a TOML or JSON document.
    nesting_depth: int = 32
    #: The largest number (in magnitude) a TOML or JSON document may hold.
    number_magnitude: int = 1_000_000_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> InputLimits:
        """Defaults, with any ``CLEARWAY_LIMIT_<NAME>`` variable taking precedence."""
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for item in fields(cls):
            variable = f"{PREFIX}LIMIT_{item.name.upper()}"
            text = env.get(variable, "").strip()
            if not text:
                continue
            if not text.isascii() or not text.isdigit() or int(text) < 1:
                raise UnusableInput("settings.bad_limit", name=variable, value=text)
            values[item.name] = int(text)
        return cls(**values)


#: The limits when nothing is configured.
DEFAULT_LIMITS = InputLimits()


@dataclass(frozen=True)
class Settings:
    """Everything Clearway reads from its environment, already checked."""

    database_url: str
    # repr=False: settings get logged and printed in tracebacks; the secret must not.
    secret_key: str = field(repr=False)
    environment: str
    cache_dir: Path
    #: True when the development secret is in use (never in production); pages may warn.
    uses_development_secret: bool = False
    #: How much of an uploaded file is read (``InputLimits``).
    limits: InputLimits = DEFAULT_LIMITS
    #: How far in the future a recorded departure or arrival may lie (the recorder's clock may run ahead).
    event_clock_skew_seconds: int = 300

    @property
    def event_clock_skew(self) -> timedelta:
        return timedelta(seconds=self.event_clock_skew_seconds)

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def default_database_path() -> Path:
    """``clearway.db`` in the user's data directory (platformdirs)."""
    import platformdirs  # only when needed: it costs start-up time

    return Path(platformdirs.user_data_dir("clearway")) / "clearway.db"


def default_cache_dir() -> Path:
    """The user's cache directory for Clearway (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("clearway"))


def redact_url(url: str) -> str:
    """The address with any password replaced by ``***`` (for messages and logs)."""
    scheme, separator, rest = url.partition("://")
    address, question, query = rest.partition("?")
    # The last "@" ends the credentials: a password may hold an unencoded "@" of its own.
    credentials, at, host = address.rpartition("@")
    if not separator or not at or ":" not in credentials:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}{question}{query}"


def database_url_from(value: str | Path) -> str:
    """A SQLAlchemy URL for ``value``: a URL (normalised to a supported driver) or a SQLite file path."""
    text = str(value).strip()
    if "://" not in text:
        # A plain path: the SQLite file there. Absolute, so the URL means the same
        # file whatever the working directory of a later process.
        path = Path(text).expanduser().resolve()
        return f"sqlite:///{path}"
    scheme, rest = text.split("://", 1)
    driver = _DRIVERS.get(scheme.lower())
    if driver is None:
        raise UnusableInput(
            "settings.unsupported_database", url=redact_url(text), scheme=scheme, supported=SUPPORTED_DATABASES
        )
    return f"{driver}://{rest}"


def resolve_database_url(url: str | Path | None = None, *, environ: Mapping[str, str] | None = None) -> str:
    """``url`` if given, else ``CLEARWAY_DATABASE_URL``, else the default SQLite file; normalised.

    For commands that need only the database (``clearway db upgrade``): unlike
    :func:`load_settings` it does not insist on a production secret they never use.
    """
    if url is not None and str(url).strip():
        return database_url_from(url)
    env = os.environ if environ is None else environ
    configured = env.get(PREFIX + "DATABASE_URL", "").strip()
    return database_url_from(configured or default_database_path())


def load_settings(
    overrides: Mapping[str, object] | None = None, *, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from ``CLEARWAY_*`` variables, with ``overrides`` (``None`` values ignored) taking precedence.

    Raises :class:`UnusableInput` (``settings.*``) for a value that cannot be used,
    including a production environment without a real secret key.
    """
    env = os.environ if environ is None else environ
    names = {f.name for f in fields(Settings)} - {"uses_development_secret", "limits"}
    given = {name: value for name, value in (overrides or {}).items() if value is not None}
    unknown = set(given) - names
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")  # a programming error

    def raw(name: str) -> str | None:
        if name in given:
            return str(given[name])
        value = env.get(PREFIX + name.upper(), "").strip()
        return value or None

    environment = (raw("environment") or DEFAULT_ENVIRONMENT).lower()
    if environment not in ENVIRONMENTS:
        raise UnusableInput("settings.unknown_environment", value=environment, allowed=", ".join(ENVIRONMENTS))

    secret = raw("secret_key")
    uses_development_secret = secret is None or secret == DEVELOPMENT_SECRET_KEY
    if environment == "production":
        # Fail closed: the development secret is public, so anything encrypted with it is not.
        if uses_development_secret:
            raise UnusableInput("settings.default_secret_in_production", min_length=MIN_PRODUCTION_SECRET_LENGTH)
        assert secret is not None
        if len(secret) < MIN_PRODUCTION_SECRET_LENGTH:
            raise UnusableInput(
                "settings.secret_too_short", length=len(secret), min_length=MIN_PRODUCTION_SECRET_LENGTH
            )

    cache = raw("cache_dir")
    skew_text = raw("event_clock_skew_seconds") or "300"
    if not skew_text.isdigit():
        raise UnusableInput("settings.bad_clock_skew", value=skew_text)
    return Settings(
        database_url=resolve_database_url(raw("database_url"), environ=env),
        secret_key=secret if secret is not None else DEVELOPMENT_SECRET_KEY,
        environment=environment,
        cache_dir=Path(cache).expanduser() if cache is not None else default_cache_dir(),
        uses_development_secret=uses_development_secret,
        limits=InputLimits.from_environment(env),
        event_clock_skew_seconds=int(skew_text),
    )
