"""Who sees which request (spec/workflow.md "Who sees what"), and the personal-data access log.

A request the caller may not see answers exactly as one that does not exist. The sending
organisation sees every version of its requests; the receiving side and observers see only
the versions put before them (``VersionSubmission``), never a draft. Personal data is shown
only where the caller may read it and the view is written to the access log.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import ColumnElement, Select, and_, bindparam, false, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from clearway.domain.workflow import OrgKind, Permission
from clearway.services.actor import Actor
from clearway.services.errors import Forbidden, NotFound
from clearway.store.models import (
    AccessLogEntry,
    ClearanceRequest,
    ObserverGrant,
    RequestVersion,
    VersionSubmission,
)


def visible(actor: Actor) -> ColumnElement[bool]:
    """The condition on ``ClearanceRequest`` rows this actor may see."""
    if actor.kind is OrgKind.SENDING:
        return ClearanceRequest.sending_org_id == actor.organisation_id
    if actor.kind is OrgKind.RECEIVING:
        if actor.country is None:
            return false()
        return and_(ClearanceRequest.receiving_country == actor.country, ClearanceRequest.ever_submitted)
    # Observers never see drafts, as receiving authorities do not.
    return and_(ClearanceRequest.ever_submitted, _observer_grant(actor, personal_data_only=False))


def _observer_grant(actor: Actor, *, personal_data_only: bool) -> ColumnElement[bool]:
    """A live grant of the observer's covering the (correlated) request."""
    conditions = [ObserverGrant.observer_org_id == actor.organisation_id, ObserverGrant.revoked_at.is_(None)]
    if personal_data_only:
        conditions.append(ObserverGrant.personal_data.is_(True))
    granted = select(ObserverGrant.id).where(*conditions)
    by_request = granted.where(ObserverGrant.request_id == ClearanceRequest.id)
    by_agreement = granted.where(
        ObserverGrant.agreement_code.is_not(None),
        ObserverGrant.agreement_code == RequestVersion.agreement_code,
        RequestVersion.request_id == ClearanceRequest.id,
        # The agreement of the version the observer is shown, not of a draft after it.
        RequestVersion.number == ClearanceRequest.shared_version,
        # The agreement of that id in the request's receiving country (ids are each country's own).
        ObserverGrant.agreement_country == ClearanceRequest.receiving_country,
        # A grant per agreement covers only the granting organisation's own requests under it.
        or_(
            ObserverGrant.covers_sending_org_id == ClearanceRequest.sending_org_id,
            ObserverGrant.covers_receiving_country == ClearanceRequest.receiving_country,
        ),
    )
    return or_(by_request.exists(), by_agreement.correlate(ClearanceRequest).exists())


def shown_version_column(actor: Actor) -> InstrumentedAttribute[int] | InstrumentedAttribute[int | None]:
    """The request's column holding the version this actor is shown as current."""
    if actor.kind is OrgKind.SENDING:
        return ClearanceRequest.current_version
    return ClearanceRequest.shared_version


def shown_version(actor: Actor, request: ClearanceRequest) -> int:
    """The number of the version this actor is shown as the request's current one."""
    number = request.current_version if actor.kind is OrgKind.SENDING else request.shared_version
    if number is None:  # visible() keeps never-submitted requests from everyone but their sender
        raise NotFound("service.request_not_found", request=request.public_id)
    return number


def shared_versions(session: Session, request: ClearanceRequest) -> set[int]:
    """The numbers of the versions put before the receiving side."""
    return set(session.scalars(select(VersionSubmission.version).where(VersionSubmission.request_id == request.id)))


def may_see_version(session: Session, actor: Actor, request: ClearanceRequest, number: int) -> bool:
    """The sender sees every version; the others only those put before the receiving side."""
    if actor.kind is OrgKind.SENDING:
        return True
    found = session.scalar(
        select(VersionSubmission.id)
        .where(VersionSubmission.request_id == request.id, VersionSubmission.version == number)
        .limit(1)
    )
    return found is not None


def may_read_personal_data(session: Session, actor: Actor, request: ClearanceRequest) -> bool:
    """The role allows it and, for an observer, a grant covering this request includes personal data."""
    if not actor.may(Permission.PERSONAL_DATA_READ):
        return False
    if actor.kind is not OrgKind.OBSERVER:
        return True
    query = select(ClearanceRequest.id).where(
        ClearanceRequest.id == request.id, _observer_grant(actor, personal_data_only=True)
    )
    return session.scalar(query) is not None


def require_personal_data(session: Session, actor: Actor, request: ClearanceRequest) -> None:
    """``Forbidden`` unless the actor may read this request's personal data."""
    actor.require(Permission.PERSONAL_DATA_READ)
    if not may_read_personal_data(session, actor, request):
        raise Forbidden("service.no_personal_data_grant")


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
    """``find_request`` and the version the actor is shown as current (``shown_version``), read in
    one query (the API's hottest read)."""
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
                RequestVersion.number == shown_version_column(actor),
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
