"""What happened and who looked: the audit chain, the access log, idempotency records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clearway.store.models.base import AppendOnly, Base, BigId, UTCDateTime, utcnow


class AuditEntry(AppendOnly, Base):
    """One action, chained to the one before by hash (``clearway.domain.audit`` computes it).

    Appended in the same transaction as the change it records, so neither exists without
    the other. ``sequence`` is unique: two transactions racing to append the same number
    cannot both commit, so the chain never forks.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (Index(None, "request_id", "sequence"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sequence: Mapped[int] = mapped_column(BigInteger, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: the system itself
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    action: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_requests.id"))
    version: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # "sha256:" + 64 hex digits (clearway.domain.audit), with room for another algorithm's name.
    previous_hash: Mapped[str] = mapped_column(String(80))
    hash: Mapped[str] = mapped_column(String(80), unique=True)
    # Chain format 2: the hash of the content alone (salted, so it says nothing about the
    # content), from which ``hash`` follows with the previous hash. None: an entry of format 1.
    content_hash: Mapped[str | None] = mapped_column(String(80))
    salt: Mapped[str | None] = mapped_column(String(32))


class AuditCheckpoint(AppendOnly, Base):
    """The chain's head (sequence, hash, time) signed by the instance's audit key.

    ``token`` (a ``checkpoint+jws``) is the checkpoint; the columns repeat its claims so
    that it can be found, and are never trusted over the signed token.
    """

    __tablename__ = "audit_checkpoints"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sequence: Mapped[int] = mapped_column(BigInteger, index=True)
    hash: Mapped[str] = mapped_column(String(80))
    entry_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the head entry's time
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    key_id: Mapped[str] = mapped_column(String(64))
    token: Mapped[str] = mapped_column(Text)


class CheckpointCountersignature(AppendOnly, Base):
    """An organisation's witness that it has seen a checkpoint (a ``countersignature+jws``)."""

    __tablename__ = "checkpoint_countersignatures"
    __table_args__ = (UniqueConstraint("checkpoint_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    checkpoint_id: Mapped[int] = mapped_column(ForeignKey("audit_checkpoints.id"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    key_id: Mapped[str] = mapped_column(String(64))
    token: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccessLogEntry(AppendOnly, Base):
    """A view of a manifest's personal data: who, when, which request and version.

    Outside the audit chain on purpose: reading must never wait for the chain's lock.
    """

    __tablename__ = "access_log"
    __table_args__ = (Index(None, "request_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    version: Mapped[int] = mapped_column(Integer)


class IdempotencyRecord(Base):
    """The first result of a submit or decide call, returned again for a repeat with the same key.

    ``request_fingerprint`` (a hash of the call's body) lets the service refuse the same key
    reused for a different call instead of replaying an unrelated answer.
    """

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("user_id", "key", "operation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    key: Mapped[str] = mapped_column(String(200))
    operation: Mapped[str] = mapped_column(String(64))  # e.g. "submit", "decide"
    request_fingerprint: Mapped[str] = mapped_column(String(64))
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    status_code: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
