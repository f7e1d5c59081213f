"""Clearance requests: create, save versions (edit, amend), copy, read, list and compare."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.agreements import Agreement
from clearway.domain.audit_events import Amended, MaterialAmendment, RequestCopied, RequestCreated, VersionSaved
from clearway.domain.diff import VersionDiff, diff_versions
from clearway.domain.material import classify_change
from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.snapshot import Passenger, RequestSnapshot, from_document, manifest_hash, to_document
from clearway.domain.workflow import APPROVED_STATES, Action, OrgKind, Permission, State, next_state
from clearway.formats.request import parse_request
from clearway.formats.structured import Reader
from clearway.services import audit
from clearway.services.access import find_request, log_personal_data_view, visible
from clearway.services.actor import Actor
from clearway.services.errors import Conflict, Forbidden, Invalid, NotFound
from clearway.services.precheck import arrivals_of, precheck_snapshot, stored_findings
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    ClearanceStatus,
    RequestVersion,
    utcnow,
)

#: States in which the sending side may save a new version.
EDITABLE_STATES = frozenset({State.DRAFT, State.INFO_REQUESTED, *APPROVED_STATES})
MAX_PAGE = 200


def snapshot_from_body(body: dict[str, Any]) -> RequestSnapshot:
    """A version's content from the API's JSON: ``flight`` as in a request file, ``passengers``
    as manifest rows (values kept exactly as written; unknown columns kept verbatim)."""
    flight_document = body.get("flight")
    if not isinstance(flight_document, dict):
        raise Invalid("service.body_flight_missing", field="flight")
    flight = parse_request(flight_document, Reader(Path("flight"), "request"))
    rows = body.get("passengers")
    if not isinstance(rows, list) or not rows:
        raise Invalid("service.body_passengers_missing", field="passengers")
    passengers = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise Invalid("service.body_passenger_not_object", field=f"passengers[{index}]")
        known: dict[str, str] = {}
        extra: dict[str, str] = {}
        for name, value in row.items():
            text = _cell(value, f"passengers[{index}].{name}")
            column = str(name).strip().lower()
            if column in MANIFEST_COLUMNS:
                known[column] = text
            else:
                extra[str(name)] = text
        passengers.append(Passenger.from_values(known, extra))
    return RequestSnapshot(flight=flight, passengers=tuple(passengers))


def _cell(value: Any, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise Invalid("service.body_value_type", field=field)
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise Invalid("service.body_value_type", field=field)


def create_request(session: Session, actor: Actor, snapshot: RequestSnapshot) -> ClearanceRequest:
    """A new draft (version 1) from the sending organisation, pre-checked."""
    actor.require(Permission.REQUEST_CREATE)
    if actor.kind is not OrgKind.SENDING:
        raise Forbidden("service.only_sending", role=str(actor.role))
    flight = snapshot.flight
    if actor.country and flight.sending_authority.strip().upper() != actor.country:
        raise Invalid("service.wrong_sender", field="flight.sending_authority", expected=actor.country)
    taken = session.scalar(
        select(func.count()).where(
            ClearanceRequest.sending_org_id == actor.organisation_id, ClearanceRequest.reference == flight.reference
        )
    )
    if taken:
        raise Conflict("service.reference_taken", reference=flight.reference)
    request = ClearanceRequest(
        sending_org_id=actor.organisation_id,
        reference=flight.reference,
        receiving_country=flight.receiving_country.strip().upper(),
        state=State.DRAFT,
        current_version=0,
        created_by=actor.user_id,
    )
    session.add(request)
    session.flush()
    version, _ = _save_version(session, actor, request, snapshot, based_on=None)
    audit.record(session, actor, RequestCreated(), request=request, version=version.number)
    return request


def _save_version(
    session: Session,
    actor: Actor,
    request: ClearanceRequest,
    snapshot: RequestSnapshot,
    *,
    based_on: int | None,
    justification: str | None = None,
) -> tuple[RequestVersion, Agreement | None]:
    # The pre-check judges the moment of saving, not a submitted_at the content may carry.
    checked = replace(snapshot, flight=replace(snapshot.flight, submitted_at=None))
    result = precheck_snapshot(
        session, checked, sending_org_id=request.sending_org_id, at=utcnow(), request_id=request.id
    )
    version = RequestVersion(
        request_id=request.id,
        number=request.current_version + 1,
        content=to_document(snapshot),
        manifest_hash=manifest_hash(snapshot),
        findings=stored_findings(result),
        agreement_code=result.agreement.id if result.agreement else None,
        agreement_version=result.agreement.version if result.agreement else None,
        based_on_version=based_on,
        override_justification=justification,
        created_by=actor.user_id,
    )
    session.add(version)
    session.flush()
    for arrival in arrivals_of(result, snapshot):
        arrival.version_id = version.id
        session.add(arrival)
    request.current_version = version.number
    request.updated_at = utcnow()
    session.flush()
    return version, result.agreement


def current_version(session: Session, request: ClearanceRequest) -> RequestVersion:
    return version_row(session, request, request.current_version)


def version_row(session: Session, request: ClearanceRequest, number: int) -> RequestVersion:
    found = session.scalars(
        select(RequestVersion).where(RequestVersion.request_id == request.id, RequestVersion.number == number)
    ).one_or_none()
    if found is None:
        raise NotFound("service.version_not_found", request=request.public_id, version=number)
    return found


def snapshot_of(version: RequestVersion) -> RequestSnapshot:
    return from_document(version.content)


def save_edit(
    session: Session, actor: Actor, public_id: str, based_on: int, snapshot: RequestSnapshot
) -> tuple[ClearanceRequest, RequestVersion, list[str]]:
    """A new version from ``based_on``, which must be the current one (else ``Conflict`` naming it).

    After an approval, a material change returns the request to ``submitted`` and supersedes
    the clearance; a non-material one keeps the decision. Returns the material reasons.
    """
    request = find_request(session, actor, public_id, for_update=True)
    actor.require(Permission.REQUEST_CREATE)
    if request.current_version != based_on:
        raise Conflict("service.stale_version", based_on=based_on, current=request.current_version)
    if request.state not in EDITABLE_STATES:
        raise Conflict("service.not_editable", state=str(request.state))
    if snapshot.flight.reference != request.reference:
        raise Invalid("service.reference_fixed", field="flight.reference", reference=request.reference)
    previous = current_version(session, request)
    version, agreement = _save_version(session, actor, request, snapshot, based_on=based_on)
    reasons: list[str] = []
    if request.state in APPROVED_STATES:
        tolerance = agreement.time_tolerance_minutes if agreement is not None else None
        change = classify_change(snapshot_of(previous), snapshot, tolerance)
        reasons = list(change.reasons)
        action = Action.MATERIAL_AMENDMENT if change.material else Action.NON_MATERIAL_AMENDMENT
        request.state = next_state(request.state, action)
        if change.material:
            _supersede_clearances(session, request)
        event = MaterialAmendment(tuple(reasons)) if change.material else Amended(tuple(reasons))
        audit.record(session, actor, event, request=request, version=version.number)
    else:
        audit.record(session, actor, VersionSaved(), request=request, version=version.number)
    return request, version, reasons


def _supersede_clearances(session: Session, request: ClearanceRequest) -> None:
    for clearance in session.scalars(
        select(Clearance).where(Clearance.request_id == request.id, Clearance.status == ClearanceStatus.CURRENT)
    ):
        clearance.status = ClearanceStatus.SUPERSEDED
        clearance.status_changed_at = utcnow()


def copy_request(session: Session, actor: Actor, public_id: str, reference: str | None) -> ClearanceRequest:
    """A new draft with the same flight and manifest, linked to the request it came from."""
    source = find_request(session, actor, public_id)
    actor.require(Permission.REQUEST_CREATE)
    if actor.kind is not OrgKind.SENDING:
        raise Forbidden("service.only_sending", role=str(actor.role))
    snapshot = snapshot_of(current_version(session, source))
    new_reference = reference or _free_reference(session, actor, source.reference)
    copied = replace(snapshot, flight=replace(snapshot.flight, reference=new_reference))
    request = create_request(session, actor, copied)
    request.copied_from_id = source.id
    audit.record(session, actor, RequestCopied(source=source.public_id), request=request, version=1)
    return request


def _free_reference(session: Session, actor: Actor, reference: str) -> str:
    for number in range(2, 1000):
        candidate = f"{reference}-{number}"
        taken = session.scalar(
            select(func.count()).where(
                ClearanceRequest.sending_org_id == actor.organisation_id, ClearanceRequest.reference == candidate
            )
        )
        if not taken:
            return candidate
    raise Conflict("service.reference_taken", reference=reference)


def read_version(
    session: Session, actor: Actor, public_id: str, number: int | None = None
) -> tuple[ClearanceRequest, RequestVersion]:
    """A version with its personal data; the view goes to the access log."""
    request = find_request(session, actor, public_id)
    version = version_row(session, request, request.current_version if number is None else number)
    if actor.may(Permission.PERSONAL_DATA_READ):
        log_personal_data_view(session, actor, request, version.number)
    else:
        raise Forbidden("service.forbidden", permission=str(Permission.PERSONAL_DATA_READ), role=str(actor.role))
    return request, version


def list_versions(session: Session, actor: Actor, public_id: str) -> tuple[ClearanceRequest, list[RequestVersion]]:
    request = find_request(session, actor, public_id)
    versions = session.scalars(
        select(RequestVersion).where(RequestVersion.request_id == request.id).order_by(RequestVersion.number)
    )
    return request, list(versions)


def compare(session: Session, actor: Actor, public_id: str, old: int, new: int) -> VersionDiff:
    """The difference between two versions of one request (personal data: logged as a view)."""
    request, newer = read_version(session, actor, public_id, new)
    older = version_row(session, request, old)
    log_personal_data_view(session, actor, request, older.number)
    return diff_versions(snapshot_of(older), snapshot_of(newer))


def list_requests(
    session: Session,
    actor: Actor,
    *,
    state: State | None = None,
    reference: str | None = None,
    receiving_country: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ClearanceRequest], int]:
    """The requests the actor may see, newest first, with the total for pagination."""
    actor.require(Permission.REQUEST_READ)
    conditions = [visible(actor)]
    if state is not None:
        conditions.append(ClearanceRequest.state == state)
    if reference:
        conditions.append(ClearanceRequest.reference == reference)
    if receiving_country:
        conditions.append(ClearanceRequest.receiving_country == receiving_country.strip().upper())
    total = session.scalar(select(func.count()).select_from(ClearanceRequest).where(*conditions)) or 0
    rows = session.scalars(
        select(ClearanceRequest)
        .where(*conditions)
        .order_by(ClearanceRequest.created_at.desc(), ClearanceRequest.id.desc())
        .limit(max(1, min(limit, MAX_PAGE)))
        .offset(max(0, offset))
    )
    return list(rows), total
