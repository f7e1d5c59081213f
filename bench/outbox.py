"""Outbox delivery on PostgreSQL: events per second with 1, 2 and 4 workers, and what the
outbox adds to the transaction that writes an event.

Delivery: ``clearway worker`` processes (one delivery at a time each) drain a queue of
webhook messages to a local receiver that answers every call after a fixed 20 ms, as an
endpoint across a network would. Throughput is counted from the first call the receiver
sees to the last, so process start-up is left out. Target: 4 workers >= 3x one worker.

Submit cost: the same submission (pre-check again, audit chain, commit) timed in its own
transaction with the outbox (an event and a message for each of the two organisations
that see the request, both with an endpoint) and without it (the audit hook made a no-op).
Target: the outbox adds <= 10%.

    CLEARWAY_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test .venv/bin/python bench/outbox.py

It makes a schema of its own on that server and drops it at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "src")]

from clearway.domain.workflow import OrgKind, Role  # noqa: E402
from clearway.services import outbox, requests, webhooks, workflow  # noqa: E402
from clearway.services.actor import actor_for  # noqa: E402
from clearway.store.db import make_engine, session_scope, upgrade  # noqa: E402
from clearway.store.models import Channel, Organisation, OutboxEvent, OutboxMessage, User, WebhookEndpoint, utcnow  # noqa: E402

SECRET = "a-bench-secret-that-is-long-enough-0123456789"
ANSWER_AFTER = 0.020


@contextmanager
def schema(base_url: str) -> Iterator[str]:
    name = f"clearway_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


class Receiver:
    """Answers 204 after ``ANSWER_AFTER`` seconds; notes when the first and the last call came."""

    def __init__(self) -> None:
        self.count = 0
        self.first = self.last = 0.0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("content-length", "0")))
                time.sleep(ANSWER_AFTER)
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()
                with receiver.lock:
                    now = time.perf_counter()
                    receiver.first = receiver.first or now
                    receiver.last = now
                    receiver.count += 1

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.count, self.first, self.last = 0, 0.0, 0.0


def queue(engine: Engine, endpoint_url: str, count: int) -> None:
    with session_scope(engine) as session:
        organisation = Organisation(name=f"r-{uuid.uuid4().hex[:8]}", kind=OrgKind.RECEIVING, country="MEX")
        session.add(organisation)
        session.flush()
        endpoint = WebhookEndpoint(
            organisation_id=organisation.id,
            url=endpoint_url,
            event_types=["request.submitted"],
            encrypted_secret=webhooks.encrypt_secret(webhooks.new_secret(), SECRET),
        )
        session.add(endpoint)
        session.flush()
        events = [
            OutboxEvent(type="request.submitted", body={"type": "request.submitted"}, fanned_out_at=utcnow())
            for _ in range(count)
        ]
        session.add_all(events)
        session.flush()
        rows = [
            {
                "event_id": e.id,
                "organisation_id": organisation.id,
                "channel": Channel.WEBHOOK,
                "endpoint_id": endpoint.id,
            }
            for e in events
        ]
        session.execute(insert(OutboxMessage), rows)


def deliver(url: str, receiver: Receiver, workers: int, count: int) -> float:
    """Events per second with ``workers`` worker processes."""
    engine = make_engine(url)
    queue(engine, receiver.url, count)
    engine.dispose()
    receiver.reset()
    env = {**os.environ, "CLEARWAY_SECRET_KEY": SECRET, "CLEARWAY_WEBHOOK_ALLOW_PRIVATE": "true"}
    command = [sys.executable, "-c", "from clearway.cli import main; main()", "worker", "--db", url, "--until-idle"]
    processes = [subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL) for _ in range(workers)]
    for process in processes:
        process.wait()
    assert receiver.count == count, (receiver.count, count)
    return (count - 1) / (receiver.last - receiver.first)


def _flight(number: int) -> dict[str, object]:
    from tests.api.support import content  # the API tests' clean request body

    local_day = datetime.now(UTC).date() + timedelta(days=10 + number % 200)
    arrival = datetime.combine(local_day, clock(14, 0), ZoneInfo("America/Tijuana")).astimezone(UTC)
    return content(arrival=arrival, reference=f"RF-OUTBOX-{number:05d}")


def submit_costs(url: str, submits: int) -> tuple[list[float], list[float]]:
    """Seconds per submit transaction with the outbox and without it, interleaved."""
    from clearway.services import agreements
    from tests.api.support import agreement_file

    engine = make_engine(url)
    with session_scope(engine) as session, tempfile.TemporaryDirectory() as folder:
        caps = {"flights_per_day": 1_000_000, "passengers_per_day": 100_000_000}
        agreements.load_agreement_file(session, None, agreement_file(Path(folder), **caps))
        users = {}
        for label, kind, country in (("usa", OrgKind.SENDING, "USA"), ("mex", OrgKind.RECEIVING, "MEX")):
            organisation = Organisation(name=f"{label}-bench", kind=kind, country=country)
            session.add(organisation)
            session.flush()
            user = User(
                organisation_id=organisation.id,
                email=f"officer@{label}.bench",
                display_name=label,
                role=Role.OFFICER,
                password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
            )
            session.add(user)
            session.flush()
            users[label] = user.id
            session.add(
                WebhookEndpoint(
                    organisation_id=organisation.id,
                    url="https://hooks.example/clearway",
                    event_types=["request.submitted"],
                    encrypted_secret=webhooks.encrypt_secret(webhooks.new_secret(), SECRET),
                )
            )
    drafts = []
    with session_scope(engine) as session:
        sender = actor_for(session, users["usa"])
        for number in range(2 * submits):
            made = requests.create_request(session, sender, requests.snapshot_from_body(_flight(number)))
            drafts.append(made.public_id)
    real_hook = outbox.on_audited_action
    with_outbox, without = [], []
    for index, public_id in enumerate(drafts):
        enabled = index % 2 == 0
        outbox.on_audited_action = real_hook if enabled else (lambda *args, **kwargs: None)  # type: ignore[assignment]
        try:
            started = time.perf_counter()
            with session_scope(engine) as session:
                workflow.submit(session, actor_for(session, users["usa"]), public_id)
            (with_outbox if enabled else without).append(time.perf_counter() - started)
        finally:
            outbox.on_audited_action = real_hook  # type: ignore[assignment]
    engine.dispose()
    return with_outbox, without


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000, help="events per delivery run")
    parser.add_argument("--submits", type=int, default=200, help="submits with and without the outbox, each")
    options = parser.parse_args()
    base = os.environ.get("CLEARWAY_TEST_POSTGRES_URL", "").strip()
    if not base:
        print("Set CLEARWAY_TEST_POSTGRES_URL to a PostgreSQL server.", file=sys.stderr)
        return 2
    print(f"{platform.node()}: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    receiver = Receiver()
    rates = {}
    with schema(base) as url:
        for workers in (1, 2, 4):
            rates[workers] = deliver(url, receiver, workers, options.events)
            print(f"  {workers} worker(s): {rates[workers]:7.1f} events/s ({rates[workers] / rates[1]:.2f}x one)")
        with_outbox, without = submit_costs(url, options.submits)
    receiver.server.shutdown()
    inside, outside = statistics.median(with_outbox), statistics.median(without)
    print(f"  submit, median of {options.submits}: {outside * 1000:.1f} ms without the outbox, "
          f"{inside * 1000:.1f} ms with it (+{(inside / outside - 1) * 100:.1f}%)")  # fmt: skip
    print(f"  targets: 4 workers >= 3x one: {'met' if rates[4] >= 3 * rates[1] else 'NOT met'}; "
          f"outbox <= +10% on a submit: {'met' if inside <= 1.1 * outside else 'NOT met'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
