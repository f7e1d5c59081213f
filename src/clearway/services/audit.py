"""The audit trail: every action appended, hash-chained, in the same transaction as the change.

``record`` is the one way in: every service that records an action calls it with a
typed event (``clearway.domain.audit_events``).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from clearway.domain.audit import GENESIS, AuditRecord, BrokenLink, content_digest, first_broken_link, linked_hash
from clearway.domain.audit_events import AuditEvent
from clearway.services import outbox
from clearway.services.actor import Actor, SystemActor
from clearway.store.models import AuditEntry, ClearanceRequest, utcnow

# One number for the advisory lock that serialises appends on PostgreSQL; any constant works.
_CHAIN_LOCK = 7_205_741
_SALT_BYTES = 16


def record(
    session: Session,
    actor: Actor | SystemActor | None,
    event: AuditEvent,
    *,
    request: ClearanceRequest | None = None,
    version: int | None = None,
) -> AuditEntry:
    """Append one entry for ``event`` after the current head of the chain; commits with the caller's change.

    A ``SystemActor`` (the operator, outside any organisation) is named in the details, so the
    trail says who acted even without a user. ``None`` only for what no one asked for and no
    permission governs: the service itself making a signing key on first use."""
    user = actor if isinstance(actor, Actor) else None
    details = event.details()
    if isinstance(actor, SystemActor):
        details.update(actor.audit_details())
    serialise(session)
    head = session.execute(
        select(AuditEntry.sequence, AuditEntry.hash).order_by(AuditEntry.sequence.desc()).limit(1)
    ).first()
    sequence, previous = (head[0] + 1, head[1]) if head else (1, GENESIS)
    salt = secrets.token_hex(_SALT_BYTES)
    entry = AuditEntry(
        sequence=sequence,
        at=utcnow(),
        user_id=user.user_id if user else None,
        organisation_id=user.organisation_id if user else None,
        action=str(event.action),
        request_id=request.id if request is not None else None,
        version=version,
        details=details,
        previous_hash=previous,
        salt=salt,
    )
    entry.content_hash = content_digest(
        salt=salt,
        sequence=entry.sequence,
        at=entry.at,
        user_id=entry.user_id,
        organisation_id=entry.organisation_id,
        action=entry.action,
        request_id=entry.request_id,
        version=entry.version,
        details=entry.details,
    )
    entry.hash = linked_hash(previous, entry.content_hash)
    session.add(entry)
    session.flush()
    # Notifications: the events this action gives go to the outbox in this same transaction.
    outbox.on_audited_action(session, event.action, request, version, entry.details)
    return entry


def serialise(session: Session) -> None:
    """Wait until no other transaction appends to the chain, and hold that until this one ends.

    Appends must be strictly one after another so that each reads the head the last one
    wrote. SQLite writers already run one at a time (every write transaction begins
    IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHAIN_LOCK})


def records(session: Session, *, from_sequence: int = 1) -> Iterator[AuditRecord]:
    """The chain's records in sequence order from ``from_sequence``, streamed."""
    query = (
        select(AuditEntry)
        .where(AuditEntry.sequence >= from_sequence)
        .order_by(AuditEntry.sequence)
        .execution_options(yield_per=2000)
    )
    for entry in session.scalars(query):
        yield AuditRecord(
            sequence=entry.sequence,
            at=entry.at,
            user_id=entry.user_id,
            organisation_id=entry.organisation_id,
            action=entry.action,
            request_id=entry.request_id,
            version=entry.version,
            details=entry.details,
            previous_hash=entry.previous_hash,
            hash=entry.hash,
            content_hash=entry.content_hash,
            salt=entry.salt,
        )


def verify_chain(session: Session) -> tuple[int, BrokenLink | None]:
    """(entries checked, the first broken link or None), reading the chain as a stream."""
    counted = 0

    def counting() -> Iterator[AuditRecord]:
        nonlocal counted
        for item in records(session):
            counted += 1
            yield item

    broken = first_broken_link(counting())
    return counted, broken
