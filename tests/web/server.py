"""The web application on demo data, served by uvicorn in a thread of the test process.

A fresh SQLite database filled by the demo, so a browser test signs in as a person would.
"""

from __future__ import annotations

import csv
import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import uvicorn

from clearway.domain.people import MANIFEST_COLUMNS
from clearway.services import demo
from clearway.settings import load_settings
from clearway.store.db import make_engine, session_scope, upgrade
from clearway.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = demo.DEMO_PASSWORD


@dataclass(frozen=True)
class LiveServer:
    url: str
    database_url: str


@contextmanager
def live_server(folder: Path, *, environment: str = "development") -> Iterator[LiveServer]:
    """Demo data in ``folder``, the app listening on a free port of 127.0.0.1 until the block ends."""
    settings = load_settings({"database_url": str(folder / "web.db"), "environment": environment})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        demo.seed(session, secret=settings.secret_key)
    engine.dispose()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web application did not start")
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", settings.database_url)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def future_arrival(days: int = 6) -> datetime:
    return (datetime.now(UTC) + timedelta(days=days)).replace(hour=18, minute=0, second=0, microsecond=0)


def manifest_csv(
    count: int, country: str = "MEX", *, arrival: datetime | None = None, defect_on: int | None = None
) -> bytes:
    """A manifest the demo's agreements accept; ``defect_on``: that seq gets an impossible date of birth."""
    snapshot = demo._snapshot(90, country, demo._template_rows(), arrival or future_arrival())
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(MANIFEST_COLUMNS))
    writer.writeheader()
    for passenger in snapshot.passengers[:count]:
        row = passenger.as_row()
        if defect_on is not None and passenger.seq == str(defect_on):
            row["date_of_birth"] = row["date_of_birth"][:5] + "02-30"
        writer.writerow(row)
    return out.getvalue().encode()
