"""Deadline warnings, found by a periodic scan: an information request's reply-by time, and
the last moment a draft can be submitted and still meet the agreement's lead time.

Each warning is written once per deadline and threshold (``OutboxEvent.once_key`` is unique),
however many workers scan and however often: a second writer's insert fails on the key and
is skipped. A deadline that moves (a new reply-by, a flight moved) is a new deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearway.domain.notifications import DeadlineKind, EventType
from clearway.domain.snapshot import from_document
from clearway.domain.workflow import Action, State
from clearway.services.agreements import as_domain
from clearway.services.outbox import iso, write_event
from clearway.store.models import (
    AgreementVersion,
    ClearanceRequest,
    Decision,
    OutboxEvent,
    RequestVersion,
    VersionArrival,
)


def scan_deadlines(session: Session, now: datetime, thresholds_hours: Iterable[float]) -> int:
    """Write every warning whose threshold has been reached before its deadline; the number written."""
    thresholds = sorted({float(hours) for hours in thresholds_hours}, reverse=True)
    if not thresholds:
        return 0
    widest = timedelta(hours=thresholds[0])
    written = 0
    for request, due in _reply_by_deadlines(session, now, widest):
        written += _warn(session, request, DeadlineKind.REPLY_BY, due, now, thresholds)
    for request, due in _lead_time_deadlines(session, now, widest):
        written += _warn(session, request, DeadlineKind.LEAD_TIME, due, now, thresholds)
    return written


def _reply_by_deadlines(session: Session, now: datetime, widest: timedelta) -> list[tuple[ClearanceRequest, datetime]]:
    latest = (
        select(func.max(Decision.id))
        .where(Decision.action == Action.REQUEST_INFO)
        .group_by(Decision.request_id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(ClearanceRequest, Decision.reply_by)
        .join(Decision, Decision.request_id == ClearanceRequest.id)
        .where(
            ClearanceRequest.state == State.INFO_REQUESTED,
            Decision.id.in_(latest),
            Decision.reply_by.is_not(None),
            Decision.reply_by > now,
            Decision.reply_by <= now + widest,
        )
    )
    return [(request, due) for request, due in rows if due is not None]


def _lead_time_deadlines(session: Session, now: datetime, widest: timedelta) -> list[tuple[ClearanceRequest, datetime]]:
    rows = session.execute(
        select(ClearanceRequest, RequestVersion, AgreementVersion)
        .join(
            RequestVersion,
            and_(
                RequestVersion.request_id == ClearanceRequest.id,
                RequestVersion.number == ClearanceRequest.current_version,
            ),
        )
        .join(
            AgreementVersion,
            and_(
                AgreementVersion.receiving_country == ClearanceRequest.receiving_country,
                AgreementVersion.agreement_code == RequestVersion.agreement_code,
                AgreementVersion.version == RequestVersion.agreement_version,
            ),
        )
        .where(ClearanceRequest.state == State.DRAFT)
    )
    found = []
    for request, version, agreement_row in rows:
        hours = as_domain(agreement_row).lead_time_min_hours
        first_leg = session.scalar(
            select(func.min(VersionArrival.leg_index)).where(VersionArrival.version_id == version.id)
        )
        if hours is None or first_leg is None:
            continue
        legs = from_document(version.content).flight.legs
        if first_leg >= len(legs):
            continue
        due = legs[first_leg].arrival - timedelta(hours=hours)
        if now < due <= now + widest:
            found.append((request, due))
    return found


def _warn(
    session: Session,
    request: ClearanceRequest,
    kind: DeadlineKind,
    due: datetime,
    now: datetime,
    thresholds: list[float],
) -> int:
    written = 0
    for hours in thresholds:
        if now < due - timedelta(hours=hours):
            continue  # this threshold is not reached yet
        key = f"{kind}:{request.public_id}:{iso(due)}:{hours:g}h"
        if session.scalar(select(OutboxEvent.id).where(OutboxEvent.once_key == key)) is not None:
            continue
        try:
            with session.begin_nested():
                write_event(
                    session,
                    EventType.DEADLINE_APPROACHING,
                    request,
                    extra={"deadline": str(kind), "due_at": iso(due), "hours_before": hours},
                    once_key=key,
                    at=now,
                )
        except IntegrityError:
            continue  # another worker wrote it first
        written += 1
    return written
