"""Administration as the pages need it: an organisation's users, deactivating one, own API
tokens, and observer grants given and withdrawn (each audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import ObserverWithdrawn
from clearway.domain.workflow import OrgKind, Permission
from clearway.services import audit, observers, people
from clearway.services.actor import Actor
from clearway.services.errors import Invalid, NotFound
from clearway.store.models import (
    AgreementVersion,
    ClearanceRequest,
    ObserverGrant,
    Organisation,
    User,
    utcnow,
)


@dataclass(frozen=True)
class GrantRow:
    id: int
    observer: str
    target: str  # an agreement code, or a request's reference
    granted_at: datetime
    personal_data: bool


@dataclass(frozen=True)
class Overview:
    users: list[people.UserView]
    observers: list[Organisation]
    grants: list[GrantRow]
    agreement_codes: list[str]
    may_grant: bool


def organisation_overview(session: Session, actor: Actor) -> Overview:
    """The admin's users; for a sending or receiving authority also the observers and its grants."""
    users = people.list_users(session, actor)
    may_grant = actor.kind in (OrgKind.SENDING, OrgKind.RECEIVING)
    observers: list[Organisation] = []
    grants: list[GrantRow] = []
    codes: list[str] = []
    if may_grant:
        observers = list(
            session.scalars(
                select(Organisation).where(Organisation.kind == OrgKind.OBSERVER).order_by(Organisation.name)
            )
        )
        codes = sorted(set(session.scalars(select(AgreementVersion.agreement_code).where(_agreements_of(actor)))))
        rows = session.execute(
            select(ObserverGrant, Organisation.name, ClearanceRequest)
            .join(Organisation, Organisation.id == ObserverGrant.observer_org_id)
            .outerjoin(ClearanceRequest, ClearanceRequest.id == ObserverGrant.request_id)
            .where(ObserverGrant.revoked_at.is_(None))
            .order_by(ObserverGrant.granted_at.desc())
        )
        for row, observer, request in rows:
            if row.agreement_code is not None and row.agreement_code not in codes:
                continue
            if request is not None and not _is_party(actor, request):
                continue
            target = row.agreement_code or (request.reference if request is not None else "")
            grants.append(GrantRow(row.id, observer, target, row.granted_at, row.personal_data))
    return Overview(users, observers, grants, codes, may_grant)


def _agreements_of(actor: Actor) -> ColumnElement[bool]:
    """The agreements the actor's organisation is a party to."""
    if actor.kind is OrgKind.RECEIVING:
        return AgreementVersion.receiving_country == (actor.country or "")
    return AgreementVersion.sending_authority == (actor.country or "")


def _is_party(actor: Actor, request: ClearanceRequest) -> bool:
    if actor.kind is OrgKind.RECEIVING:
        return request.receiving_country == actor.country
    return request.sending_org_id == actor.organisation_id


def create_own_token(session: Session, actor: Actor, name: str) -> people.IssuedToken:
    """A new API token for the signed-in user (the secret is returned once)."""
    user = session.get(User, actor.user_id)
    if user is None:
        raise NotFound("service.user_not_found")
    return people.create_token(session, user, name, actor=actor)


def grant(
    session: Session,
    actor: Actor,
    observer_name: str,
    agreement_code: str | None,
    reference: str | None,
    *,
    personal_data: bool = False,
) -> observers.GrantView:
    """Read-only access for an observer to one of the actor's agreements or requests (by its
    reference), with the manifests' personal data when ``personal_data``."""
    request_id = None
    if reference:
        found = session.scalars(
            select(ClearanceRequest).where(
                ClearanceRequest.reference == reference, ClearanceRequest.sending_org_id == actor.organisation_id
            )
        ).one_or_none()
        if found is None:  # said beside the field: the admin typed it (and sees only their own)
            raise Invalid("service.grant_reference_unknown", field="request_reference", reference=reference)
        request_id, agreement_code = found.public_id, None
    elif not agreement_code:
        raise Invalid("service.grant_scope", field="agreement_code")
    target = observers.GrantTarget(
        observer_name, request_id=request_id, agreement_id=agreement_code, personal_data=personal_data
    )
    return observers.grant(session, actor, target)


def withdraw_grant(session: Session, actor: Actor, grant_id: int) -> None:
    actor.require(Permission.USERS_MANAGE)
    row = session.get(ObserverGrant, grant_id)
    if row is None or row.revoked_at is not None:
        raise NotFound("service.grant_not_found")
    row.revoked_at = utcnow()
    row.revoked_by = actor.user_id
    audit.record(session, actor, ObserverWithdrawn(grant=row.id, agreement=row.agreement_code))
