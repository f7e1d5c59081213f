"""The SQLAlchemy models, one module per feature; import them from here.

Importing this package also installs the ORM guard for append-only rows: a session
refuses to flush a change to, or the deletion of, any :class:`AppendOnly` row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, event
from sqlalchemy.orm import Session, UOWTransaction

from clearway.store.models.agreements import AgreementVersion
from clearway.store.models.base import NAMING_CONVENTION, AppendOnly, Base, ImmutableRecordError, UTCDateTime, utcnow
from clearway.store.models.holds import HoldEntry, HoldInvalidRow, HoldList
from clearway.store.models.keys import SigningKey
from clearway.store.models.notifications import (
    CalendarFeed,
    Channel,
    EmailSubscription,
    MessageStatus,
    OutboxEvent,
    OutboxMessage,
    WebhookEndpoint,
)
from clearway.store.models.people import ApiToken, LoginFailure, ObserverGrant, Organisation, User
from clearway.store.models.records import (
    AccessLogEntry,
    AuditCheckpoint,
    AuditEntry,
    CheckpointCountersignature,
    IdempotencyRecord,
)
from clearway.store.models.requests import (
    Clearance,
    ClearanceRequest,
    ClearanceStatus,
    Decision,
    FlightEvent,
    FlightEventKind,
    MessageKind,
    ReceptionOutcome,
    ReceptionRecord,
    RequestMessage,
    RequestVersion,
    VersionArrival,
    VersionSubmission,
)
from clearway.store.models.web import UserPreference, WebSession

metadata = Base.metadata

#: Tables whose rows are never updated or deleted; the migrations put triggers on them.
APPEND_ONLY_TABLES = tuple(
    sorted(
        table.name
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, AppendOnly) and isinstance(table := mapper.local_table, Table)
    )
)


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_append_only(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    # Caught here, before any SQL, the error names the model; the trigger behind it
    # covers every other client (raw SQL, another program, a psql session).
    for row in session.deleted:
        if isinstance(row, AppendOnly):
            raise ImmutableRecordError(f"{type(row).__name__} rows are append-only: deleting one is refused")
    for row in session.dirty:
        if isinstance(row, AppendOnly) and session.is_modified(row, include_collections=False):
            raise ImmutableRecordError(f"{type(row).__name__} rows are immutable: changing one is refused")


__all__ = [
    "APPEND_ONLY_TABLES",
    "NAMING_CONVENTION",
    "AccessLogEntry",
    "AgreementVersion",
    "ApiToken",
    "AppendOnly",
    "AuditCheckpoint",
    "AuditEntry",
    "Base",
    "CalendarFeed",
    "Channel",
    "CheckpointCountersignature",
    "Clearance",
    "ClearanceRequest",
    "ClearanceStatus",
    "Decision",
    "EmailSubscription",
    "FlightEvent",
    "FlightEventKind",
    "HoldEntry",
    "HoldInvalidRow",
    "HoldList",
    "IdempotencyRecord",
    "ImmutableRecordError",
    "LoginFailure",
    "MessageKind",
    "MessageStatus",
    "ObserverGrant",
    "Organisation",
    "OutboxEvent",
    "OutboxMessage",
    "ReceptionOutcome",
    "ReceptionRecord",
    "RequestMessage",
    "RequestVersion",
    "SigningKey",
    "UTCDateTime",
    "User",
    "UserPreference",
    "VersionArrival",
    "VersionSubmission",
    "WebSession",
    "WebhookEndpoint",
    "metadata",
    "utcnow",
]
