"""Several ``clearway worker`` processes on one PostgreSQL outbox: no message claimed twice,
none lost, and a worker killed mid-delivery repeats only what it had in flight, under the
same webhook-id."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from clearway.domain.workflow import OrgKind
from clearway.services import webhooks
from clearway.store.db import make_engine, upgrade
from clearway.store.models import (
    Channel,
    MessageStatus,
    Organisation,
    OutboxEvent,
    OutboxMessage,
    WebhookEndpoint,
    utcnow,
)
from tests.database import PostgresSchemas, postgres_base_url
from tests.notify.support import Receiver, receiver
from tests.services.conftest import SECRET

CLEARWAY = [sys.executable, "-c", "from clearway.cli import main; main()"]
#: The issue's 10,000 events: every worker claims thousands while the others claim theirs (the race
#: that double claims or lost ones would show in). About 1.5 minutes per run on two shared cores.
MANY = 10_000


@pytest.fixture
def pg_url() -> Iterator[str]:
    schemas = PostgresSchemas(postgres_base_url())
    name, url = schemas.create()
    try:
        upgrade(url)
        yield url
    finally:
        schemas.drop(name)
        schemas.close()


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    yield engine
    engine.dispose()


def queue(engine: Engine, url: str, count: int) -> set[str]:
    """``count`` events, each with one message for one endpoint at ``url``; their webhook-ids."""
    with Session(engine) as session, session.begin():
        organisation = Organisation(name="Receiving", kind=OrgKind.RECEIVING, country="MEX")
        session.add(organisation)
        session.flush()
        endpoint = WebhookEndpoint(
            organisation_id=organisation.id,
            url=url,
            event_types=["request.submitted"],
            encrypted_secret=webhooks.encrypt_secret(webhooks.new_secret(), SECRET),
        )
        session.add(endpoint)
        session.flush()
        events = [
            OutboxEvent(type="request.submitted", body={"type": "request.submitted", "n": n}, fanned_out_at=utcnow())
            for n in range(count)
        ]
        session.add_all(events)
        session.flush()
        messages = [
            {
                "event_id": event.id,
                "organisation_id": organisation.id,
                "channel": Channel.WEBHOOK,
                "endpoint_id": endpoint.id,
                "message_id": f"msg_{n:06d}",
            }
            for n, event in enumerate(events)
        ]
        session.execute(insert(OutboxMessage), messages)
    return {item["message_id"] for item in messages}


def start_workers(url: str, count: int, *, until_idle: bool) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "CLEARWAY_SECRET_KEY": SECRET,
        "CLEARWAY_WEBHOOK_ALLOW_PRIVATE": "true",
        "CLEARWAY_IDLE_SLEEP_SECONDS": "0.05",
        "CLEARWAY_DEBUG": "1",
    }
    args = [*CLEARWAY, "worker", "--db", url, *(["--until-idle"] if until_idle else [])]
    return [subprocess.Popen(args, env=env, stderr=subprocess.PIPE) for _ in range(count)]


def wait_all(workers: list[subprocess.Popen[bytes]], timeout: float = 900) -> None:
    """Wait for every worker to finish; any still running when this fails is killed."""
    try:
        for worker in workers:
            _, errors = worker.communicate(timeout=timeout)
            assert worker.returncode == 0, errors.decode()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def statuses(engine: Engine) -> Counter[str]:
    with Session(engine) as session:
        return Counter(str(status) for status in session.scalars(select(OutboxMessage.status)))


@pytest.mark.slow
@pytest.mark.parametrize("workers", [2, 4])
def test_many_workers_deliver_every_message_exactly_once(pg_url: str, pg_engine: Engine, workers: int) -> None:
    with receiver() as hook:
        expected = queue(pg_engine, hook.url, MANY)
        wait_all(start_workers(pg_url, workers, until_idle=True))
        received = Counter(hook.ids())
    assert set(received) == expected  # none lost
    assert [webhook_id for webhook_id, times in received.items() if times > 1] == []  # none claimed twice
    assert statuses(pg_engine) == {"delivered": MANY}
    with Session(pg_engine) as session:
        assert set(session.scalars(select(OutboxMessage.attempts))) == {1}


def _status_of(engine: Engine, webhook_id: str | None) -> object:
    with Session(engine) as session:
        return session.execute(
            select(OutboxMessage.status, OutboxMessage.attempts).where(OutboxMessage.message_id == webhook_id)
        ).first()


def _in_flight(engine: Engine, hook: Receiver) -> set[str]:
    """Messages the receiver has seen that are not settled as delivered: those in flight now."""
    with Session(engine) as session:
        pending = set(
            session.scalars(select(OutboxMessage.message_id).where(OutboxMessage.status == MessageStatus.PENDING))
        )
    return pending & set(hook.ids())


def test_a_killed_worker_repeats_only_what_was_in_flight(pg_url: str, pg_engine: Engine) -> None:
    with receiver() as hook:
        expected = queue(pg_engine, hook.url, 400)
        workers = start_workers(pg_url, 2, until_idle=False)
        try:
            deadline = time.monotonic() + 60
            while len(hook.ids()) < 100 and time.monotonic() < deadline:
                time.sleep(0.01)
            answer = hook.hold = threading.Event()
            assert hook.held.wait(30), "no delivery arrived to hold"
            for worker in workers:  # killed outright: no chance to settle anything
                worker.send_signal(signal.SIGKILL)
                worker.wait(10)
            in_flight = _in_flight(pg_engine, hook)
            answer.set()
            held_id = hook.held_id
            assert held_id in in_flight, (held_id, statuses(pg_engine), _status_of(pg_engine, held_id))
            assert len(in_flight) <= 2  # at most one delivery at a time per worker
            seen_before = Counter(hook.ids())
            wait_all(start_workers(pg_url, 2, until_idle=True))
        finally:
            for worker in workers:
                if worker.poll() is None:
                    worker.kill()
        received = Counter(hook.ids())
    assert set(received) == expected  # every webhook-id arrives
    repeated = {webhook_id for webhook_id, times in received.items() if times > 1}
    assert repeated == in_flight  # and only those in flight at the kill arrive again
    assert all(seen_before[webhook_id] == 1 for webhook_id in repeated)
    assert statuses(pg_engine) == {"delivered": 400}


def test_sigterm_lets_the_delivery_in_flight_finish(pg_url: str, pg_engine: Engine) -> None:

    with receiver() as hook:
        queue(pg_engine, hook.url, 50)
        [worker] = start_workers(pg_url, 1, until_idle=False)
        answer = hook.hold = threading.Event()
        assert hook.held.wait(30)
        worker.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        answer.set()
        _, errors = worker.communicate(timeout=30)
        held_id = hook.ids()[0]
    assert worker.returncode == 0, errors.decode()
    with Session(pg_engine) as session:
        status = session.scalar(select(OutboxMessage.status).where(OutboxMessage.message_id == held_id))
    assert status is MessageStatus.DELIVERED
    assert statuses(pg_engine)["delivered"] == 1  # nothing started after the signal
