"""How requests, versions and findings look in the API: response models and their rendering.

Reading only: what a route may show was decided, and read, by the services
(``services.request_views``); these functions lay out the typed views they return.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from clearway.services import conversation, request_views
from clearway.services.precheck import finding_message


class Finding(BaseModel):
    code: str = Field(description="Stable finding code (spec/findings.md).")
    severity: str = Field(description="error, warning or info.")
    scope: str
    seq: int | None = Field(description="The passenger's seq, for a passenger finding.")
    field: str | None
    message: str | None = Field(
        description="In the caller's language. None for a passenger finding outside the version view, "
        "whose message names the person (the version view writes the access log)."
    )
    details: dict[str, Any]


class Message(BaseModel):
    """One message of the request's conversation."""

    id: str
    kind: str = Field(description="question (receiving side) or answer (sending side).")
    text: str
    reason_codes: list[str]
    reply_by: datetime | None
    in_reply_to: str | None = Field(description="The question an answer replies to.")
    author: str
    organisation: str
    at: datetime


class Safeguards(BaseModel):
    """What the receiving side plans reception around, without naming anyone."""

    passengers: int
    medical_escort_needed: int = Field(description="Passengers marked medical_escort=Y.")
    family_groups: int
    escorts: int
    medical_staff: int
    monitors: int


class FindingCounts(BaseModel):
    error: int
    warning: int
    info: int


class AgreementRef(BaseModel):
    id: str
    version: int


class VersionSummary(BaseModel):
    number: int
    created_at: datetime
    based_on_version: int | None
    agreement: AgreementRef | None = Field(description="The agreement version the pre-check judged it by.")
    override_justification: str | None = Field(description="Why it was submitted despite pre-check errors.")
    manifest_hash: str
    passenger_count: int
    finding_counts: FindingCounts


class RequestSummary(BaseModel):
    id: str
    reference: str
    receiving_country: str
    state: str
    current_version: int
    copied_from: str | None = Field(description="The request this one was copied from, when the caller sees it.")
    created_at: datetime
    updated_at: datetime


class NewState(BaseModel):
    state: str = Field(description="The request's state after the call.")


class Restrictions(BaseModel):
    excluded_seqs: list[int]
    conditions: str


class DecisionOut(BaseModel):
    action: str
    version: int
    reason_codes: list[str]
    text: str | None
    restrictions: Restrictions | None
    reply_by: datetime | None
    decided_at: datetime


class ClearanceOut(BaseModel):
    number: str
    token: str = Field(description="Compact JWS, verifiable offline with the issuer's public key.")
    status: str = Field(description="current, superseded or revoked.")
    version: int
    key_id: str
    valid_from: datetime
    valid_until: datetime
    issued_at: datetime


class FlightEventOut(BaseModel):
    kind: str
    at: datetime
    actual_registration: str | None
    registration_mismatch: bool
    outside_validity: bool = Field(description="A departure outside the clearance's validity window.")
    recorded_at: datetime


class ReceptionOut(BaseModel):
    seq: int
    outcome: str


class RequestDetail(RequestSummary):
    version: VersionSummary
    flight: dict[str, Any] = Field(description="The current version's flight, as in a request file.")
    safeguards: Safeguards
    findings: list[Finding] = Field(
        description="The pre-check findings of the current version (passenger findings: code and seq only)."
    )
    decisions: list[DecisionOut]
    last_decided_version: int | None = Field(description="The version the receiving side last decided on.")
    conversation: list[Message] = Field(description="Questions and answers, oldest first.")
    cancel_reason: str | None = Field(description="Why the sending side cancelled.")
    clearance: ClearanceOut | None = Field(description="The latest clearance issued, whatever its status.")
    events: list[FlightEventOut]
    registration_mismatch: bool = Field(description="The aircraft that departed is not the one cleared.")
    departure_outside_validity: bool = Field(description="It departed outside the clearance's validity window.")
    reception: list[ReceptionOut]


PASSENGER_SCOPE = "passenger"


