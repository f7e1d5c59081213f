"""What an organisation's admin sees of its notifications: every message, its attempts,
failures and dead letters, and the replay of a dead letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import DeliveryReplayed
from clearway.domain.workflow import Permission
from clearway.services import audit
from clearway.services.actor import Actor
from clearway.services.errors import Conflict, NotFound
from clearway.store.models import (
    ClearanceRequest,
    MessageStatus,
    OutboxEvent,
    OutboxMessage,
    User,
    WebhookEndpoint,
    utcnow,
)

MAX_PAGE = 200


class DeliveryFilter(StrEnum):
    ALL = "all"
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILING = "failing"  # pending after at least one failed attempt
    DEAD = "dead"


@dataclass(frozen=True)
class DeliveryView:
    message_id: str  # the webhook-id
    event_id: str
    event_type: str
    request_id: str | None
    channel: str
    endpoint_id: str | None
    recipient: str | None  # the e-mail address of an e-mail message
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


def list_deliveries(
    session: Session,
    actor: Actor,
    which: DeliveryFilter = DeliveryFilter.ALL,
    *,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[DeliveryView], int]:
    """The organisation's messages, newest first, with the total for pagination."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    conditions = [OutboxMessage.organisation_id == actor.organisation_id]
    if which is DeliveryFilter.FAILING:
        conditions += [OutboxMessage.status == MessageStatus.PENDING, OutboxMessage.attempts > 0]
    elif which is not DeliveryFilter.ALL:
        conditions.append(OutboxMessage.status == MessageStatus(str(which)))
    total = session.scalar(select(func.count()).select_from(OutboxMessage).where(*conditions)) or 0
    rows = session.execute(
        select(OutboxMessage, OutboxEvent, ClearanceRequest.public_id, WebhookEndpoint.public_id, User.email)
        .join(OutboxEvent, OutboxEvent.id == OutboxMessage.event_id)
        .outerjoin(ClearanceRequest, ClearanceRequest.id == OutboxEvent.request_id)
        .outerjoin(WebhookEndpoint, WebhookEndpoint.id == OutboxMessage.endpoint_id)
        .outerjoin(User, User.id == OutboxMessage.user_id)
        .where(*conditions)
        .order_by(OutboxMessage.id.desc())
        .limit(max(1, min(limit, MAX_PAGE)))
        .offset(max(0, offset))
    ).all()
    return [_view(*row) for row in rows], total


def _view(
    message: OutboxMessage, event: OutboxEvent, request_id: str | None, endpoint_id: str | None, email: str | None
) -> DeliveryView:
    return DeliveryView(
        message_id=message.message_id,
        event_id=event.event_id,
        event_type=event.type,
        request_id=request_id,
        channel=str(message.channel),
        endpoint_id=endpoint_id,
        recipient=email,
        status=str(message.status),
        attempts=message.attempts,
        next_attempt_at=message.next_attempt_at if message.status is MessageStatus.PENDING else None,
        last_attempt_at=message.last_attempt_at,
        last_status_code=message.last_status_code,
        last_error=message.last_error,
        delivered_at=message.delivered_at,
        created_at=message.created_at,
    )


def replay(session: Session, actor: Actor, message_id: str) -> DeliveryView:
    """A dead letter goes back to the queue, due now, with its attempts counted afresh (same webhook-id)."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    found = session.execute(
        select(OutboxMessage, OutboxEvent, ClearanceRequest.public_id, WebhookEndpoint.public_id, User.email)
        .join(OutboxEvent, OutboxEvent.id == OutboxMessage.event_id)
        .outerjoin(ClearanceRequest, ClearanceRequest.id == OutboxEvent.request_id)
        .outerjoin(WebhookEndpoint, WebhookEndpoint.id == OutboxMessage.endpoint_id)
        .outerjoin(User, User.id == OutboxMessage.user_id)
        .where(OutboxMessage.message_id == message_id, OutboxMessage.organisation_id == actor.organisation_id)
        .with_for_update(of=OutboxMessage)
    ).one_or_none()
    if found is None:
        raise NotFound("notify.delivery_not_found", message=message_id)
    message = found[0]
    if message.status is not MessageStatus.DEAD:
        raise Conflict("notify.not_dead", message=message_id, status=str(message.status))
    message.status = MessageStatus.PENDING
    message.attempts = 0
    message.next_attempt_at = utcnow()
    audit.record(session, actor, DeliveryReplayed(message=message_id))
    return _view(*found)
