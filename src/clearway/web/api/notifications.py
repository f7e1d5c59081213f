"""Notifications: webhook endpoints, their deliveries and dead letters (with replay), one's own
e-mail choices, and calendar feeds (the feed itself is public behind its secret address)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Path, Query, Response
from pydantic import BaseModel, Field

from clearway.domain.notifications import EventType
from clearway.domain.workflow import Permission
from clearway.services import calendar, notify_deliveries, notify_email, webhooks
from clearway.services.notify_deliveries import DeliveryFilter
from clearway.web.api.deps import AUTHENTICATED, PUBLIC, ApiRouter, PublicReader, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(tags=["notifications"], responses=ERROR_RESPONSES)
ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"


class EndpointOut(BaseModel):
    id: str
    url: str
    event_types: list[EventType]
    description: str
    created_at: datetime
    disabled_at: datetime | None


class EndpointList(BaseModel):
    items: list[EndpointOut]


class NewEndpoint(BaseModel):
    url: str = Field(max_length=webhooks.MAX_URL, description="HTTPS (HTTP only in development); a public address.")
    event_types: list[EventType] | None = Field(None, description="The events to send; all when omitted.")
    description: str = Field("", max_length=200)


class RegisteredEndpoint(EndpointOut):
    secret: str = Field(description="The signing secret (whsec_...), shown this once.")


class DeliveryOut(BaseModel):
    message_id: str = Field(description="The webhook-id: the same on every attempt.")
    event_id: str
    event_type: EventType
    request_id: str | None
    channel: str
    endpoint_id: str | None
    recipient: str | None
    status: str = Field(description="pending, delivered or dead")
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
    total: int
    limit: int
    offset: int


class EmailPreferences(BaseModel):
    language: str = Field("en", description="en or es")
    event_types: list[EventType] = Field(description="The events to receive by e-mail; empty: none.")


class FeedOut(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None


class FeedList(BaseModel):
    items: list[FeedOut]


class NewFeed(BaseModel):
    name: str = Field("Arrivals", max_length=100)


class CreatedFeed(FeedOut):
    secret: str = Field(description="Shown this once.")
    path: str = Field(description="The feed's address on this server (keep it secret).")


def _endpoint(view: webhooks.EndpointView) -> EndpointOut:
    return EndpointOut(
        id=view.id,
        url=view.url,
        event_types=[EventType(item) for item in view.event_types],
        description=view.description,
        created_at=view.created_at,
        disabled_at=view.disabled_at,
    )


def _delivery(view: notify_deliveries.DeliveryView) -> DeliveryOut:
    return DeliveryOut(**{**view.__dict__, "event_type": EventType(view.event_type)})


def _feed(view: calendar.FeedView) -> FeedOut:
    return FeedOut(**view.__dict__)


@router.get(
    "/webhooks/endpoints",
    operation_id="listWebhookEndpoints",
    summary="The organisation's webhook endpoints",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def list_endpoints(ctx: Reader) -> EndpointList:
    return EndpointList(items=[_endpoint(item) for item in webhooks.list_endpoints(ctx.session, ctx.actor)])


@router.post(
    "/webhooks/endpoints",
    operation_id="createWebhookEndpoint",
    status_code=201,
    summary="Register an endpoint for the chosen events; its signing secret is shown once",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def create_endpoint(ctx: Writer, body: NewEndpoint) -> RegisteredEndpoint:
    registered = webhooks.register_endpoint(
        ctx.session,
        ctx.actor,
        body.url,
        [str(item) for item in body.event_types] if body.event_types is not None else None,
        description=body.description,
        server_secret=ctx.settings.secret_key,
        https_only=ctx.settings.environment != "development",
        allow_private=ctx.settings.delivery.webhook_allow_private,
    )
    return RegisteredEndpoint(**_endpoint(registered.endpoint).model_dump(), secret=registered.secret)


@router.delete(
    "/webhooks/endpoints/{endpoint_id}",
    operation_id="disableWebhookEndpoint",
    summary="Send nothing more to this endpoint",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def disable_endpoint(ctx: Writer, endpoint_id: Annotated[str, Path(max_length=36)]) -> EndpointOut:
    return _endpoint(webhooks.disable_endpoint(ctx.session, ctx.actor, endpoint_id))


@router.get(
    "/webhooks/deliveries",
    operation_id="listDeliveries",
    summary="The organisation's notifications: pending, delivered, failing (retrying) and dead letters",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def list_deliveries(
    ctx: Reader,
    status: DeliveryFilter = DeliveryFilter.ALL,
    limit: Annotated[int, Query(ge=1, le=notify_deliveries.MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DeliveryPage:
    items, total = notify_deliveries.list_deliveries(ctx.session, ctx.actor, status, limit=limit, offset=offset)
    return DeliveryPage(items=[_delivery(item) for item in items], total=total, limit=limit, offset=offset)


@router.post(
    "/webhooks/deliveries/{message_id}/replay",
    operation_id="replayDelivery",
    summary="Queue a dead letter again (same webhook-id), due now",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def replay_delivery(ctx: Writer, message_id: Annotated[str, Path(max_length=40)]) -> DeliveryOut:
    return _delivery(notify_deliveries.replay(ctx.session, ctx.actor, message_id))


@router.get(
    "/notifications/email",
    operation_id="getEmailPreferences",
    summary="The events the caller receives by e-mail, and in which language",
    openapi_extra=needs(AUTHENTICATED),
)
def get_email(ctx: Reader) -> EmailPreferences:
    found = notify_email.get_preferences(ctx.session, ctx.actor)
    return EmailPreferences(language=found.language, event_types=[EventType(item) for item in found.event_types])


@router.put(
    "/notifications/email",
    operation_id="setEmailPreferences",
    summary="Choose the events to receive by e-mail (none: opt out) and the language",
    openapi_extra=needs(AUTHENTICATED),
)
def set_email(ctx: Writer, body: EmailPreferences) -> EmailPreferences:
    saved = notify_email.set_preferences(
        ctx.session, ctx.actor, body.language, [str(item) for item in body.event_types]
    )
    return EmailPreferences(language=saved.language, event_types=[EventType(item) for item in saved.event_types])


@router.get(
    "/calendar/feeds",
    operation_id="listCalendarFeeds",
    summary="The organisation's calendar feeds (their secrets are never shown again)",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def list_feeds(ctx: Reader) -> FeedList:
    return FeedList(items=[_feed(item) for item in calendar.list_feeds(ctx.session, ctx.actor)])


@router.post(
    "/calendar/feeds",
    operation_id="createCalendarFeed",
    status_code=201,
    summary="A secret ICS address for the organisation's arrivals",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def create_feed(ctx: Writer, body: NewFeed) -> CreatedFeed:
    created = calendar.create_feed(ctx.session, ctx.actor, body.name)
    return CreatedFeed(
        **_feed(created.feed).model_dump(), secret=created.secret, path=f"/api/v1/calendar/{created.secret}.ics"
    )


@router.delete(
    "/calendar/feeds/{feed_id}",
    operation_id="revokeCalendarFeed",
    summary="Revoke a feed: its address answers 404 from now on",
    openapi_extra=needs(Permission.NOTIFICATIONS_MANAGE),
)
def revoke_feed(ctx: Writer, feed_id: Annotated[int, Path(ge=1)]) -> FeedOut:
    return _feed(calendar.revoke_feed(ctx.session, ctx.actor, feed_id))


@router.get(
    "/calendar/{secret}.ics",
    operation_id="getCalendarFeed",
    summary="An organisation's arrivals as ICS (the secret address is the credential)",
    openapi_extra=needs(PUBLIC),
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}},
)
def get_feed(ctx: PublicReader, secret: Annotated[str, Path(max_length=100)]) -> Response:
    body = calendar.feed_ics(ctx.session, secret, base_url=ctx.settings.delivery.public_base_url, lang=ctx.lang)
    return Response(body, media_type=ICS_MEDIA_TYPE, headers={"Cache-Control": "private, max-age=300"})
