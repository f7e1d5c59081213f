"""What both sides see about one request, read in as few statements as its state allows.

The API's hottest read: a table is read only when the request's state says it can hold
rows for it (no decision before a submission, no clearance before an approval...).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from clearway.domain.workflow import Action, State
from clearway.services.access import visible
from clearway.services.actor import Actor
from clearway.services.requests import current_version
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    Decision,
    FlightEvent,
    ReceptionRecord,
    RequestVersion,
)


@dataclass(frozen=True)
class RequestRecord:
    """One request and everything stored about it that the caller may see."""

    request: ClearanceRequest
    copied_from: str | None  # the source's public id, only when the caller may see the source
    version: RequestVersion
    decisions: Sequence[Decision]
    clearance: Clearance | None  # the latest issued, whatever its status
    events: Sequence[FlightEvent]
    reception: Sequence[ReceptionRecord]


#: States a request is in once its flight has left; only these can have flight events.
_FLOWN = frozenset({State.DEPARTED, State.ARRIVED, State.CLOSED})
_APPROVALS = frozenset({Action.APPROVE, Action.APPROVE_RESTRICTED})

#: Built once: run on every read of a submitted request.
_DECISIONS_OF_REQUEST = (
    select(Decision).where(Decision.request_id == bindparam("request_id")).order_by(Decision.decided_at, Decision.id)
)


def copied_from(session: Session, actor: Actor, request: ClearanceRequest) -> str | None:
    """The public id of the request this one was copied from, named only to those who may see it."""
    if request.copied_from_id is None:
        return None
    return session.scalar(
        select(ClearanceRequest.public_id).where(ClearanceRequest.id == request.copied_from_id, visible(actor))
    )


def request_record(
    session: Session, actor: Actor, request: ClearanceRequest, version: RequestVersion | None = None
) -> RequestRecord:
    """Everything about ``request`` (found, and so authorised, by ``access.find_request``).

    ``version`` is the request's current version when the caller has read it already."""
    if version is None:
        version = current_version(session, request)
    decisions: Sequence[Decision] = ()
    if request.ever_submitted:
        decisions = session.scalars(_DECISIONS_OF_REQUEST, {"request_id": request.id}).all()
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
    return RequestRecord(
        request, copied_from(session, actor, request), version, decisions, clearance, events, reception
    )
