"""Requests as the API shows them: typed views of a request, its versions and what happened to it.

The queries behind ``GET /requests/{id}`` (and every route that answers with a request or a
version) live here, so that the web edge only lays out what these views hold. What an actor
may see was decided by ``services.access``; a view never holds more than that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from clearway.domain.snapshot import RequestSnapshot
from clearway.domain.workflow import Action, Permission, State
from clearway.services import access, conversation, requests
from clearway.services.actor import Actor
from clearway.services.precheck import precheck_snapshot, stored_findings
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    Decision,
    FlightEvent,
    ReceptionRecord,
    RequestVersion,
    utcnow,
)

#: A stored finding (``services.precheck.stored_findings``): code, severity, scope, seq, field, details.
StoredFinding = dict[str, Any]


@dataclass(frozen=True)
class AgreementRef:
    id: str
    version: int


@dataclass(frozen=True)
class VersionView:
    """One version without its personal data laid out (``content`` holds it; the caller picks)."""

    number: int
    created_at: datetime
    based_on_version: int | None
    agreement: AgreementRef | None
    override_justification: str | None
    manifest_hash: str
    passenger_count: int
    findings: list[StoredFinding]
    content: dict[str, Any]

    @property
    def flight(self) -> dict[str, Any]:
        flight: dict[str, Any] = self.content["flight"]
        return flight

    @property
    def passengers(self) -> list[dict[str, Any]]:
        passengers: list[dict[str, Any]] = self.content["passengers"]
        return passengers


@dataclass(frozen=True)
class RequestSummaryView:
    id: str
    reference: str
    receiving_country: str
    state: str
    current_version: int  # the version this viewer is shown as current
    copied_from: str | None  # only when the viewer may see the source
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Safeguards:
    """What the receiving side plans reception around, without naming anyone."""

    passengers: int
    medical_escort_needed: int
    family_groups: int
    escorts: int
    medical_staff: int
    monitors: int


@dataclass(frozen=True)
class Restrictions:
    excluded_seqs: list[int]
    conditions: str


@dataclass(frozen=True)
class DecisionView:
    action: str
    version: int
    reason_codes: list[str]
    text: str | None
    restrictions: Restrictions | None
    reply_by: datetime | None
    decided_at: datetime


@dataclass(frozen=True)
class ClearanceView:
    number: str
    token: str
    status: str
    version: int
    key_id: str
    valid_from: datetime
    valid_until: datetime
    issued_at: datetime


@dataclass(frozen=True)
class FlightEventView:
    kind: str
    at: datetime
    actual_registration: str | None
    registration_mismatch: bool
    outside_validity: bool
    recorded_at: datetime


@dataclass(frozen=True)
class ReceptionView:
    seq: int
    outcome: str


@dataclass(frozen=True)
class RequestDetailView:
    """Everything both sides see about one request."""

    summary: RequestSummaryView
    version: VersionView
    safeguards: Safeguards
    decisions: list[DecisionView]
    last_decided_version: int | None
    conversation: list[conversation.Message]
    cancel_reason: str | None
    clearance: ClearanceView | None
    events: list[FlightEventView]
    reception: list[ReceptionView]

    @property
    def registration_mismatch(self) -> bool:
        return any(event.registration_mismatch for event in self.events)

    @property
    def departure_outside_validity(self) -> bool:
        return any(event.outside_validity for event in self.events)


@dataclass(frozen=True)
class RequestPage:
    items: list[RequestSummaryView]
    total: int


@dataclass(frozen=True)
class SavedVersion:
    request: RequestSummaryView
    version: VersionView
    material_reasons: list[str]


@dataclass(frozen=True)
class PrecheckView:
    findings: list[StoredFinding]
    agreement: AgreementRef | None


def version_view(version: RequestVersion, justification: str | None = None) -> VersionView:
    """``justification``: the override written when the version was submitted, if any."""
    agreement = (
        AgreementRef(id=version.agreement_code, version=version.agreement_version)
        if version.agreement_code is not None and version.agreement_version is not None
        else None
    )
    return VersionView(
        number=version.number,
        created_at=version.created_at,
        based_on_version=version.based_on_version,
        agreement=agreement,
        override_justification=justification or version.override_justification,
        manifest_hash=version.manifest_hash,
        passenger_count=len(version.content.get("passengers", [])),
        findings=version.findings,
        content=version.content,
    )


def summary_view(session: Session, actor: Actor, request: ClearanceRequest) -> RequestSummaryView:
    """The request's summary as this actor is shown it."""
    copied_from = None
    if request.copied_from_id is not None:
        # The source is named only to those who may see it.
        copied_from = session.scalar(
            select(ClearanceRequest.public_id).where(
                ClearanceRequest.id == request.copied_from_id, access.visible(actor)
            )
        )
    return RequestSummaryView(
        id=request.public_id,
        reference=request.reference,
        receiving_country=request.receiving_country,
        state=str(request.state),
        # The version this caller is shown: never a draft to the receiving side or an observer.
        current_version=access.shown_version(actor, request),
        copied_from=copied_from,
        created_at=request.created_at,
        updated_at=request.updated_at,
    )


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


#: States a request is in once its flight has left; only these can have flight events.
_FLOWN = frozenset({State.DEPARTED, State.ARRIVED, State.CLOSED})
_APPROVALS = frozenset({Action.APPROVE, Action.APPROVE_RESTRICTED})

#: Built once: run on every read of a submitted request.
_DECISIONS_OF_REQUEST = (
    select(Decision).where(Decision.request_id == bindparam("request_id")).order_by(Decision.decided_at, Decision.id)
)


