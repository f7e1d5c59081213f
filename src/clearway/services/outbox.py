"""The outbox: events written in the transaction of the change they report, one message per
recipient, claimed by workers and settled (delivered, retried or dead) in the transaction
that releases them.

The only caller in the workflow is ``audit.record``: every action is audited in its own
transaction, so deriving events there means no workflow code knows about notifications.
Recipients are the organisations that may see the request at that moment (the same rule as
reading it, ``access.visible``), through their webhook endpoints and the people who opted in
to e-mail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import AuditAction
from clearway.domain.notifications import EventType, events_for_action, retry_delay
from clearway.domain.workflow import Role
from clearway.services.access import visible
from clearway.services.actor import Actor
from clearway.store.models import (
    Channel,
    ClearanceRequest,
    EmailSubscription,
    MessageStatus,
    Organisation,
    OutboxEvent,
    OutboxMessage,
    User,
    WebhookEndpoint,
    utcnow,
)


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def on_audited_action(
    session: Session,
    action: AuditAction,
    request: ClearanceRequest | None,
    version: int | None,
    details: Mapping[str, Any],
) -> None:
    """The events an audited action gives, written to the outbox with the action's own transaction."""
    if request is None:
        return
    for derived in events_for_action(action, details):
        write_event(session, derived.type, request, version=version, extra=derived.extra)


def write_event(
    session: Session,
    event_type: EventType,
    request: ClearanceRequest,
    *,
    version: int | None = None,
    extra: Mapping[str, Any] | None = None,
    once_key: str | None = None,
    at: datetime | None = None,
) -> OutboxEvent:
    """One event about ``request``, added to the caller's transaction (one INSERT at its commit).

    Its recipients are found later, by a worker's ``fan_out``: that keeps the cost to the
    transaction that reports the change to one row, whatever the number of recipients.
    """
    moment = at or utcnow()
    data: dict[str, Any] = {
        "request_id": request.public_id,
        "version": version if version is not None else request.current_version,
        "state": str(request.state),
        **(extra or {}),
    }
    event = OutboxEvent(
        type=str(event_type),
        request_id=request.id,
        occurred_at=moment,
        body={"type": str(event_type), "timestamp": iso(moment), "data": data},
        once_key=once_key,
    )
    session.add(event)
    return event


def fan_out(session: Session, now: datetime, *, lock: bool, limit: int = 100) -> int:
    """One message per recipient for events not yet fanned out; the number of events done.

    Recipients are the organisations that may see the request when this runs (normally
    within a second of the event): their endpoints that chose the event type and their
    people who opted in to it. With ``lock`` (PostgreSQL) events another worker is fanning
    out are skipped, so each is fanned out once.
    """
    query = select(OutboxEvent).where(OutboxEvent.fanned_out_at.is_(None)).order_by(OutboxEvent.id).limit(limit)
    if lock:
        query = query.with_for_update(skip_locked=True)
    events = list(session.scalars(query))
    for event in events:
        request = session.get(ClearanceRequest, event.request_id) if event.request_id is not None else None
        recipients = _recipients(session, request, EventType(event.type)) if request is not None else []
        for recipient in recipients:
            session.add(
                OutboxMessage(
                    event_id=event.id,
                    organisation_id=recipient.organisation_id,
                    channel=recipient.channel,
                    endpoint_id=recipient.endpoint_id,
                    user_id=recipient.user_id,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
        event.fanned_out_at = now
    return len(events)


@dataclass(frozen=True)
class _Recipient:
    organisation_id: int
    channel: Channel
    endpoint_id: int | None = None
    user_id: int | None = None


def _recipients(session: Session, request: ClearanceRequest, event_type: EventType) -> list[_Recipient]:
    wanted = str(event_type)
    candidates: list[_Recipient] = []
    for endpoint_id, organisation_id, types in session.execute(
        select(WebhookEndpoint.id, WebhookEndpoint.organisation_id, WebhookEndpoint.event_types).where(
            WebhookEndpoint.disabled_at.is_(None)
        )
    ):
        if wanted in types:
            candidates.append(_Recipient(organisation_id, Channel.WEBHOOK, endpoint_id=endpoint_id))
    for user_id, organisation_id, types in session.execute(
        select(EmailSubscription.user_id, User.organisation_id, EmailSubscription.event_types)
        .join(User, User.id == EmailSubscription.user_id)
        .where(User.active)
    ):
        if wanted in types:
            candidates.append(_Recipient(organisation_id, Channel.EMAIL, user_id=user_id))
    if not candidates:
        return []
    seeing = organisations_that_see(session, request, {item.organisation_id for item in candidates})
    return [item for item in candidates if item.organisation_id in seeing]


def organisations_that_see(session: Session, request: ClearanceRequest, organisation_ids: set[int]) -> set[int]:
    """Those of ``organisation_ids`` that may see ``request`` now, by the rule that governs reading it."""
    session.flush()  # the change being reported (a first submission, say) decides who sees it
    seeing: set[int] = set()
    for organisation in session.scalars(select(Organisation).where(Organisation.id.in_(organisation_ids))):
        viewer = organisation_viewer(organisation)
        if session.scalar(select(ClearanceRequest.id).where(ClearanceRequest.id == request.id, visible(viewer))):
            seeing.add(organisation.id)
    return seeing


def organisation_viewer(organisation: Organisation) -> Actor:
    """The organisation as a reader with no one's rights but its own (user 0 acts for no one)."""
    return Actor(
        user_id=0,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        kind=organisation.kind,
        role=Role.VIEWER,
        country=organisation.country,
    )


# -- claiming and settling (the worker's side) ------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A due message with its event and, for a webhook, its endpoint (read in one query)."""

    message: OutboxMessage
    event: OutboxEvent
    endpoint: WebhookEndpoint | None


def claim_due(session: Session, now: datetime, *, lock: bool) -> Claim | None:
    """The oldest message due now; with ``lock`` (PostgreSQL) its row is locked until this
    transaction ends, skipping rows other workers hold, so no two workers claim the same one.
    Only the message's row is locked: workers delivering to one endpoint do not queue on it."""
    query = (
        select(OutboxMessage, OutboxEvent, WebhookEndpoint)
        .join(OutboxEvent, OutboxEvent.id == OutboxMessage.event_id)
        .outerjoin(WebhookEndpoint, WebhookEndpoint.id == OutboxMessage.endpoint_id)
        .where(OutboxMessage.status == MessageStatus.PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(1)
    )
    if lock:
        query = query.with_for_update(of=OutboxMessage, skip_locked=True)
    found = session.execute(query).first()
    if found is None:
        return None
    message, event, endpoint = found
    return Claim(message, event, endpoint)


@dataclass(frozen=True)
class Outcome:
    """What one attempt gave: delivered, or why not."""

    delivered: bool
    status_code: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base: timedelta
    cap: timedelta


def settle(session: Session, message: OutboxMessage, outcome: Outcome, now: datetime, policy: RetryPolicy) -> None:
    """Record an attempt: delivered, due again after a backoff, or dead after ``max_attempts``."""
    message.attempts += 1
    message.last_attempt_at = now
    message.last_status_code = outcome.status_code
    if outcome.delivered:
        message.status = MessageStatus.DELIVERED
        message.delivered_at = now
        message.last_error = None
        return
    message.last_error = (outcome.error or "")[:2000]
    if message.attempts >= policy.max_attempts:
        message.status = MessageStatus.DEAD
        return
    message.next_attempt_at = now + retry_delay(message.attempts, base=policy.base, cap=policy.cap)
