"""``clearway keys``: re-key after the server secret changed, and revoke a compromised key."""

from __future__ import annotations

from clearway.i18n import translate


def keys_rotate_command(db: str | None, lang: str, revoke_old: bool) -> int:
    """Replace every active key the configured secret cannot open (or that only the development
    secret protects, once a real one is configured), and make the keys that are missing."""
    from clearway.commands.db import ensure_migrated
    from clearway.services import keys
    from clearway.services.actor import COMMAND_LINE
    from clearway.settings import load_settings
    from clearway.store.db import make_engine, session_scope

    settings = load_settings({"database_url": db})
    ensure_migrated(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with session_scope(engine) as session:
            changes = keys.rekey(session, COMMAND_LINE, settings.secret_key, revoke_old=revoke_old)
            lines = []
            for change in changes:
                if change.old is None:
                    lines.append(translate("keys.created", lang, key_id=change.new.key_id))
                else:
                    done = "keys.revoked_and_replaced" if revoke_old else "keys.replaced"
                    lines.append(translate(done, lang, old=change.old.key_id, new=change.new.key_id))
    finally:
        engine.dispose()
    print("\n".join(lines) if lines else translate("keys.nothing_to_rotate", lang))
    return 0


def keys_revoke_command(db: str | None, key_id: str, lang: str) -> int:
    """Revoke a key (compromised): nothing it signed verifies any more; an active key is replaced."""
    from clearway.commands.db import ensure_migrated
    from clearway.domain.errors import UnusableInput
    from clearway.services import keys
    from clearway.services.actor import COMMAND_LINE
    from clearway.services.errors import NotFound
    from clearway.settings import load_settings
    from clearway.store.db import make_engine, session_scope

    settings = load_settings({"database_url": db})
    ensure_migrated(settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        with session_scope(engine) as session:
            keys.revoke_key(session, COMMAND_LINE, key_id, settings.secret_key)
    except NotFound as missing:
        raise UnusableInput(missing.key, **missing.params) from None
    finally:
        engine.dispose()
    print(translate("keys.revoked", lang, key_id=key_id))
    return 0
