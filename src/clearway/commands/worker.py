"""``clearway worker``: deliver the outbox until stopped (SIGTERM or Ctrl-C finish the delivery in flight)."""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType

from clearway.i18n import translate


def worker_command(db: str | None, lang: str, *, until_idle: bool = False) -> int:
    """Run one delivery worker against the configured database."""
    from clearway.commands.db import ensure_migrated
    from clearway.services.notify_worker import Worker
    from clearway.settings import load_settings, redact_url
    from clearway.store.db import make_engine

    settings = load_settings({"database_url": db})
    ensure_migrated(settings.database_url)
    # No ping before each checkout: it is one more round trip per delivery, and a connection
    # that died is replaced after the one failed step (the loop logs it and carries on).
    engine = make_engine(settings.database_url, pool_pre_ping=False)
    stop = threading.Event()

    def on_signal(number: int, frame: FrameType | None) -> None:
        stop.set()  # checked between deliveries: the one in flight finishes and is settled

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    print(translate("worker.started", lang, database=redact_url(settings.database_url)), file=sys.stderr, flush=True)
    if engine.dialect.name == "sqlite":
        print(translate("worker.sqlite_one", lang), file=sys.stderr, flush=True)
    try:
        with Worker(engine, settings.delivery, settings.secret_key) as worker:
            count = worker.run(stop, until_idle=until_idle)
    finally:
        engine.dispose()
    print(translate("worker.stopped", lang, count=count), file=sys.stderr, flush=True)
    return 0
