"""``clearway db upgrade``, and the check ``clearway serve`` makes before it starts."""

from __future__ import annotations

from typing import Any

from clearway.settings import redact_url, resolve_database_url
from clearway.store.readiness import UPGRADE_COMMAND, at_head, ensure_migrated, unreachable_error

__all__ = ["UPGRADE_COMMAND", "ensure_migrated", "upgrade_command"]


def upgrade_command(url: str | None, lang: str = "en") -> int:
    """Apply the schema migrations to ``url`` (default: the configured database) and say what changed."""
    from clearway.store.db import head_revisions, upgrade

    resolved = resolve_database_url(url)
    shown = redact_url(resolved)
    at_head(resolved)  # refuses a newer or unreachable database before changing anything
    try:
        result = upgrade(resolved)
    except Exception as error:
        raise unreachable_error(error, shown) or error from None
    after = ", ".join(result.after) or ", ".join(head_revisions())
    if not result.changed:
        print(_sentence("db.up_to_date", lang, url=shown, revision=after))
    elif not result.before:
        print(_sentence("db.created", lang, url=shown, revision=after))
    else:
        print(_sentence("db.upgraded", lang, url=shown, before=", ".join(result.before), after=after))
    return 0


def _sentence(key: str, lang: str, **params: Any) -> str:
    from clearway.i18n import translate

    return translate(key, lang, **params)
