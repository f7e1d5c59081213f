"""``clearway db upgrade``, and the check ``clearway serve`` makes before it starts."""

from __future__ import annotations

from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.settings import redact_url, resolve_database_url

UPGRADE_COMMAND = "clearway db upgrade"


def upgrade_command(url: str | None, lang: str = "en") -> int:
    """Apply the schema migrations to ``url`` (default: the configured database) and say what changed."""
    from clearway.store.db import head_revisions, upgrade

    resolved = resolve_database_url(url)
    shown = redact_url(resolved)
    _at_head(resolved)  # refuses a newer or unreachable database before changing anything
    try:
        result = upgrade(resolved)
    except Exception as error:
        raise _unreachable(error, shown) or error from None
    after = ", ".join(result.after) or ", ".join(head_revisions())
    if not result.changed:
        print(_sentence("db.up_to_date", lang, url=shown, revision=after))
    elif not result.before:
        print(_sentence("db.created", lang, url=shown, revision=after))
    else:
        print(_sentence("db.upgraded", lang, url=shown, before=", ".join(result.before), after=after))
    return 0


def ensure_migrated(url: str | None) -> None:
    """Refuse (``db.not_migrated``) a database that is not at this version's schema revision."""
    resolved = resolve_database_url(url)
    if not _at_head(resolved):
        raise UnusableInput("db.not_migrated", url=redact_url(resolved), command=UPGRADE_COMMAND)


def _at_head(url: str) -> bool:
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
        raise _unreachable(error, shown) or error from None
    finally:
        engine.dispose()
    for revision in current:
        if not known_revision(revision):
            raise UnusableInput("db.newer_than_code", url=shown, revision=revision)
    return set(current) == set(head_revisions())


def _unreachable(error: Exception, shown: str) -> UnusableInput | None:
    """``db.unreachable`` for a failure to connect; ``None`` for anything else (a bug, raised as is)."""
    from sqlalchemy.exc import OperationalError

    if not isinstance(error, OperationalError):
        return None
    reason = str(error.orig).strip().splitlines()[0] if error.orig is not None else str(error)
    return UnusableInput("db.unreachable", url=shown, reason=reason)


def _sentence(key: str, lang: str, **params: Any) -> str:
    from clearway.i18n import translate

    return translate(key, lang, **params)
