"""Clearance requests, their immutable versions, decisions, clearances and flight events."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clearway.domain.workflow import Action, State
from clearway.store.models.base import AppendOnly, Base, UTCDateTime, enum_column, utcnow


class ClearanceStatus(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"  # a material amendment needs a new decision
    REVOKED = "revoked"


class FlightEventKind(StrEnum):
    DEPARTURE = "departure"
    ARRIVAL = "arrival"


class ReceptionOutcome(StrEnum):
    RECEIVED = "received"
    NOT_ON_BOARD = "not_on_board"


def _public_id() -> str:
    return str(uuid.uuid4())


class ClearanceRequest(Base):
    """A flight asking to land, as it moves through the workflow; its content lives in versions."""

    __tablename__ = "clearance_requests"
    __table_args__ = (
        UniqueConstraint("sending_org_id", "reference"),
        # The receiving side's inbox: requests to its country in a given state.
        Index(None, "receiving_country", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Used in URLs and the API instead of ``id``, which would reveal how many requests exist.
    public_id: Mapped[str] = mapped_column(String(36), unique=True, default=_public_id)
    sending_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    reference: Mapped[str] = mapped_column(String(64))  # the sending side's own reference
    receiving_country: Mapped[str] = mapped_column(String(3))
    state: Mapped[State] = mapped_column(enum_column(State, "state"), default=State.DRAFT)
    current_version: Mapped[int] = mapped_column(Integer)  # RequestVersion.number
    #: Receiving authorities see a request once it has been submitted, even after it returns
    #: to a state they would not otherwise see; this keeps that rule one indexed column away.
    ever_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The latest version the receiving side and observers may see (``VersionSubmission``); None: none yet.
    shared_version: Mapped[int | None] = mapped_column(Integer)
    #: Why the sending side cancelled, shown to both sides.
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_requests.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    versions: Mapped[list[RequestVersion]] = relationship(
        back_populates="request", order_by="RequestVersion.number", viewonly=True
    )


class RequestVersion(AppendOnly, Base):
    """One saved state of a request: flight and manifest, immutable once written."""

    __tablename__ = "request_versions"
    __table_args__ = (UniqueConstraint("request_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    number: Mapped[int] = mapped_column(Integer)  # 1, 2, ... within the request
    #: The snapshot document (clearway.domain.snapshot): flight, legs, people, manifest rows.
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: SHA-256 (hex) of ``content`` as canonical JSON, written with the version: the key under which a
    #: process keeps the parsed snapshot (None for versions written before it existed: parsed each time).
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    manifest_hash: Mapped[str] = mapped_column(String(100))
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    agreement_code: Mapped[str | None] = mapped_column(String(64))
    agreement_version: Mapped[int | None] = mapped_column(Integer)
    based_on_version: Mapped[int | None] = mapped_column(Integer)  # None for the first version
    #: Written when a sending officer submits despite error findings; shown to the receiving side.
    override_justification: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    request: Mapped[ClearanceRequest] = relationship(back_populates="versions", viewonly=True)


class VersionSubmission(AppendOnly, Base):
    """A version put before the receiving side: current at a submit or resubmit, or saved as an
    amendment after an approval. Only such versions are shown to the receiving side and observers.

    ``justification`` is the sending officer's written reason for going ahead despite pre-check
    errors, kept with the version it was written for and shown to the receiving side.
    """

    __tablename__ = "version_submissions"
    __table_args__ = (Index(None, "request_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    version: Mapped[int] = mapped_column(Integer)  # RequestVersion.number
    #: submit, resubmit, material_amendment or non_material_amendment.
    action: Mapped[Action] = mapped_column(enum_column(Action, "action"))
    justification: Mapped[str | None] = mapped_column(Text)
    submitted_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MessageKind(StrEnum):
    QUESTION = "question"
    ANSWER = "answer"


class RequestMessage(AppendOnly, Base):
    """One message of a request's conversation: the receiving side's questions, the sending side's answers."""

    __tablename__ = "request_messages"
    __table_args__ = (Index(None, "request_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True, default=_public_id)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    kind: Mapped[MessageKind] = mapped_column(enum_column(MessageKind, "kind"))
    text: Mapped[str] = mapped_column(Text)
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    reply_by: Mapped[datetime | None] = mapped_column(UTCDateTime)
    in_reply_to: Mapped[int | None] = mapped_column(ForeignKey("request_messages.id"))
    #: The version current when the message was written (an answer "since the question" is later).
    version: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class VersionArrival(AppendOnly, Base):
    """A leg of a version arriving in the receiving country, on its local day (for daily caps).

    Denormalised from the version's content by the service that writes the version, so
    that counting a day's load is one indexed query rather than reading every document.
    ``passengers`` is the version's returnees on the first such leg and 0 on later ones:
    caps count returnees once, on the day of the first arrival.
    """

    __tablename__ = "version_arrivals"

    version_id: Mapped[int] = mapped_column(ForeignKey("request_versions.id"), primary_key=True)
    leg_index: Mapped[int] = mapped_column(Integer, primary_key=True)  # position in the request's legs
    airport: Mapped[str] = mapped_column(String(4))  # ICAO code
    local_date: Mapped[date] = mapped_column(Date, index=True)
    passengers: Mapped[int] = mapped_column(Integer, default=0)


class Decision(Base):
    """What the receiving side decided on one version, and why."""

    __tablename__ = "decisions"
    __table_args__ = (Index(None, "request_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    version: Mapped[int] = mapped_column(Integer)  # RequestVersion.number decided on
    #: approve, approve_restricted, request_info, deny or revoke.
    action: Mapped[Action] = mapped_column(enum_column(Action, "action"))
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str | None] = mapped_column(Text)  # questions, conditions, or OTHER's explanation
    #: ``{"excluded_seqs": [4, 9], "conditions": "..."}`` for approve_restricted.
    restrictions: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reply_by: Mapped[datetime | None] = mapped_column(UTCDateTime)  # request_info only
    #: Compact JWS over the decision, and the key that signed it (None until signed).
    signature: Mapped[str | None] = mapped_column(Text)
    key_id: Mapped[str | None] = mapped_column(String(64))
    decided_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Clearance(Base):
    """A clearance number and its signed token, for one version of a request.

    Only ``status`` changes: a material amendment supersedes it, a revocation revokes it.
    """

    __tablename__ = "clearances"
    __table_args__ = (
        # A request has at most one clearance that verifies as current.
        Index(
            "uq_clearances_current",
            "request_id",
            unique=True,
            sqlite_where=sql_text("status = 'current'"),
            postgresql_where=sql_text("status = 'current'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    number: Mapped[str] = mapped_column(String(64), unique=True)
    token: Mapped[str] = mapped_column(Text)  # compact JWS, verifiable offline
    key_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[ClearanceStatus] = mapped_column(
        enum_column(ClearanceStatus, "status"), default=ClearanceStatus.CURRENT
    )
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class FlightEvent(Base):
    """A departure or an arrival as it happened."""

    __tablename__ = "flight_events"
    __table_args__ = (UniqueConstraint("request_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    kind: Mapped[FlightEventKind] = mapped_column(enum_column(FlightEventKind, "kind"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)  # the actual time
    actual_registration: Mapped[str | None] = mapped_column(String(16))
    #: Another aircraft than the cleared one: flagged to both sides at once.
    registration_mismatch: Mapped[bool] = mapped_column(Boolean, default=False)
    #: A departure outside the clearance's validity window: flagged to both sides at once.
    outside_validity: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReceptionRecord(Base):
    """Whether one manifested person (by ``seq``) was received."""

    __tablename__ = "reception_records"
    __table_args__ = (UniqueConstraint("request_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("clearance_requests.id"))
    seq: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[ReceptionOutcome] = mapped_column(enum_column(ReceptionOutcome, "outcome"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
