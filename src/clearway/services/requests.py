"""Clearance requests: create, save versions (edit, amend), copy, read, list and compare."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.agreements import Agreement
from clearway.domain.audit_events import Amended, MaterialAmendment, RequestCopied, RequestCreated, VersionSaved
from clearway.domain.diff import VersionDiff, diff_versions
from clearway.domain.material import classify_change
from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.precheck import PrecheckResult
from clearway.domain.snapshot import (
    Passenger,
    RequestSnapshot,
    canonical_json,
    from_document,
    manifest_hash,
    to_document,
)
from clearway.domain.workflow import APPROVED_STATES, Action, OrgKind, Permission, State, next_state
from clearway.formats.request import parse_request
from clearway.formats.structured import Reader
from clearway.services import audit
from clearway.services.access import (
    find_request,
    log_personal_data_view,
    may_see_version,
    require_personal_data,
    shared_versions,
    shown_version,
    visible,
)
from clearway.services.actor import Actor
from clearway.services.errors import Conflict, Forbidden, Invalid, NotFound
from clearway.services.precheck import arrivals_of, has_errors, precheck_snapshot, stored_findings
from clearway.services.snapshot_cache import PARSED_SNAPSHOTS
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    ClearanceStatus,
    Decision,
    RequestVersion,
    VersionSubmission,
    utcnow,
)

#: States in which the sending side may save a new version.
EDITABLE_STATES = frozenset({State.DRAFT, State.INFO_REQUESTED, *APPROVED_STATES})
MAX_PAGE = 200


#: Keys of a version document as ``GET .../versions/{n}`` returns it that describe the stored
#: flight rather than being part of a request file: read back as what they record.
_FLIGHT_BOOKKEEPING = "unknown_keys"


def snapshot_from_body(body: dict[str, Any]) -> RequestSnapshot:
    """A version's content from the API's JSON: ``flight`` as in a request file, ``passengers``
    as manifest rows (values kept exactly as written; unknown columns kept verbatim).

    A version document as the API returns it reads back to the same content: a passenger's
    ``extra`` holds its unknown columns, the flight's ``unknown_keys`` the keys it had.
    """
    flight_document = body.get("flight")
    if not isinstance(flight_document, dict):
        raise Invalid("service.body_flight_missing", field="flight")
    flight_document = dict(flight_document)
    recorded_unknown = flight_document.pop(_FLIGHT_BOOKKEEPING, None)
    if flight_document.get("submitted_at") is None:  # a version document's null: not given
        flight_document.pop("submitted_at", None)
    flight = parse_request(flight_document, Reader(Path("flight"), "request"))
    if isinstance(recorded_unknown, list) and all(isinstance(key, str) for key in recorded_unknown):
        merged = tuple(dict.fromkeys([*flight.unknown_keys, *recorded_unknown]))
        flight = replace(flight, unknown_keys=merged)
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
            if name == "extra" and isinstance(value, dict):  # a passenger as a version document holds it
                for column, cell in value.items():
                    extra[str(column)] = _cell(cell, f"passengers[{index}].extra.{column}")
                continue
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
    if not actor.country:
        # The addressing is fixed at creation and names the sender's country: without one, none.
        raise Forbidden("service.sender_without_country")
    flight = snapshot.flight
    if flight.sending_authority.strip().upper() != actor.country:
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
    result: PrecheckResult | None = None,
) -> tuple[RequestVersion, Agreement | None]:
    if result is None:
        result = _judge(session, request, snapshot)
    document = to_document(snapshot)
    version = RequestVersion(
        request_id=request.id,
        number=request.current_version + 1,
        content=document,
        content_sha256=hashlib.sha256(canonical_json(document)).hexdigest(),
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


def _judge(session: Session, request: ClearanceRequest, snapshot: RequestSnapshot) -> PrecheckResult:
    # The pre-check judges the moment of saving, not a submitted_at the content may carry.
    checked = replace(snapshot, flight=replace(snapshot.flight, submitted_at=None))
    return precheck_snapshot(
        session, checked, sending_org_id=request.sending_org_id, at=utcnow(), request_id=request.id
    )


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
    """The version's content as the domain reads it; parsed once per process for versions that carry
    their content's hash (versions never change, so the same hash is the same snapshot)."""
    if version.content_sha256 is None:
        return from_document(version.content)
    return PARSED_SNAPSHOTS.get(version.content_sha256, lambda: from_document(version.content))


