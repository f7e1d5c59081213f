"""Observer grants (spec/workflow.md "Who sees what"): read-only access for an observer
organisation to one request, or to the granting organisation's requests under one agreement,
with or without the manifest's personal data. Given and withdrawn by an admin of the sending
or receiving organisation, both audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import ObserverGranted, ObserverWithdrawn
from clearway.domain.workflow import OrgKind, Permission
from clearway.services import agreements, audit
from clearway.services.access import find_request
from clearway.services.actor import Actor
from clearway.services.errors import Forbidden, Invalid, NotFound
from clearway.services.requests import current_version
from clearway.store.models import ClearanceRequest, ObserverGrant, Organisation, utcnow


@dataclass(frozen=True)
class GrantTarget:
    """What a grant is for: one request (its public id) or one agreement (its id)."""

    observer_organisation: int | str  # the organisation's id or its exact name
    request_id: str | None = None
    agreement_id: str | None = None
    personal_data: bool = False


@dataclass(frozen=True)
class GrantView:
    id: int
    observer_organisation: str
    request_id: str | None
    agreement_id: str | None
    personal_data: bool
    granted_by_organisation: str | None
    granted_at: datetime
    withdrawn_at: datetime | None


def grant(session: Session, actor: Actor, target: GrantTarget) -> GrantView:
    """Give an observer read-only access; the same grant twice changes nothing."""
    actor.require(Permission.OBSERVERS_MANAGE)
    observer = _observer(session, target.observer_organisation)
    request, agreement_code, agreement_country = _target(session, actor, target)
    existing = _live(session, observer.id, request, agreement_code, actor)
    for row in existing:
        if row.personal_data == target.personal_data:
            return _view(session, row)
    for row in existing:  # another personal-data scope replaces the grant
        _withdraw(session, actor, row)
    row = ObserverGrant(
        observer_org_id=observer.id,
        request_id=request.id if request is not None else None,
        agreement_code=agreement_code,
        personal_data=target.personal_data,
        grantor_org_id=actor.organisation_id,
        covers_sending_org_id=actor.organisation_id if actor.kind is OrgKind.SENDING else None,
        covers_receiving_country=actor.country if actor.kind is OrgKind.RECEIVING else None,
        agreement_country=agreement_country,
        granted_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    event = ObserverGranted(
        grant=row.id, observer=observer.id, agreement=agreement_code, personal_data=target.personal_data
    )
    audit.record(session, actor, event, request=request)
    return _view(session, row)


def withdraw(session: Session, actor: Actor, target: GrantTarget) -> list[GrantView]:
    """Withdraw the actor's organisation's live grants to this observer for this target."""
    actor.require(Permission.OBSERVERS_MANAGE)
    observer = _observer(session, target.observer_organisation)
    request, agreement_code, _ = _target(session, actor, target)
    existing = _live(session, observer.id, request, agreement_code, actor)
    if not existing:
        raise NotFound("service.grant_not_found")
    for row in existing:
        _withdraw(session, actor, row)
    return [_view(session, row) for row in existing]


def grants_of_request(session: Session, actor: Actor, public_id: str) -> list[GrantView]:
    """The grants that let observers see this request: for it, or for its agreement by its parties."""
    request = find_request(session, actor, public_id)
    if actor.kind is OrgKind.OBSERVER:
        raise Forbidden("service.record_parties_only")
    code = current_version(session, request).agreement_code
    conditions = [ObserverGrant.request_id == request.id]
    if code is not None:
        conditions.append(
            (ObserverGrant.agreement_code == code)
            & (ObserverGrant.agreement_country == request.receiving_country)
            & or_(
                ObserverGrant.covers_sending_org_id == request.sending_org_id,
                ObserverGrant.covers_receiving_country == request.receiving_country,
            )
        )
    rows = session.scalars(select(ObserverGrant).where(or_(*conditions)).order_by(ObserverGrant.id))
    return [_view(session, row) for row in rows]


def _observer(session: Session, reference: int | str) -> Organisation:
    if isinstance(reference, int):
        found = session.get(Organisation, reference)
    else:
        found = session.scalars(select(Organisation).where(Organisation.name == reference.strip())).one_or_none()
    if found is None or found.kind is not OrgKind.OBSERVER:
        raise Invalid("service.not_an_observer", field="observer_organisation", value=str(reference))
    return found


def _target(
    session: Session, actor: Actor, target: GrantTarget
) -> tuple[ClearanceRequest | None, str | None, str | None]:
    if (target.request_id is None) == (target.agreement_id is None):
        raise Invalid("service.grant_scope", field="request_id")
    if target.request_id is not None:
        # The granting organisation must see the request: its sender, or its receiving side once submitted.
        return find_request(session, actor, target.request_id), None, None
    code = (target.agreement_id or "").strip()
    return None, code, agreements.receiving_country_of(session, code, actor.kind, actor.country)


def _live(
    session: Session, observer_id: int, request: ClearanceRequest | None, code: str | None, actor: Actor
) -> list[ObserverGrant]:
    query = select(ObserverGrant).where(
        ObserverGrant.observer_org_id == observer_id,
        ObserverGrant.revoked_at.is_(None),
        ObserverGrant.grantor_org_id == actor.organisation_id,
    )
    if request is not None:
        query = query.where(ObserverGrant.request_id == request.id)
    else:
        query = query.where(ObserverGrant.agreement_code == code)
    return list(session.scalars(query.order_by(ObserverGrant.id)))


def _withdraw(session: Session, actor: Actor, row: ObserverGrant) -> None:
    row.revoked_at = utcnow()
    row.revoked_by = actor.user_id
    request = session.get(ClearanceRequest, row.request_id) if row.request_id is not None else None
    audit.record(session, actor, ObserverWithdrawn(grant=row.id, agreement=row.agreement_code), request=request)


def _view(session: Session, row: ObserverGrant) -> GrantView:
    observer = session.get(Organisation, row.observer_org_id)
    grantor = session.get(Organisation, row.grantor_org_id) if row.grantor_org_id is not None else None
    request = session.get(ClearanceRequest, row.request_id) if row.request_id is not None else None
    assert observer is not None  # a foreign key
    return GrantView(
        id=row.id,
        observer_organisation=observer.name,
        request_id=request.public_id if request is not None else None,
        agreement_id=row.agreement_code,
        personal_data=row.personal_data,
        granted_by_organisation=grantor.name if grantor is not None else None,
        granted_at=row.granted_at,
        withdrawn_at=row.revoked_at,
    )
