"""Commands that run or look after the shared service: serve, demo, audit, agreements, holds."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from clearway.domain.errors import UnusableInput
from clearway.i18n import translate


def serve_command(db: str | None, host: str, port: int, lang: str = "en", checkpoint_minutes: int = 60) -> int:
    """Start the web application and API on an already migrated database.

    Warns on every start without a configured secret; refuses to start when the stored
    keys were made under another secret (naming the command that re-keys); makes the keys
    that are missing; signs an audit checkpoint every ``checkpoint_minutes`` (0: never).
    """
    import uvicorn

    from clearway.commands.db import ensure_migrated
    from clearway.settings import load_settings
    from clearway.web.app import create_app

    settings = load_settings({"database_url": db})
    if settings.uses_development_secret:
        print(translate("serve.development_secret", lang), file=sys.stderr)
    ensure_migrated(settings.database_url)
    prepare_keys(settings.database_url, settings.secret_key)
    if checkpoint_minutes > 0:
        start_checkpoints(settings.database_url, settings.secret_key, checkpoint_minutes)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
    return 0


def prepare_keys(url: str, secret: str) -> None:
    """Refuse (``settings.keys_need_rotation``) keys the secret cannot open; make missing keys."""
    from clearway.services import keys
    from clearway.store.db import make_engine, session_scope

    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            if keys.keys_needing_rotation(session, secret):
                raise UnusableInput("settings.keys_need_rotation", command=keys.REKEY_COMMAND)
            keys.ensure_keys(session, secret)
    finally:
        engine.dispose()


def start_checkpoints(url: str, secret: str, minutes: int) -> None:
    """A daemon thread that signs a checkpoint when one is due (several processes may run it:
    each checks in the database whether the last checkpoint is recent enough)."""
    import logging
    import threading
    from datetime import timedelta

    from clearway.services import checkpoints
    from clearway.store.db import make_engine, session_scope

    interval = timedelta(minutes=minutes)
    stop = threading.Event()

    def loop() -> None:
        engine = make_engine(url)
        while not stop.wait(min(interval.total_seconds(), 300)):
            try:
                with session_scope(engine) as session:
                    checkpoints.take_if_due(session, secret, interval)
            except Exception:  # keep serving; the next round tries again
                logging.getLogger(__name__).exception("audit checkpoint failed")

    threading.Thread(target=loop, name="clearway-checkpoints", daemon=True).start()


def demo_command(host: str, port: int, db: Path | None, lang: str, serve: bool = True) -> int:
    """A fresh embedded database filled with the demo, its address and logins, then the server."""
    from clearway.services.demo import DEMO_PASSWORD, seed
    from clearway.settings import load_settings
    from clearway.store.db import make_engine, session_scope, upgrade

    path = db or Path(tempfile.mkdtemp(prefix="clearway-demo-")) / "clearway-demo.db"
    if path.exists():
        path.unlink()  # the demo always starts from the same known state
    settings = load_settings({"database_url": str(path), "environment": "development"})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        logins = seed(session, secret=settings.secret_key)
    engine.dispose()

    address = f"http://{host}:{port}"
    lines = [
        translate("demo.ready", lang, address=address, database=str(path)),
        translate("demo.password", lang, password=DEMO_PASSWORD),
        "",
    ]
    width = max(len(login.email) for login in logins)
    for login in logins:
        lines.append(f"  {login.email.ljust(width)}  {login.role:<8} {login.token}   {login.organisation}")
    lines += ["", translate("demo.try", lang, address=address, token=logins[1].token)]
    print("\n".join(lines), flush=True)
    if not serve:
        return 0
    import uvicorn

    from clearway.web.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    return 0


def agreements_load_command(db: str | None, files: list[Path], lang: str) -> int:
    """Store agreement files in the database (the same file twice is no change)."""
    from clearway.commands.db import ensure_migrated
    from clearway.services.agreements import load_agreement_file
    from clearway.services.errors import ServiceError
    from clearway.settings import resolve_database_url
    from clearway.store.db import make_engine, session_scope

    url = resolve_database_url(db)
    ensure_migrated(url)
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            for path in files:
                row, created = load_agreement_file(session, None, path)
                key = "agreements.loaded" if created else "agreements.unchanged"
                print(translate(key, lang, id=row.agreement_code, version=row.version, path=str(path)))
    except ServiceError as error:
        raise UnusableInput(error.key, **error.params) from None
    finally:
        engine.dispose()
    return 0


def holds_import_command(db: str | None, organisation: str, path: Path, lang: str) -> int:
    """Import a legal-hold list as an organisation's current list, with a progress bar."""
    from sqlalchemy import select

    from clearway.commands.db import ensure_migrated
    from clearway.commands.progress import ByteProgress
    from clearway.domain.audit_events import HoldsImported
    from clearway.services import audit
    from clearway.settings import resolve_database_url
    from clearway.store.db import make_engine, session_scope
    from clearway.store.holds import import_hold_list
    from clearway.store.models import Organisation

    url = resolve_database_url(db)
    ensure_migrated(url)
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            found = session.scalars(select(Organisation).where(Organisation.name == organisation)).one_or_none()
            if found is None:
                raise UnusableInput("holds.unknown_organisation", organisation=organisation)
            with ByteProgress(translate("report.loading_holds", lang)) as progress:
                imported = import_hold_list(session, found.id, path, source_name=path.name, progress=progress.update)
            event = HoldsImported(source=path.name, rows=imported.row_count, invalid=imported.invalid_row_count)
            audit.record(session, None, event)
            print(
                translate(
                    "holds.imported",
                    lang,
                    path=str(path),
                    rows=imported.row_count,
                    invalid=imported.invalid_row_count,
                    organisation=organisation,
                )
            )
    finally:
        engine.dispose()
    return 0