def findings(stored: list[dict[str, Any]], lang: str, *, personal_data: bool = False) -> list[Finding]:
    """Stored findings with the message rendered now in ``lang``.

    Without ``personal_data`` (every view but the logged version view) a passenger finding
    shows only its code, seq and field: its message and details name the person.
    """
    shown = []
    for item in stored:
        private = item["scope"] == PASSENGER_SCOPE and not personal_data
        shown.append(
            Finding(
                code=item["code"],
                severity=item["severity"],
                scope=item["scope"],
                seq=item.get("seq"),
                field=item.get("field"),
                message=None if private else finding_message(item, lang),
                details={} if private else item.get("details") or {},
            )
        )
    return shown


def message(item: conversation.Message) -> Message:
    return Message(
        id=item.id,
        kind=item.kind,
        text=item.text,
        reason_codes=list(item.reason_codes),
        reply_by=item.reply_by,
        in_reply_to=item.in_reply_to,
        author=item.author,
        organisation=item.organisation,
        at=item.at,
    )


SEVERITIES = ("error", "warning", "info")


def finding_counts(stored: list[dict[str, Any]]) -> FindingCounts:
    severities = [item["severity"] for item in stored]
    return FindingCounts(**{severity: severities.count(severity) for severity in SEVERITIES})


def agreement_ref(ref: request_views.AgreementRef | None) -> AgreementRef | None:
    return AgreementRef(id=ref.id, version=ref.version) if ref is not None else None


def version_summary(version: request_views.VersionView) -> VersionSummary:
    return VersionSummary(
        number=version.number,
        created_at=version.created_at,
        based_on_version=version.based_on_version,
        agreement=agreement_ref(version.agreement),
        override_justification=version.override_justification,
        manifest_hash=version.manifest_hash,
        passenger_count=version.passenger_count,
        finding_counts=finding_counts(version.findings),
    )


def summary(view: request_views.RequestSummaryView) -> RequestSummary:
    return RequestSummary(**_summary_fields(view))


def _summary_fields(view: request_views.RequestSummaryView) -> dict[str, Any]:
    return {
        "id": view.id,
        "reference": view.reference,
        "receiving_country": view.receiving_country,
        "state": view.state,
        "current_version": view.current_version,
        "copied_from": view.copied_from,
        "created_at": view.created_at,
        "updated_at": view.updated_at,
    }


def detail(view: request_views.RequestDetailView, lang: str) -> RequestDetail:
    """Everything both sides see about one request, laid out; findings rendered in ``lang``."""
    return RequestDetail(
        **_summary_fields(view.summary),
        version=version_summary(view.version),
        flight=view.version.flight,
        safeguards=Safeguards(**asdict(view.safeguards)),
        findings=findings(view.version.findings, lang),
        decisions=[_decision(row) for row in view.decisions],
        last_decided_version=view.last_decided_version,
        conversation=[message(item) for item in view.conversation],
        cancel_reason=view.cancel_reason,
        clearance=_clearance(view.clearance) if view.clearance is not None else None,
        events=[
            FlightEventOut(
                kind=event.kind,
                at=event.at,
                actual_registration=event.actual_registration,
                registration_mismatch=event.registration_mismatch,
                outside_validity=event.outside_validity,
                recorded_at=event.recorded_at,
            )
            for event in view.events
        ],
        registration_mismatch=view.registration_mismatch,
        departure_outside_validity=view.departure_outside_validity,
        reception=[ReceptionOut(seq=row.seq, outcome=row.outcome) for row in view.reception],
    )


def _decision(row: request_views.DecisionView) -> DecisionOut:
    restrictions = (
        Restrictions(excluded_seqs=row.restrictions.excluded_seqs, conditions=row.restrictions.conditions)
        if row.restrictions is not None
        else None
    )
    return DecisionOut(
        action=row.action,
        version=row.version,
        reason_codes=row.reason_codes,
        text=row.text,
        restrictions=restrictions,
        reply_by=row.reply_by,
        decided_at=row.decided_at,
    )


def _clearance(row: request_views.ClearanceView) -> ClearanceOut:
    return ClearanceOut(
        number=row.number,
        token=row.token,
        status=row.status,
        version=row.version,
        key_id=row.key_id,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        issued_at=row.issued_at,
    )
