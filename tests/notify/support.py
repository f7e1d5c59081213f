"""Helpers for notification tests: endpoints and subscriptions, a real webhook receiver."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from standardwebhooks import Webhook

from clearway.domain.notifications import EventType
from clearway.domain.snapshot import from_document
from clearway.domain.workflow import Action, Role
from clearway.services import notify_email, outbox, requests, webhooks, workflow
from clearway.services.actor import Actor
from clearway.store.models import OutboxEvent, OutboxMessage, RequestVersion, utcnow
from tests.services.conftest import SECRET, World, future_flight

ALL = [str(item) for item in EventType]


def endpoint_for(world: World, org: str, url: str = "http://127.0.0.1:9/hook", events: list[str] | None = None) -> str:
    """An endpoint of ``org`` (its admin registers it); returns its signing secret."""
    registered = webhooks.register_endpoint(
        world.session,
        world.actor(org, Role.ADMIN),
        url,
        events,
        server_secret=SECRET,
        https_only=False,
        allow_private=True,
    )
    return registered.secret


def messages_by_org(session: Session, event_type: str) -> dict[int, list[OutboxMessage]]:
    """The messages of events of ``event_type`` by organisation, once a worker has fanned them out."""
    outbox.fan_out(session, utcnow(), lock=False)
    found: dict[int, list[OutboxMessage]] = {}
    query = select(OutboxMessage).join(OutboxEvent).where(OutboxEvent.type == event_type).order_by(OutboxMessage.id)
    for message in session.scalars(query):
        found.setdefault(message.organisation_id, []).append(message)
    return found


def events_of(session: Session, event_type: str) -> list[OutboxEvent]:
    query = select(OutboxEvent).where(OutboxEvent.type == event_type).order_by(OutboxEvent.id)
    return list(session.scalars(query))


def submitted(world: World, **flight: Any) -> str:
    created = requests.create_request(world.session, world.actor("usa"), future_flight(**flight))
    workflow.submit(world.session, world.actor("usa"), created.public_id)
    return created.public_id


def approved(world: World, **flight: Any) -> str:
    public_id = submitted(world, **flight)
    workflow.decide(world.session, world.actor("mex"), public_id, workflow.DecisionInput(Action.APPROVE), secret=SECRET)
    return public_id


def opt_in(world: World, actor: Actor, language: str = "en", events: list[str] | None = None) -> None:
    notify_email.set_preferences(world.session, actor, language, events if events is not None else ALL)


def personal_data(session: Session) -> list[str]:
    """Names, documents and dates of birth of everyone on any stored manifest."""
    found = []
    for content in session.scalars(select(RequestVersion.content)):
        for person in from_document(content).passengers:
            found += [person.surname, person.given_names, person.document_number, person.date_of_birth]
    return [value for value in found if value]


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    def event(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


@dataclass
class Receiver:
    """A real HTTP server on 127.0.0.1 that records every call and answers ``status``."""

    url: str
    calls: list[Received] = field(default_factory=list)
    status: int = 204
    delay: float = 0.0
    #: Set: the next call waits here before it is answered (to kill a worker mid-delivery).
    hold: threading.Event | None = None
    held: threading.Event = field(default_factory=threading.Event)
    held_id: str | None = None  # the webhook-id of the call held
    lock: threading.Lock = field(default_factory=threading.Lock)

    def verified(self, secret: str) -> list[dict[str, Any]]:
        """Every call's event, each signature checked by the standardwebhooks library (raises if one is bad)."""
        verifier = Webhook(secret)
        return [verifier.verify(call.body, call.headers) for call in self.calls]

    def ids(self) -> list[str]:
        with self.lock:
            return [call.webhook_id for call in self.calls]


@contextmanager
def receiver(status: int = 204, delay: float = 0.0) -> Iterator[Receiver]:
    box: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            state = box["receiver"]
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            call = Received({k.lower(): v for k, v in self.headers.items()}, body)
            with state.lock:
                state.calls.append(call)
                hold = state.hold
                state.hold = None
            if hold is not None:
                state.held_id = call.webhook_id
                state.held.set()
                hold.wait(30)
            if state.delay:
                time.sleep(state.delay)
            self.send_response(state.status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    box["receiver"] = Receiver(f"http://127.0.0.1:{server.server_address[1]}/hook", status=status, delay=delay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield box["receiver"]
    finally:
        server.shutdown()
        server.server_close()
