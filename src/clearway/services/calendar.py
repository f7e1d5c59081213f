"""Calendar feeds: an organisation's arrivals in the receiving country as ICS, behind a secret URL.

The feed is built when it is fetched, from the requests the organisation may see at that
moment (``access.visible``), so it follows every amendment, decision and cancellation with
nothing to keep in step. The secret is shown once; only its SHA-256 is stored, and a
revoked (or unknown) secret answers as not found.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import CalendarFeedCreated, CalendarFeedRevoked
from clearway.domain.snapshot import from_document
from clearway.domain.workflow import APPROVED_STATES, Permission, State
from clearway.formats.ics import ArrivalEntry, EntryStatus, write_calendar
from clearway.i18n import translate
from clearway.reference import PackagedReferenceData
from clearway.services import audit
from clearway.services.access import visible
from clearway.services.actor import Actor
from clearway.services.errors import NotFound
from clearway.services.outbox import organisation_viewer
from clearway.store.models import (
    CalendarFeed,
    Clearance,
    ClearanceRequest,
    ClearanceStatus,
    Organisation,
    RequestVersion,
    VersionArrival,
    utcnow,
)

FEED_PREFIX = "cal_"
_CONFIRMED = frozenset({*APPROVED_STATES, State.DEPARTED, State.ARRIVED, State.CLOSED})
_CANCELLED = frozenset({State.CANCELLED, State.REVOKED, State.DENIED})


@dataclass(frozen=True)
class FeedView:
    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True)
class NewFeed:
    feed: FeedView
    #: The secret, shown this once; the feed's address is ``/api/v1/calendar/<secret>.ics``.
    secret: str


def _view(feed: CalendarFeed) -> FeedView:
    return FeedView(feed.id, feed.name, feed.prefix, feed.created_at, feed.revoked_at)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_feed(session: Session, actor: Actor, name: str) -> NewFeed:
    """A new secret feed address for the actor's organisation."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    secret = FEED_PREFIX + secrets.token_urlsafe(32)
    feed = CalendarFeed(
        organisation_id=actor.organisation_id,
        name=(name.strip() or "Arrivals")[:100],
        prefix=secret[:12],
        token_hash=_hash(secret),
        created_by=actor.user_id,
    )
    session.add(feed)
    session.flush()
    audit.record(session, actor, CalendarFeedCreated(feed=feed.id))
    return NewFeed(_view(feed), secret)


def list_feeds(session: Session, actor: Actor) -> list[FeedView]:
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    rows = session.scalars(
        select(CalendarFeed).where(CalendarFeed.organisation_id == actor.organisation_id).order_by(CalendarFeed.id)
    )
    return [_view(row) for row in rows]


def revoke_feed(session: Session, actor: Actor, feed_id: int) -> FeedView:
    """The feed's address stops working at once."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    feed = session.get(CalendarFeed, feed_id)
    if feed is None or feed.organisation_id != actor.organisation_id:
        raise NotFound("notify.feed_not_found", feed=feed_id)
    if feed.revoked_at is None:
        feed.revoked_at = utcnow()
        audit.record(session, actor, CalendarFeedRevoked(feed=feed.id))
    return _view(feed)


def feed_ics(session: Session, secret: str, *, base_url: str, lang: str = "en") -> bytes:
    """The ICS document of the feed with this secret; ``NotFound`` when revoked or unknown."""
    feed = session.scalars(
        select(CalendarFeed).where(CalendarFeed.token_hash == _hash(secret), CalendarFeed.revoked_at.is_(None))
    ).one_or_none()
    if feed is None:
        raise NotFound("notify.feed_not_found", feed=secret[:12])
    organisation = session.get(Organisation, feed.organisation_id)
    assert organisation is not None  # a foreign key
    return write_calendar(feed.name, _entries(session, organisation, base_url, lang))


def _entries(session: Session, organisation: Organisation, base_url: str, lang: str) -> list[ArrivalEntry]:
    viewer = organisation_viewer(organisation)
    rows = session.execute(
        select(ClearanceRequest, RequestVersion, VersionArrival)
        .join(
            RequestVersion,
            and_(
                RequestVersion.request_id == ClearanceRequest.id,
                RequestVersion.number == ClearanceRequest.current_version,
            ),
        )
        .join(VersionArrival, VersionArrival.version_id == RequestVersion.id)
        .where(visible(viewer))
        .order_by(ClearanceRequest.id, VersionArrival.leg_index)
    ).all()
    numbers = {
        request_id: number
        for request_id, number in session.execute(
            select(Clearance.request_id, Clearance.number).where(
                Clearance.status == ClearanceStatus.CURRENT,
                Clearance.request_id.in_({request.id for request, _, _ in rows}),
            )
        )
    }
    airports = PackagedReferenceData()
    entries = []
    for request, version, arrival in rows:
        legs = from_document(version.content).flight.legs
        airport = airports.airport(arrival.airport)
        if arrival.leg_index >= len(legs) or airport is None:
            continue
        leg = legs[arrival.leg_index]
        number = numbers.get(request.id)
        status = _status(request.state)
        description = [
            translate("notify.ics.state", lang, state=str(request.state), version=request.current_version),
            translate("notify.ics.route", lang, origin=leg.origin, destination=leg.destination),
        ]
        if number:
            description.append(translate("notify.ics.clearance", lang, number=number))
        entries.append(
            ArrivalEntry(
                uid=f"{request.public_id}-{arrival.leg_index}@clearway",
                summary=translate("notify.ics.summary", lang, reference=request.reference, airport=arrival.airport),
                arrival=leg.arrival,
                zone=airport.tz,
                airport=f"{arrival.airport} {airport.name}",
                status=status,
                # Grows with every change (a cancellation keeps the version), so calendars update in place.
                sequence=int(request.updated_at.timestamp()),
                updated_at=request.updated_at,
                description="\n".join(description),
                url=f"{base_url}/requests/{request.public_id}",
            )
        )
    return entries


def _status(state: State) -> EntryStatus:
    if state in _CANCELLED:
        return EntryStatus.CANCELLED
    if state in _CONFIRMED:
        return EntryStatus.CONFIRMED
    return EntryStatus.TENTATIVE
