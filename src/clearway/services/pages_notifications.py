"""Notifications as the pages show them: an organisation's webhook endpoints, its deliveries (pending,
delivered, failing, dead letters) and calendar feeds, for its admins; and each user's e-mail choice.
The same services as the API's, so the rules (who may, what is refused) are the same."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from clearway.domain.notifications import EventType
from clearway.services import calendar, notify_deliveries, webhooks
from clearway.services.actor import Actor
from clearway.services.notify_deliveries import DeliveryFilter

PAGE_SIZE = 25
EVENT_TYPES = tuple(str(item) for item in EventType)


@dataclass(frozen=True)
class NotificationsOverview:
    endpoints: list[webhooks.EndpointView]
    feeds: list[calendar.FeedView]
    deliveries: list[notify_deliveries.DeliveryView]
    delivery_total: int
    which: DeliveryFilter
    offset: int
    page_size: int = PAGE_SIZE

    @property
    def next_offset(self) -> int | None:
        following = self.offset + self.page_size
        return following if following < self.delivery_total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.page_size) if self.offset > 0 else None


def overview(session: Session, actor: Actor, which: str = "all", offset: int = 0) -> NotificationsOverview:
    """The organisation's endpoints, feeds and one page of its deliveries (``which``: a delivery filter's
    name; an unknown one shows all)."""
    chosen = DeliveryFilter(which) if which in {str(item) for item in DeliveryFilter} else DeliveryFilter.ALL
    start = max(0, offset)
    deliveries, total = notify_deliveries.list_deliveries(session, actor, chosen, limit=PAGE_SIZE, offset=start)
    return NotificationsOverview(
        endpoints=webhooks.list_endpoints(session, actor),
        feeds=calendar.list_feeds(session, actor),
        deliveries=deliveries,
        delivery_total=total,
        which=chosen,
        offset=start,
    )