def save_edit(
    session: Session,
    actor: Actor,
    public_id: str,
    based_on: int,
    snapshot: RequestSnapshot,
    *,
    justification: str | None = None,
) -> tuple[ClearanceRequest, RequestVersion, list[str]]:
    """A new version from ``based_on``, which must be the current one (else ``Conflict`` naming it).

    The addressing (sending authority, receiving country) and the reference never change.
    After an approval the amendment is judged against the version last decided on (so small
    steps add up), and one that brings pre-check errors the decision did not see is material.
    A material amendment returns the request to ``submitted`` through the submission's gate
    (refused while the pre-check has errors, unless justified) and supersedes the clearance;
    a non-material one keeps the decision. Either is put before the receiving side. Returns
    the material reasons.
    """
    request = find_request(session, actor, public_id, for_update=True)
    actor.require(Permission.REQUEST_CREATE)
    if request.current_version != based_on:
        raise Conflict("service.stale_version", based_on=based_on, current=request.current_version)
    if request.state not in EDITABLE_STATES:
        raise Conflict("service.not_editable", state=str(request.state))
    if snapshot.flight.reference != request.reference:
        raise Invalid("service.reference_fixed", field="flight.reference", reference=request.reference)
    _check_addressing(snapshot_of(current_version(session, request)), snapshot)
    result = _judge(session, request, snapshot)
    findings = stored_findings(result)
    justification = (justification or "").strip() or None
    if request.state not in APPROVED_STATES:
        version, _ = _save_version(session, actor, request, snapshot, based_on=based_on, result=result)
        audit.record(session, actor, VersionSaved(), request=request, version=version.number)
        return request, version, []
    decided = version_row(session, request, last_decided_version(session, request) or based_on)
    tolerance = result.agreement.time_tolerance_minutes if result.agreement is not None else None
    change = classify_change(snapshot_of(decided), snapshot, tolerance)
    # "Brings new errors": judged now against the decided content judged now, so that an error
    # that time alone brings (a lead time that has become short) is not laid at the change's door.
    baseline = stored_findings(_judge(session, request, snapshot_of(decided)))
    reasons = list(change.reasons) + [f"new pre-check error: {code}" for code in new_errors(baseline, findings)]
    material = bool(reasons)
    if material and has_errors(findings) and justification is None:
        errors = sorted({item["code"] for item in findings if item["severity"] == "error"})
        raise Conflict("service.precheck_errors", count=len(errors), codes=", ".join(errors))
    version, _ = _save_version(
        session, actor, request, snapshot, based_on=based_on, justification=justification, result=result
    )
    action = Action.MATERIAL_AMENDMENT if material else Action.NON_MATERIAL_AMENDMENT
    request.state = next_state(request.state, action)
    if material:
        _supersede_clearances(session, request)
    share_version(session, actor, request, version.number, action, justification)
    amended = MaterialAmendment if material else Amended
    event = amended(reasons=tuple(reasons), compared_with=decided.number, justification=justification)
    audit.record(session, actor, event, request=request, version=version.number)
    return request, version, reasons


#: The addressing of a request: fixed when it is created (spec/workflow.md "Who sees what").
ADDRESSING_FIELDS = ("sending_authority", "receiving_country")


def _check_addressing(current: RequestSnapshot, new: RequestSnapshot) -> None:
    for name in ADDRESSING_FIELDS:
        fixed, given = getattr(current.flight, name), getattr(new.flight, name)
        if given.strip().upper() != fixed.strip().upper():
            raise Invalid("service.addressing_fixed", field=f"flight.{name}", value=fixed.strip().upper())


