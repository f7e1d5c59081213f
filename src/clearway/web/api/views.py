"""How requests, versions and findings look in the API: response models and their rendering.

Reading only: what a route may show was decided by the service that found the request
(``access.find_request``), and what is stored about it is read by ``services.request_detail``;
these functions lay it out. (They still take the store's rows as they come: typed views of
requests belong with the request services.)
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from clearway.i18n import DEFAULT_LANGUAGE
from clearway.services import request_detail
from clearway.services.actor import Actor
from clearway.services.database import Session
from clearway.store.models import Clearance, ClearanceRequest, Decision, RequestVersion


class Finding(BaseModel):
    code: str = Field(description="Stable finding code (spec/findings.md).")
    severity: str = Field(description="error, warning or info.")
    scope: str
    seq: int | None = Field(description="The passenger's seq, for a passenger finding.")
    field: str | None
    message: str = Field(description="In the caller's language.")
    details: dict[str, Any]


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
    recorded_at: datetime


class ReceptionOut(BaseModel):
    seq: int
    outcome: str


class RequestDetail(RequestSummary):
    version: VersionSummary
    findings: list[Finding] = Field(description="The pre-check findings of the current version.")
    decisions: list[DecisionOut]
    clearance: ClearanceOut | None = Field(description="The latest clearance issued, whatever its status.")
    events: list[FlightEventOut]
    registration_mismatch: bool = Field(description="The aircraft that departed is not the one cleared.")
    reception: list[ReceptionOut]


def findings(stored: list[dict[str, Any]], lang: str) -> list[Finding]:
    """Stored findings (messages in every language) with the message in ``lang``."""
    return [
        Finding(
            code=item["code"],
            severity=item["severity"],
            scope=item["scope"],
            seq=item.get("seq"),
            field=item.get("field"),
            message=item["message"].get(lang) or item["message"][DEFAULT_LANGUAGE],
            details=item.get("details") or {},
        )
        for item in stored
    ]


SEVERITIES = ("error", "warning", "info")


def finding_counts(stored: list[dict[str, Any]]) -> FindingCounts:
    severities = [item["severity"] for item in stored]
    return FindingCounts(**{severity: severities.count(severity) for severity in SEVERITIES})


def version_summary(version: RequestVersion) -> VersionSummary:
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
        override_justification=version.override_justification,
        manifest_hash=version.manifest_hash,
        passenger_count=len(version.content.get("passengers", [])),
        finding_counts=finding_counts(version.findings),
    )


def summary(session: Session, actor: Actor, request: ClearanceRequest) -> RequestSummary:
    return RequestSummary(**_summary_fields(request, request_detail.copied_from(session, actor, request)))


def _summary_fields(request: ClearanceRequest, copied_from: str | None) -> dict[str, Any]:
    # The fields of services.requests.request_summary, kept as datetimes rather than text.
    return {
        "id": request.public_id,
        "reference": request.reference,
        "receiving_country": request.receiving_country,
        "state": str(request.state),
        "current_version": request.current_version,
        "copied_from": copied_from,
        "created_at": request.created_at,
        "updated_at": request.updated_at,
    }


def detail(
    session: Session, actor: Actor, request: ClearanceRequest, lang: str, version: RequestVersion | None = None
) -> RequestDetail:
    """Everything both sides see about one request (``services.request_detail``), laid out."""
    record = request_detail.request_record(session, actor, request, version)
    return RequestDetail(
        **_summary_fields(request, record.copied_from),
        version=version_summary(record.version),
        findings=findings(record.version.findings, lang),
        decisions=[_decision(row) for row in record.decisions],
        clearance=_clearance(record.clearance) if record.clearance is not None else None,
        events=[
            FlightEventOut(
                kind=str(event.kind),
                at=event.at,
                actual_registration=event.actual_registration,
                registration_mismatch=event.registration_mismatch,
                recorded_at=event.recorded_at,
            )
            for event in record.events
        ],
        registration_mismatch=any(event.registration_mismatch for event in record.events),
        reception=[ReceptionOut(seq=row.seq, outcome=str(row.outcome)) for row in record.reception],
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
