"""Delivery from inside the web process: one worker on a background thread (the demo, or a
single process on SQLite), with its own engine so it never takes the API's database slots."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from clearway.services.notify_worker import Worker
from clearway.settings import Settings
from clearway.store.db import make_engine


@dataclass
class BackgroundDelivery:
    stop_event: threading.Event
    thread: threading.Thread

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the loop to stop and wait for the delivery in flight to be settled."""
        self.stop_event.set()
        self.thread.join(timeout)


def start_background_delivery(settings: Settings) -> BackgroundDelivery:
    stop = threading.Event()

    def loop() -> None:
        engine = make_engine(settings.database_url, pool_size=1, max_overflow=0)
        try:
            with Worker(engine, settings.delivery, settings.secret_key) as worker:
                worker.run(stop)
        finally:
            engine.dispose()

    thread = threading.Thread(target=loop, name="clearway-delivery", daemon=True)
    thread.start()
    return BackgroundDelivery(stop, thread)