def detail_view(
    session: Session, actor: Actor, request: ClearanceRequest, version: RequestVersion | None = None
) -> RequestDetailView:
    """Everything both sides see about a request the actor may see (``access.find_request``).

    ``version`` is the request's current version when the caller has read it already.
    A table is read only when the request's state says it can hold rows for it (no decision
    before a submission, no clearance before an approval...): this is the API's hottest read.
    """
    if version is None:
        version = requests.version_row(session, request, access.shown_version(actor, request))
    decisions: Sequence[Decision] = ()
    messages: list[conversation.Message] = []
    written: dict[int, str] = {}
    if request.ever_submitted:
        decisions = session.scalars(_DECISIONS_OF_REQUEST, {"request_id": request.id}).all()
        messages = conversation.messages_of(session, request)
        written = requests.justifications(session, request)
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
    return RequestDetailView(
        summary=summary_view(session, actor, request),
        version=version_view(version, written.get(version.number)),
        safeguards=safeguards(version.content),
        decisions=[_decision(row) for row in decisions],
        last_decided_version=last_decided,
        conversation=messages,
        cancel_reason=request.cancel_reason,
        clearance=_clearance(clearance) if clearance is not None else None,
        events=[
            FlightEventView(
                kind=str(event.kind),
                at=event.at,
                actual_registration=event.actual_registration,
                registration_mismatch=event.registration_mismatch,
                outside_validity=event.outside_validity,
                recorded_at=event.recorded_at,
            )
            for event in events
        ],
        reception=[ReceptionView(seq=row.seq, outcome=str(row.outcome)) for row in reception],
    )


def _decision(row: Decision) -> DecisionView:
    restrictions = (
        Restrictions(
            excluded_seqs=list(row.restrictions.get("excluded_seqs", [])),
            conditions=row.restrictions.get("conditions", ""),
        )
        if row.restrictions
        else None
    )
    return DecisionView(
        action=str(row.action),
        version=row.version,
        reason_codes=list(row.reason_codes or []),
        text=row.text,
        restrictions=restrictions,
        reply_by=row.reply_by,
        decided_at=row.decided_at,
    )


def _clearance(row: Clearance) -> ClearanceView:
    return ClearanceView(
        number=row.number,
        token=row.token,
        status=str(row.status),
        version=row.version,
        key_id=row.key_id,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        issued_at=row.issued_at,
    )


# The use cases, each as a route calls it: one call, one typed view back.


def read_request(session: Session, actor: Actor, public_id: str) -> RequestDetailView:
    """``GET /requests/{id}``: the request and the version the actor is shown, read in one query."""
    found, version = access.find_request_with_version(session, actor, public_id)
    return detail_view(session, actor, found, version)


def create_request(session: Session, actor: Actor, snapshot: RequestSnapshot) -> RequestDetailView:
    """``requests.create_request``, answered as the new draft's detail."""
    return detail_view(session, actor, requests.create_request(session, actor, snapshot))


def copy_request(session: Session, actor: Actor, public_id: str, reference: str | None) -> RequestDetailView:
    """``requests.copy_request``, answered as the new draft's detail."""
    return detail_view(session, actor, requests.copy_request(session, actor, public_id, reference))


def list_requests(
    session: Session,
    actor: Actor,
    *,
    state: State | None = None,
    reference: str | None = None,
    receiving_country: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> RequestPage:
    """``requests.list_requests`` as summaries, with the total over all pages."""
    rows, total = requests.list_requests(
        session,
        actor,
        state=state,
        reference=reference,
        receiving_country=receiving_country,
        limit=limit,
        offset=offset,
    )
    return RequestPage(items=[summary_view(session, actor, row) for row in rows], total=total)


def precheck_next_version(session: Session, actor: Actor, public_id: str, body: dict[str, Any]) -> PrecheckView:
    """The findings ``body`` (a version's content as JSON) would have as the request's next
    version; nothing is stored."""
    snapshot = requests.snapshot_from_body(body)
    found = access.find_request(session, actor, public_id)
    actor.require(Permission.REQUEST_CREATE)
    # Judged as saving it would be (services.requests._save_version): at this moment, not at a
    # submitted_at the body may carry, with this request's own arrivals left out of the caps.
    checked = replace(snapshot, flight=replace(snapshot.flight, submitted_at=None))
    result = precheck_snapshot(session, checked, sending_org_id=found.sending_org_id, at=utcnow(), request_id=found.id)
    judged_by = result.agreement
    agreement = AgreementRef(id=judged_by.id, version=judged_by.version) if judged_by else None
    return PrecheckView(findings=stored_findings(result), agreement=agreement)


def save_version(
    session: Session,
    actor: Actor,
    public_id: str,
    based_on: int,
    snapshot: RequestSnapshot,
    *,
    justification: str | None = None,
) -> SavedVersion:
    """``requests.save_edit``: the request and the version saved, with the material reasons."""
    request, version, reasons = requests.save_edit(
        session, actor, public_id, based_on, snapshot, justification=justification
    )
    return SavedVersion(
        request=summary_view(session, actor, request),
        version=version_view(version, justification),
        material_reasons=reasons,
    )


def list_versions(session: Session, actor: Actor, public_id: str) -> list[VersionView]:
    """Every version the actor may see, oldest first, with the override written for each."""
    request, versions = requests.list_versions(session, actor, public_id)
    written = requests.justifications(session, request)
    return [version_view(version, written.get(version.number)) for version in versions]


def read_version(session: Session, actor: Actor, public_id: str, number: int) -> VersionView:
    """``requests.read_version``: one version with its personal data (the view is logged)."""
    request, version = requests.read_version(session, actor, public_id, number)
    written = requests.justifications(session, request)
    return version_view(version, written.get(version.number))
