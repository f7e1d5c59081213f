"""Who sees which request (spec/workflow.md "Who sees what"), and the personal-data access log.

A request the caller may not see answers exactly as one that does not exist.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import ColumnElement, Select, and_, bindparam, false, or_, select
from sqlalchemy.orm import Session

from clearway.domain.workflow import OrgKind, Permission
from clearway.services.actor import Actor
from clearway.services.errors import NotFound
from clearway.store.models import AccessLogEntry, ClearanceRequest, ObserverGrant, RequestVersion


def visible(actor: Actor) -> ColumnElement[bool]:
    """The condition on ``ClearanceRequest`` rows this actor may see."""
    if actor.kind is OrgKind.SENDING:
        return ClearanceRequest.sending_org_id == actor.organisation_id
    if actor.kind is OrgKind.RECEIVING:
        if actor.country is None:
            return false()
        return and_(ClearanceRequest.receiving_country == actor.country, ClearanceRequest.ever_submitted)
    granted = select(ObserverGrant.id).where(
        ObserverGrant.observer_org_id == actor.organisation_id, ObserverGrant.revoked_at.is_(None)
    )
    by_request = granted.where(ObserverGrant.request_id == ClearanceRequest.id).exists()
    by_agreement = (
        granted.where(
            ObserverGrant.agreement_code.is_not(None),
            ObserverGrant.agreement_code == RequestVersion.agreement_code,
            RequestVersion.request_id == ClearanceRequest.id,
            RequestVersion.number == ClearanceRequest.current_version,
        )
        .correlate(ClearanceRequest)
        .exists()
    )
    # Observers never see drafts, as receiving authorities do not.
    return and_(ClearanceRequest.ever_submitted, or_(by_request, by_agreement))


def find_request(session: Session, actor: Actor, public_id: str, *, for_update: bool = False) -> ClearanceRequest:
    """The request if the actor may see it; ``NotFound`` otherwise (never a hint that it exists)."""
    actor.require(Permission.REQUEST_READ)
    query = select(ClearanceRequest).where(ClearanceRequest.public_id == public_id, visible(actor))
    if for_update:
        query = query.with_for_update()
    found = session.scalars(query).one_or_none()
    if found is None:
        raise NotFound("service.request_not_found", request=public_id)
    return found


def find_request_with_version(
    session: Session, actor: Actor, public_id: str
) -> tuple[ClearanceRequest, RequestVersion]:
    """``find_request`` and the request's current version, read in one query (the API's hottest read)."""
    actor.require(Permission.REQUEST_READ)
    found = session.execute(_request_with_version_query(actor), {"public_id": public_id}).one_or_none()
    if found is None:
        raise NotFound("service.request_not_found", request=public_id)
    request, version = found
    return request, version


@lru_cache(maxsize=1024)
def _request_with_version_query(actor: Actor) -> Select[ClearanceRequest, RequestVersion]:
    """The statement of ``find_request_with_version``, built once per viewer (the request is a parameter)."""
    return (
        select(ClearanceRequest, RequestVersion)
        .join(
            RequestVersion,
            and_(
                RequestVersion.request_id == ClearanceRequest.id,
                RequestVersion.number == ClearanceRequest.current_version,
            ),
        )
        .where(ClearanceRequest.public_id == bindparam("public_id"), visible(actor))
    )


def log_personal_data_view(session: Session, actor: Actor, request: ClearanceRequest, version: int) -> None:
    """Record that the actor saw a manifest's personal data (append-only, outside the audit chain)."""
    session.add(
        AccessLogEntry(
            user_id=actor.user_id, organisation_id=actor.organisation_id, request_id=request.id, version=version
        )
    )
