"""The delivery worker: claims due outbox messages one at a time, delivers, settles.

At least once. On PostgreSQL the message is claimed ``FOR UPDATE SKIP LOCKED`` and the lock
is held while it is delivered; the result is written and the lock released by one commit.
A worker killed before that commit (even after the receiver answered) leaves the message
pending, and it is sent again under the same ``webhook-id``. Any number of workers can run.
On SQLite, whose write lock would stop the whole application during a delivery, one worker
reads the message, delivers it and settles it in a second short transaction.

Before delivery an event is fanned out: one message per recipient, written by a worker
(``outbox.fan_out``) so that the transaction reporting a change writes only the event.

Graceful shutdown: ``stop`` is checked between deliveries, so a delivery in flight finishes
and is settled; a process killed outright leaves it to be released by the database.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from clearway.services import notify_email, webhooks
from clearway.services.notify_deadlines import scan_deadlines
from clearway.services.outbox import Claim, Outcome, RetryPolicy, claim_due, fan_out, settle
from clearway.settings import DeliverySettings
from clearway.store.db import session_scope
from clearway.store.models import (
    Channel,
    ClearanceRequest,
    EmailSubscription,
    MessageStatus,
    OutboxMessage,
    User,
    utcnow,
)

logger = logging.getLogger(__name__)
#: How often a busy worker looks for new events to fan out.
FAN_OUT_EVERY_SECONDS = 0.2

Job = webhooks.WebhookJob | notify_email.EmailJob


class Worker:
    """Delivers the outbox of one database; ``clock`` is replaceable so tests need not wait."""

    def __init__(
        self,
        engine: Engine,
        settings: DeliverySettings,
        server_secret: str,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self._server_secret = server_secret
        self._clock = clock
        self._locks = engine.dialect.name == "postgresql"
        self.policy = RetryPolicy(
            max_attempts=settings.max_attempts,
            base=timedelta(seconds=settings.retry_base_seconds),
            cap=timedelta(seconds=settings.retry_cap_seconds),
        )
        # TCP_NODELAY: a POST goes out as headers then body; without it Nagle's algorithm holds
        # the body until the receiver's delayed ACK (40 ms on Linux), on every single delivery.
        transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
        self._client = httpx.Client(
            transport=transport,
            timeout=settings.webhook_timeout_seconds,
            follow_redirects=False,
            headers={"accept": "*/*"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def deliver_one(self) -> bool:
        """Claim, deliver and settle one due message; False when none is due."""
        if self._locks:
            with session_scope(self.engine) as session:
                claim = claim_due(session, self._clock(), lock=True)
                if claim is None:
                    return False
                outcome = self._deliver(self._job(session, claim))
                settle(session, claim.message, outcome, self._clock(), self.policy)
            return True
        with session_scope(self.engine, read_only=True) as session:
            claim = claim_due(session, self._clock(), lock=False)
            if claim is None:
                return False
            claimed_id = claim.message.id
            job = self._job(session, claim)
        outcome = self._deliver(job)
        with session_scope(self.engine) as session:
            fresh = session.get(OutboxMessage, claimed_id)
            if fresh is not None and fresh.status is MessageStatus.PENDING:
                settle(session, fresh, outcome, self._clock(), self.policy)
        return True

    def fan_out(self) -> int:
        """Write the messages of events not yet fanned out (a batch); the number of events done."""
        with session_scope(self.engine) as session:
            return fan_out(session, self._clock(), lock=self._locks)

    def scan_deadlines(self) -> int:
        """Write the deadline warnings now due (each once); the number written."""
        with session_scope(self.engine) as session:
            return scan_deadlines(session, self._clock(), self.settings.deadline_thresholds_hours)

    def run(self, stop: threading.Event, *, until_idle: bool = False) -> int:
        """Deliver until ``stop`` is set (or, with ``until_idle``, until nothing is due); the count delivered."""
        delivered = 0
        next_scan = next_fan_out = 0.0
        while not stop.is_set():
            if time.monotonic() >= next_scan:
                try:
                    self.scan_deadlines()
                except Exception:  # a failed scan must not stop deliveries; logged, tried again later
                    logger.exception("deadline scan failed")
                next_scan = time.monotonic() + self.settings.deadline_scan_seconds
            fanned = 0
            if time.monotonic() >= next_fan_out:
                # Not before every delivery (a transaction each), but often enough that new
                # events do not wait behind a long queue of retries.
                fanned = self._guarded(self.fan_out, "fan-out failed; the events wait for the next one")
                next_fan_out = time.monotonic() + FAN_OUT_EVERY_SECONDS
            if self._guarded(self.deliver_one, "delivery failed; the message stays pending"):
                delivered += 1
                continue
            if fanned:
                continue
            if until_idle and not self._guarded(self.fan_out, "fan-out failed"):
                break
            next_fan_out = 0.0  # nothing due: look for new events as soon as the wait ends
            stop.wait(self.settings.idle_sleep_seconds)
        return delivered

    @staticmethod
    def _guarded(step: Callable[[], int | bool], failure: str) -> int:
        try:
            return int(step())
        except Exception:
            logger.exception(failure)
            return 0

    def _job(self, session: Session, claim: Claim) -> Job | None:
        message, event, endpoint = claim.message, claim.event, claim.endpoint
        if message.channel is Channel.WEBHOOK:
            if endpoint is None:
                return None
            secret = webhooks.decrypt_secret(endpoint.encrypted_secret, self._server_secret)
            return webhooks.WebhookJob(message.message_id, endpoint.url, secret, event.body)
        user = session.get(User, message.user_id)
        if user is None or not user.active:
            return None
        subscription = session.get(EmailSubscription, user.id)
        request = session.get(ClearanceRequest, event.request_id) if event.request_id else None
        return notify_email.EmailJob(
            message_id=message.message_id,
            to=user.email,
            language=subscription.language if subscription else "en",
            event_type=event.type,
            reference=request.reference if request else "",
            request_public_id=request.public_id if request else "",
            body=event.body,
        )

    def _deliver(self, job: Job | None) -> Outcome:
        if job is None:
            return Outcome(False, error="the recipient no longer exists or is inactive")
        if isinstance(job, webhooks.WebhookJob):
            return webhooks.send(self._client, job, utcnow(), allow_private=self.settings.webhook_allow_private)
        return notify_email.send(job, self.settings)
