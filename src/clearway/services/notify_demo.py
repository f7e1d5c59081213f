"""The demo's notifications: a webhook endpoint for the Mexican authority and calendar feeds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.workflow import OrgKind, Role
from clearway.services import calendar, webhooks
from clearway.services.actor import actor_for
from clearway.store.models import Organisation, User


@dataclass(frozen=True)
class DemoFeed:
    organisation: str
    path: str  # /api/v1/calendar/<secret>.ics


@dataclass(frozen=True)
class DemoNotifications:
    organisation: str
    webhook_url: str
    webhook_secret: str
    feeds: list[DemoFeed]


def seed_notifications(session: Session, *, webhook_url: str, server_secret: str) -> DemoNotifications:
    """An endpoint (all events) for the first receiving authority, and a feed for every authority."""
    admins = session.execute(
        select(Organisation, User)
        .join(User, User.organisation_id == Organisation.id)
        .where(User.role == Role.ADMIN, Organisation.kind != OrgKind.OBSERVER)
        .order_by(Organisation.id)
    ).all()
    receiving = next((org, user) for org, user in admins if org.kind is OrgKind.RECEIVING)
    registered = webhooks.register_endpoint(
        session,
        actor_for(session, receiving[1].id),
        webhook_url,
        None,
        description="demo receiver",
        server_secret=server_secret,
        https_only=False,
        allow_private=True,
    )
    feeds = []
    for organisation, admin in admins:
        created = calendar.create_feed(session, actor_for(session, admin.id), "Arrivals (demo)")
        feeds.append(DemoFeed(organisation.name, f"/api/v1/calendar/{created.secret}.ics"))
    return DemoNotifications(receiving[0].name, registered.endpoint.url, registered.secret, feeds)