def last_decided_version(session: Session, request: ClearanceRequest) -> int | None:
    """The version the receiving side last decided on (a revocation is not a decision on a version)."""
    return session.scalar(
        select(Decision.version)
        .where(Decision.request_id == request.id, Decision.action != Action.REVOKE)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    )


def new_errors(decided: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[str]:
    """Error codes in ``now`` that the findings the decision saw did not have (by code, passenger, field)."""

    def errors(findings: list[dict[str, Any]]) -> set[tuple[str, Any, Any]]:
        return {(item["code"], item.get("seq"), item.get("field")) for item in findings if item["severity"] == "error"}

    seen = errors(decided)
    return sorted({code for code, seq, field in errors(now) - seen})


def share_version(
    session: Session,
    actor: Actor,
    request: ClearanceRequest,
    number: int,
    action: Action,
    justification: str | None = None,
) -> None:
    """Put version ``number`` before the receiving side (it is their current one from now on)."""
    session.add(
        VersionSubmission(
            request_id=request.id,
            version=number,
            action=action,
            justification=justification,
            submitted_by=actor.user_id,
        )
    )
    request.shared_version = number
    request.ever_submitted = True
    session.flush()


def justifications(session: Session, request: ClearanceRequest) -> dict[int, str]:
    """The latest override justification written for each version of the request."""
    rows = session.execute(
        select(VersionSubmission.version, VersionSubmission.justification)
        .where(VersionSubmission.request_id == request.id, VersionSubmission.justification.is_not(None))
        .order_by(VersionSubmission.id)
    )
    return {number: text for number, text in rows if text}


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


def visible_version(session: Session, actor: Actor, request: ClearanceRequest, number: int) -> RequestVersion:
    # A version never put before the receiving side answers, to them, as one that does not exist.
    if not may_see_version(session, actor, request, number):
        raise NotFound("service.version_not_found", request=request.public_id, version=number)
    return version_row(session, request, number)


def read_version(
    session: Session, actor: Actor, public_id: str, number: int | None = None
) -> tuple[ClearanceRequest, RequestVersion]:
    """A version with its personal data, if the actor may see both; the view goes to the access log."""
    request = find_request(session, actor, public_id)
    version = visible_version(session, actor, request, shown_version(actor, request) if number is None else number)
    require_personal_data(session, actor, request)
    log_personal_data_view(session, actor, request, version.number)
    return request, version


def list_versions(session: Session, actor: Actor, public_id: str) -> tuple[ClearanceRequest, list[RequestVersion]]:
    """The versions the actor may see, oldest first (no personal data)."""
    request = find_request(session, actor, public_id)
    query = select(RequestVersion).where(RequestVersion.request_id == request.id).order_by(RequestVersion.number)
    if actor.kind is not OrgKind.SENDING:
        query = query.where(RequestVersion.number.in_(shared_versions(session, request)))
    return request, list(session.scalars(query))


def compare(session: Session, actor: Actor, public_id: str, old: int | None, new: int | None) -> ComparedVersions:
    """The difference between two versions of one request (personal data: both views logged).

    ``old`` defaults to the version the receiving side last decided on, ``new`` to the
    actor's current one: the review screen's diff.
    """
    request = find_request(session, actor, public_id)
    new_number = new if new is not None else shown_version(actor, request)
    old_number = old if old is not None else last_decided_version(session, request)
    if old_number is None:
        raise Invalid("service.nothing_decided", field="from")
    newer = visible_version(session, actor, request, new_number)
    older = visible_version(session, actor, request, old_number)
    require_personal_data(session, actor, request)
    for number in sorted({older.number, newer.number}):
        log_personal_data_view(session, actor, request, number)
    return ComparedVersions(older.number, newer.number, diff_versions(snapshot_of(older), snapshot_of(newer)))


@dataclass(frozen=True)
class ComparedVersions:
    old: int
    new: int
    diff: VersionDiff


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
