"""Whether a database is ready to serve: at this version's schema revision, reachable, not newer.

Here rather than in the command line so that the web application checks it without
importing the command line.
"""

from __future__ import annotations

from clearway.domain.errors import UnusableInput
from clearway.settings import redact_url, resolve_database_url

UPGRADE_COMMAND = "clearway db upgrade"


def ensure_migrated(url: str | None) -> None:
    """Refuse (``db.not_migrated``) a database that is not at this version's schema revision."""
    resolved = resolve_database_url(url)
    if not at_head(resolved):
        raise UnusableInput("db.not_migrated", url=redact_url(resolved), command=UPGRADE_COMMAND)


def at_head(url: str) -> bool:
    """Whether the database is at this version's head revision.

    Raises for a database migrated by a newer Clearway (upgrading or serving it would
    misread its tables) and for one that cannot be reached. A SQLite file that does not
    exist is not at head, and is not created empty by asking.
    """
    from clearway.store.db import current_revisions, head_revisions, known_revision, make_engine, sqlite_file

    shown = redact_url(url)
    path = sqlite_file(url)
    if path is not None and not path.exists():
        return False
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            current = current_revisions(connection)
    except Exception as error:
        raise unreachable_error(error, shown) or error from None
    finally:
        engine.dispose()
    for revision in current:
        if not known_revision(revision):
            raise UnusableInput("db.newer_than_code", url=shown, revision=revision)
    return set(current) == set(head_revisions())


def unreachable_error(error: Exception, shown: str) -> UnusableInput | None:
    """``db.unreachable`` for a failure to connect; ``None`` for anything else (a bug, raised as is)."""
    from sqlalchemy.exc import OperationalError

    if not isinstance(error, OperationalError):
        return None
    reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    return UnusableInput("db.unreachable", url=shown, reason=reason)
