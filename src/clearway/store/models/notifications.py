"""The outbox and what it delivers to: webhook endpoints, e-mail subscriptions, calendar feeds.

An event is written to ``outbox_events`` in the transaction of the change it reports; a
worker then writes one ``outbox_messages`` row per recipient (an endpoint, or a person by
e-mail). Workers claim messages, deliver them and mark them delivered in the transaction
that releases them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from clearway.store.models.base import Base, BigId, UTCDateTime, enum_column, utcnow


class Channel(StrEnum):
    WEBHOOK = "webhook"
    EMAIL = "email"


class MessageStatus(StrEnum):
    PENDING = "pending"  # waiting for its first attempt or a retry
    DELIVERED = "delivered"
    DEAD = "dead"  # failed too often; an admin may replay it


def _event_id() -> str:
    return f"evt_{uuid.uuid4().hex}"


def _message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


def _public_id() -> str:
    return str(uuid.uuid4())


class OutboxEvent(Base):
    """Something that happened and that others must hear of; ``body`` is what a webhook carries."""

    __tablename__ = "outbox_events"
    __table_args__ = (
        # The fan-out's queue: events whose recipients are not yet found.
        Index(
            "ix_outbox_events_unfanned",
            "id",
            sqlite_where=sql_text("fanned_out_at IS NULL"),
            postgresql_where=sql_text("fanned_out_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(40), unique=True, default=_event_id)
    type: Mapped[str] = mapped_column(String(40))  # clearway.domain.notifications.EventType
    request_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_requests.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: ``{type, timestamp, data: {request_id, version, state, ...}}``, never personal data.
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Set for events that must be written once only (a deadline at one threshold); unique.
    once_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    #: When a worker wrote its messages (one per recipient); None until then.
    fanned_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxMessage(Base):
    """One event for one recipient: the unit a worker claims, delivers and retries."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        # The claim: the oldest due pending message. Partial, so delivered rows cost it nothing.
        Index(
            "ix_outbox_messages_due",
            "next_attempt_at",
            "id",
            sqlite_where=sql_text("status = 'pending'"),
            postgresql_where=sql_text("status = 'pending'"),
        ),
        Index(None, "organisation_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("outbox_events.id"), index=True)
    #: Whose message it is: the organisation's admins see it, its failures and dead letters.
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel, "channel"))
    endpoint_id: Mapped[int | None] = mapped_column(ForeignKey("webhook_endpoints.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: The ``webhook-id``: the same on every attempt, so receivers drop duplicates.
    message_id: Mapped[str] = mapped_column(String(40), unique=True, default=_message_id)
    status: Mapped[MessageStatus] = mapped_column(
        enum_column(MessageStatus, "message_status"), default=MessageStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class WebhookEndpoint(Base):
    """Where an organisation wants its webhooks, for which event types, signed with its own secret."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True, default=_public_id)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    #: Event type values (``request.submitted``, ...); shown and filtered by the service.
    event_types: Mapped[list[str]] = mapped_column(JSON)
    description: Mapped[str] = mapped_column(String(200), default="")
    #: The signing secret (``whsec_...``) encrypted under the server secret; shown once in clear.
    encrypted_secret: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class EmailSubscription(Base):
    """A person's choice of the events they want by e-mail, and the language to write in."""

    __tablename__ = "email_subscriptions"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    event_types: Mapped[list[str]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class CalendarFeed(Base):
    """An organisation's ICS feed behind a secret URL; only the secret's SHA-256 is kept."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16))  # the secret's first characters, to tell feeds apart
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
