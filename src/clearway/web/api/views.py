"""How requests, versions and findings look in the API: response models and their rendering.

Reading only: what a route may show was decided by the service that found the request
(``access.find_request``); these functions lay out what it found.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from clearway.domain.workflow import Action, State
from clearway.services import conversation
from clearway.services.access import shown_version, visible
from clearway.services.actor import Actor
from clearway.services.precheck import finding_message
from clearway.services.requests import justifications, version_row
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    Decision,
    FlightEvent,
    ReceptionRecord,
    RequestVersion,
)


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


def safeguards(content: dict[str, Any]) -> Safeguards:
    """Counts from a version's content that name no one."""
    passengers = content.get("passengers", [])
    people = content.get("flight", {}).get("people", {})
    groups = {str(row.get("family_group", "")).strip() for row in passengers} - {""}
    return Safeguards(
        passengers=len(passengers),
        medical_escort_needed=sum(1 for row in passengers if str(row.get("medical_escort", "")).strip().upper() == "Y"),
        family_groups=len(groups),
        escorts=int(people.get("escorts", 0)),
        medical_staff=int(people.get("medical_staff", 0)),
        monitors=int(people.get("monitors", 0)),
    )


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


def version_summary(version: RequestVersion, justification: str | None = None) -> VersionSummary:
    """``justification``: the override written when the version was submitted, if any."""
    agreement = (
        AgreementRef(id=version.agreement_code, version=version.agreement_version)
        if version.agreement_code is not None and version.agreement_version is not None
        else None
    )
    return VersionSummary(
        number=version.number,
        created_at=version.created_at,
        based_on_version=version.based_on_version,
        agreement=agreement,
        override_justification=justification or version.override_justification,
        manifest_hash=version.manifest_hash,
        passenger_count=len(version.content.get("passengers", [])),
        finding_counts=finding_counts(version.findings),
    )


def summary(session: Session, actor: Actor, request: ClearanceRequest) -> RequestSummary:
    return RequestSummary(**_summary_fields(session, actor, request))


def _summary_fields(session: Session, actor: Actor, request: ClearanceRequest) -> dict[str, Any]:
    # The fields of services.requests.request_summary, kept as datetimes rather than text.
    copied_from = None
    if request.copied_from_id is not None:
        # request_summary leaves copied_from empty; the source is named only to those who may see it.
        copied_from = session.scalar(
            select(ClearanceRequest.public_id).where(ClearanceRequest.id == request.copied_from_id, visible(actor))
        )
    return {
        "id": request.public_id,
        "reference": request.reference,
        "receiving_country": request.receiving_country,
        "state": str(request.state),
        # The version this caller is shown: never a draft to the receiving side or an observer.
        "current_version": shown_version(actor, request),
        "copied_from": copied_from,
        "created_at": request.created_at,
        "updated_at": request.updated_at,
    }


#: States a request is in once its flight has left; only these can have flight events.
_FLOWN = frozenset({State.DEPARTED, State.ARRIVED, State.CLOSED})
_APPROVALS = frozenset({Action.APPROVE, Action.APPROVE_RESTRICTED})


#: Built once: run on every read of a submitted request.
_DECISIONS_OF_REQUEST = (
    select(Decision).where(Decision.request_id == bindparam("request_id")).order_by(Decision.decided_at, Decision.id)
)


def detail(
    session: Session, actor: Actor, request: ClearanceRequest, lang: str, version: RequestVersion | None = None
) -> RequestDetail:
    """Everything both sides see about one request: state, current version, decisions, clearance, events.

    ``version`` is the request's current version when the caller has read it already.
    A table is read only when the request's state says it can hold rows for it (no decision
    before a submission, no clearance before an approval...): this is the API's hottest read.
    """
    if version is None:
        version = version_row(session, request, shown_version(actor, request))
    decisions: Sequence[Decision] = ()
    messages: list[conversation.Message] = []
    written: dict[int, str] = {}
    if request.ever_submitted:
        decisions = session.scalars(_DECISIONS_OF_REQUEST, {"request_id": request.id}).all()
        messages = conversation.messages_of(session, request)
        written = justifications(session, request)
    last_decided = next((row.version for row in reversed(decisions) if row.action is not Action.REVOKE), None)
    clearance = None
    if any(decision.action in _APPROVALS for decision in decisions):
        clearance = session.scalars(
            select(Clearance)
            .where(Clearance.request_id == request.id)
            .order_by(Clearance.issued_at.desc(), Clearance.id.desc())
            .limit(1)
        ).first()
    events: Sequence[FlightEvent] = ()
    if request.state in _FLOWN:
        events = session.scalars(
            select(FlightEvent).where(FlightEvent.request_id == request.id).order_by(FlightEvent.at, FlightEvent.id)
        ).all()
    reception: Sequence[ReceptionRecord] = ()
    if request.state is State.CLOSED:
        reception = session.scalars(
            select(ReceptionRecord).where(ReceptionRecord.request_id == request.id).order_by(ReceptionRecord.seq)
        ).all()
    return RequestDetail(
        **_summary_fields(session, actor, request),
        version=version_summary(version, written.get(version.number)),
        flight=version.content["flight"],
        safeguards=safeguards(version.content),
        findings=findings(version.findings, lang),
        decisions=[_decision(row) for row in decisions],
        last_decided_version=last_decided,
        conversation=[message(item) for item in messages],
        cancel_reason=request.cancel_reason,
        clearance=_clearance(clearance) if clearance is not None else None,
        events=[
            FlightEventOut(
                kind=str(event.kind),
                at=event.at,
                actual_registration=event.actual_registration,
                registration_mismatch=event.registration_mismatch,
                outside_validity=event.outside_validity,
                recorded_at=event.recorded_at,
            )
            for event in events
        ],
        registration_mismatch=any(event.registration_mismatch for event in events),
        departure_outside_validity=any(event.outside_validity for event in events),
        reception=[ReceptionOut(seq=row.seq, outcome=str(row.outcome)) for row in reception],
    )


def _decision(row: Decision) -> DecisionOut:
    restrictions = (
        Restrictions(
            excluded_seqs=list(row.restrictions.get("excluded_seqs", [])),
            conditions=row.restrictions.get("conditions", ""),
        )
        if row.restrictions
        else None
    )
    return DecisionOut(
        action=str(row.action),
        version=row.version,
        reason_codes=list(row.reason_codes or []),
        text=row.text,
        restrictions=restrictions,
        reply_by=row.reply_by,
        decided_at=row.decided_at,
    )


def _clearance(row: Clearance) -> ClearanceOut:
    return ClearanceOut(
        number=row.number,
        token=row.token,
        status=str(row.status),
        version=row.version,
        key_id=row.key_id,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        issued_at=row.issued_at,
    )
